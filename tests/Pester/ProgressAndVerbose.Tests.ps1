# Progress, Verbose, Debug and Warning output of Get-MhPhoneNumber, read from the streams of a hosted
# [powershell] instance (its own runspace, with the built module imported and connected to the fake API).
#
# The progress bar is throttled to about ten updates a second. To make the record count deterministic, the fake
# answers each page after a delay longer than that interval (latency_ms), and pages are fetched one at a time,
# so every page must give exactly one record.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'pv-Secret-Token-4f1c'
    $script:api = Start-FakeApi -Count 250 -Token $token # 225 visible numbers

    # A new runspace with the module imported and connected; the caller adds the command and disposes it.
    function script:New-HostedShell {
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
                param($ModulePath, $BaseUri, $Token)
                Import-Module $ModulePath
                Connect-MhAccount -Subdomain pv -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -BaseUri $BaseUri -SkipValidation
            }).AddArgument((Get-BuiltModulePath)).AddArgument($api.BaseUri).AddArgument($token)
        $null = $shell.Invoke()
        if ($shell.HadErrors) { throw "The hosted shell could not connect: $($shell.Streams.Error)" }
        $shell.Commands.Clear()
        $shell
    }

    # Runs $Script in a fresh hosted shell; returns the output and every stream.
    function script:Invoke-Hosted([string] $Script) {
        $shell = New-HostedShell
        try {
            $output = @($shell.AddScript($Script).Invoke())
            [pscustomobject]@{
                Output   = $output
                Progress = @($shell.Streams.Progress)
                Verbose  = @($shell.Streams.Verbose | ForEach-Object Message)
                Debug    = @($shell.Streams.Debug | ForEach-Object Message)
                Warning  = @($shell.Streams.Warning | ForEach-Object Message)
                Error    = @($shell.Streams.Error)
            }
        } finally {
            $shell.Dispose()
        }
    }
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'Progress' {
    AfterEach { Set-FakeApiFault $api }

    It 'shows page x of y and the numbers so far of the total, one record per page, then Completed' {
        Set-FakeApiFault $api @{ latency_ms = 400 }   # far above the 100 ms interval, even on a loaded machine
        $run = Invoke-Hosted 'Get-MhPhoneNumber -PerPage 25'

        $run.Output.Count | Should -Be 225
        $processing = @($run.Progress | Where-Object RecordType -EQ 'Processing')
        $processing.Count | Should -Be 9
        for ($i = 1; $i -le 9; $i++) {
            $processing[$i - 1].StatusDescription | Should -Be "Page $i of 9: $([math]::Min($i * 25, 225)) of 225 phone numbers"
            $processing[$i - 1].PercentComplete | Should -Be ([int][math]::Floor([math]::Min($i * 25, 225) * 100 / 225))
        }
        $processing.Activity | Select-Object -Unique | Should -Be 'Listing phone numbers'
        $processing.ActivityId | Select-Object -Unique | Should -HaveCount 1

        $run.Progress[-1].RecordType | Should -Be 'Completed'
        $run.Progress[-1].ActivityId | Should -Be $processing[0].ActivityId
    }

    It 'updates at most about ten times a second' {
        # No latency: 45 quick pages. Whatever the machine's speed, there can be no more records than 100 ms slots.
        $elapsed = [System.Diagnostics.Stopwatch]::StartNew()
        $run = Invoke-Hosted 'Get-MhPhoneNumber -PerPage 5'
        $elapsed.Stop()
        $run.Output.Count | Should -Be 225
        $processing = @($run.Progress | Where-Object RecordType -EQ 'Processing')
        $processing.Count | Should -BeGreaterOrEqual 1
        $processing.Count | Should -BeLessOrEqual ([math]::Floor($elapsed.ElapsedMilliseconds / 100) + 1)
        $processing[0].StatusDescription | Should -Be 'Page 1 of 45: 5 of 225 phone numbers'
        $run.Progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'is completed when a listing fails half way' {
        Set-FakeApiFault $api @{ latency_ms = 150 }
        $shell = New-HostedShell
        try {
            $async = $shell.AddScript('Get-MhPhoneNumber -PerPage 25 -Skip 25 -First 100').BeginInvoke()
            Wait-Until { $shell.Streams.Progress.Count -ge 1 }
            # Every later page now fails with a status that is not retried.
            Set-FakeApiFault $api @{ status_override = 99; override_status = 404 }
            $output = @($shell.EndInvoke($async))

            $output.Count | Should -BeGreaterOrEqual 25
            $output.Count | Should -BeLessThan 100
            $shell.Streams.Error.Count | Should -Be 1
            $shell.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'MhNotFound,*'
            $shell.Streams.Progress[-1].RecordType | Should -Be 'Completed'
        } finally {
            $shell.Dispose()
        }
    }

    It 'shows nothing for a listing of one page (<Case>)' -ForEach @(
        @{ Case = '-First 5'; Script = 'Get-MhPhoneNumber -First 5'; Count = 5 }
        @{ Case = '-Page 2 -PerPage 10'; Script = 'Get-MhPhoneNumber -Page 2 -PerPage 10'; Count = 10 }
        @{ Case = 'all matches on the first page'; Script = 'Get-MhPhoneNumber -CountryCode DE -Status inactive'; Count = -1 }
    ) {
        Set-FakeApiFault $api @{ latency_ms = 150 }
        $run = Invoke-Hosted $Script
        if ($Count -ge 0) { $run.Output.Count | Should -Be $Count } else { $run.Output.Count | Should -BeGreaterThan 0 }
        $run.Progress | Should -BeNullOrEmpty
    }

    It 'shows nothing with <Script>' -ForEach @(
        @{ Script = '$ProgressPreference = ''SilentlyContinue''; Get-MhPhoneNumber -PerPage 25' }
        @{ Script = '$ProgressPreference = ''Ignore''; Get-MhPhoneNumber -PerPage 25' }
        @{ Script = 'Get-MhPhoneNumber -PerPage 25 -ProgressAction SilentlyContinue' }
    ) {
        Set-FakeApiFault $api @{ latency_ms = 150 }
        $run = Invoke-Hosted $Script
        $run.Output.Count | Should -Be 225
        $run.Progress | Should -BeNullOrEmpty
    }
}

Describe 'Verbose' {
    It 'writes one line per request: method, URL with its query, status, milliseconds, items x-y of the total' {
        Clear-FakeApiRequest $api
        $run = Invoke-Hosted 'Get-MhPhoneNumber -PerPage 50 -Status active -Verbose'
        $requests = @(Get-FakeApiRequest $api)
        $requests.Count | Should -BeGreaterThan 1

        $run.Verbose.Count | Should -Be $requests.Count
        $total = $null
        for ($i = 0; $i -lt $requests.Count; $i++) {
            $line = $run.Verbose[$i]
            $pattern = "^GET $([regex]::Escape($api.BaseUri))/api/v1/phone-numbers\?$([regex]::Escape($requests[$i].query)) -> 200 OK in \d+ ms, items (\d+)-(\d+) of (\d+)$"
            $line | Should -Match $pattern
            $null = $line -match $pattern
            [int]$Matches[1] | Should -Be ($i * 50 + 1)
            $last, $total = [int]$Matches[2], [int]$Matches[3]
        }
        $total | Should -Be $run.Output.Count
        $last | Should -Be $total
    }

    It 'says an empty result in one Verbose line, with no warning and no error' {
        $run = Invoke-Hosted 'Get-MhPhoneNumber -Search no-such-number-anywhere -Verbose'
        $run.Output | Should -BeNullOrEmpty
        $run.Verbose | Should -Contain 'No phone numbers match.'
        $run.Warning | Should -BeNullOrEmpty
        $run.Error | Should -BeNullOrEmpty
    }

    It 'writes no warning for an ordinary listing' {
        $run = Invoke-Hosted 'Get-MhPhoneNumber -PerPage 100'
        $run.Warning | Should -BeNullOrEmpty
    }
}

Describe 'Debug' {
    It 'adds one line per page with the body size and the pagination' {
        $run = Invoke-Hosted '$DebugPreference = ''Continue''; Get-MhPhoneNumber -PerPage 100'
        $run.Debug.Count | Should -Be 3
        $run.Debug[0] | Should -Match '^Page 1: \d+ bytes, 100 items; pagination: current_page 1, total 225, last_page 3, has_more true$'
    }
}

Describe 'Nothing secret in any stream' {
    AfterEach { Set-FakeApiFault $api }

    It 'shows no header and no token in Verbose, Debug, Warning, Error or Progress (<Case>)' -ForEach @(
        @{ Case = 'a listing'; Script = 'Get-MhPhoneNumber -PerPage 100 -Verbose -Debug'; Fault = $null }
        @{ Case = 'a retry after a 503'; Script = 'Get-MhPhoneNumber -First 5 -Verbose -Debug'; Fault = @{ fail_5xx = 1; retry_after = '0' } }
        @{ Case = 'a refused token'; Script = 'Connect-MhAccount -Subdomain pv -Token (ConvertTo-SecureString ''pv-Wrong-Token-9b2e'' -AsPlainText -Force) -BaseUri $args[0] -SkipValidation; Get-MhPhoneNumber -Verbose -Debug'; Fault = $null }
    ) {
        if ($Fault) { Set-FakeApiFault $api $Fault }
        $shell = New-HostedShell
        try {
            $null = $shell.AddScript($Script).AddArgument($api.BaseUri).Invoke()
            $lines = @($shell.Streams.Verbose.Message) + @($shell.Streams.Debug.Message) + @($shell.Streams.Warning.Message) +
                @($shell.Streams.Error | ForEach-Object { "$_"; $_.ErrorDetails.Message; $_.ErrorDetails.RecommendedAction; $_.Exception.ToString() }) +
                @($shell.Streams.Progress | ForEach-Object { "$($_.Activity) $($_.StatusDescription)" })
            @($shell.Streams.Verbose).Count | Should -BeGreaterThan 0
            foreach ($line in $lines) {
                $line | Should -Not -Match 'Authorization|Bearer|User-Agent|Content-Type|Content-Length'
                $line | Should -Not -Match ([regex]::Escape($token))
                $line | Should -Not -Match 'pv-Wrong-Token-9b2e'
            }
            if ($Fault) { $shell.Streams.Verbose.Message -match '^Waiting .* before retry 1 of 3' | Should -Not -BeNullOrEmpty }
        } finally {
            $shell.Dispose()
        }
    }
}

Describe 'The total changes during a listing' {
    AfterEach {
        Set-FakeApiFault $api
        $null = Invoke-RestMethod -Method Put -Uri "$($api.BaseUri)/_fake/count?value=250"
    }

    It 'warns once, and still lists every number' {
        Set-FakeApiFault $api @{ latency_ms = 150 }
        $shell = New-HostedShell
        try {
            $async = $shell.AddScript('Get-MhPhoneNumber -PerPage 25 -Verbose').BeginInvoke()
            # Page 1 has arrived when its Verbose line is written; 8 more pages, 150 ms each, are still to come.
            Wait-Until { $shell.Streams.Verbose.Count -ge 1 }
            $shell.Streams.Verbose.Count | Should -BeGreaterThan 0
            $null = Invoke-RestMethod -Method Put -Uri "$($api.BaseUri)/_fake/count?value=300" # 270 visible
            $output = @($shell.EndInvoke($async))

            $warnings = @($shell.Streams.Warning.Message)
            $warnings.Count | Should -Be 1
            $warnings[0] | Should -Match 'changed from 225 to 270 during the listing'
            $output.Count | Should -Be 270
            @($output.PhoneNumberUuid | Select-Object -Unique).Count | Should -Be 270

            # The bar grows with the data instead of saying "page 10 of 9" or "250 of 225".
            $processing = @($shell.Streams.Progress | Where-Object RecordType -EQ 'Processing')
            $processing[-1].StatusDescription | Should -Be 'Page 11 of 11: 270 of 270 phone numbers'
            foreach ($record in $processing) {
                $null = $record.StatusDescription -match '^Page (\d+) of (\d+): (\d+) of (\d+) phone numbers$'
                [int]$Matches[1] | Should -BeLessOrEqual ([int]$Matches[2])
                [int]$Matches[3] | Should -BeLessOrEqual ([int]$Matches[4])
            }
        } finally {
            $shell.Dispose()
        }
    }
}
