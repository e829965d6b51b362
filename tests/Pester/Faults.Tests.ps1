# A listing that survives the real network: faults, cancellation, secrets and concurrency, as users meet them.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'faults-token-' + [guid]::NewGuid().ToString('N')
    $script:api = Start-FakeApi -Count 250 -Token $token
    Connect-MhAccount -Subdomain faults -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri

    # Runs $Script in a hosted PowerShell of this process (it shares the connection), returns the instance and its handle.
    function script:Start-HostedListing([string] $Script) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$(Get-BuiltModulePath)'; $Script")
        [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
    }
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'Retries' {
    BeforeEach { Set-FakeApiFault $api; Clear-FakeApiRequest $api }
    AfterAll { Set-FakeApiFault $api }

    It 'waits and retries a 503, says so in one Verbose line, and lists everything' {
        Set-FakeApiFault $api @{ fail_5xx = 1 }
        $verbose = Get-MhPhoneNumber -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @(Get-FakeApiRequest $api).Count | Should -Be 4
        @($verbose | Where-Object Message -like 'Waiting *').Count | Should -Be 1
        ($verbose | Where-Object Message -like 'Waiting *').Message | Should -Match 'retry 1 of 3 for page 1 \(503'
    }

    It 'honours Retry-After on a 429' {
        Set-FakeApiFault $api @{ fail_429 = 1; retry_after = '2' }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        @(Get-MhPhoneNumber).Count | Should -Be 225
        $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.9
    }

    It 'fails at once with MhThrottled when Retry-After asks for more than 120 s' {
        Set-FakeApiFault $api @{ fail_429 = 1; retry_after = '3600' }
        $err = $null
        Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MhThrottled,*'
        $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        @(Get-FakeApiRequest $api).Count | Should -Be 1
    }
}

Describe 'Errors' {
    BeforeEach { Set-FakeApiFault $api; Clear-FakeApiRequest $api }
    AfterAll { Set-FakeApiFault $api }

    It 'maps <Status> to <Id> (<Category>) with the API message and an action' -ForEach @(
        @{ Status = 403; Id = 'MhPermissionDenied'; Category = 'PermissionDenied' }
        @{ Status = 404; Id = 'MhNotFound'; Category = 'ObjectNotFound' }
        @{ Status = 422; Id = 'MhInvalidArgument'; Category = 'InvalidArgument' }
    ) {
        Set-FakeApiFault $api @{ status_override = 1; override_status = $Status; override_body = '{"success":false,"message":"Told by the API.","data":{"error":"detail here"}}' }
        $err = $null
        Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $err[0].CategoryInfo.Category | Should -Be $Category
        $err[0].ErrorDetails.Message | Should -Match "page 1: $Status"
        $err[0].ErrorDetails.Message | Should -Match 'Told by the API\. \(detail here\)'
        $err[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $err[0].Exception.StatusCode | Should -Be $Status
    }

    It 'gives a script the documented error.code, details and field to branch on' {
        Set-FakeApiFault $api @{ status_override = 1; override_status = 422; override_body = '{"success":false,"message":"The given data was invalid.","error":{"code":"VALIDATION_ERROR","details":"must be one of active, pending, inactive","field":"status"}}' }
        try {
            Get-MhPhoneNumber -ErrorAction Stop
            throw 'no error'
        } catch {
            $_.FullyQualifiedErrorId | Should -BeLike 'MhInvalidArgument,*'
            $_.Exception.ApiErrorCode | Should -Be 'VALIDATION_ERROR'
            $_.Exception.ApiErrorField | Should -Be 'status'
            $_.Exception.ApiErrorDetails | Should -Be 'must be one of active, pending, inactive'
            $_.ErrorDetails.Message | Should -Match 'code VALIDATION_ERROR; field status: must be one of active, pending, inactive'
        }
    }

    It 'reports an HTML error page with its status and an excerpt' {
        Set-FakeApiFault $api @{ html_error = 10 }
        $err = $null
        Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MhServiceUnavailable,*'
        $err[0].ErrorDetails.Message | Should -Match '502 Bad Gateway.*not JSON: "502 Bad Gateway 502 Bad Gateway nginx"'
    }

    It 'keeps what was already written when a later page fails' {
        Set-FakeApiFault $api @{ stuck_page = $true }
        $err = $null
        $numbers = Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err
        @($numbers).Count | Should -Be 100
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MhInvalidResponse,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].Exception.Page | Should -Be 2
    }

    It 'ends a server that says "more" for ever with InvalidData, not a loop' {
        Set-FakeApiFault $api @{ has_more_forever = $true }
        $err = $null
        $numbers = Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err
        @($numbers).Count | Should -Be 225
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MhInvalidResponse,*'
        @(Get-FakeApiRequest $api).Count | Should -Be 3
    }

    It 'never writes an item twice when pages repeat' {
        Set-FakeApiFault $api @{ repeat_page = $true }
        $numbers = @(Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err)
        ($numbers.PhoneNumberUuid | Select-Object -Unique).Count | Should -Be $numbers.Count
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MhInvalidResponse,*'
    }

    It 'refuses a redirect and names the other host' {
        # The other host: a port that only listens, so a connection to it, had the redirect been followed, waits there.
        $other = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $other.Start()
        try {
            $port = ([System.Net.IPEndPoint]$other.LocalEndpoint).Port
            Set-FakeApiFault $api @{ redirect_to_port = $port }
            $err = $null
            Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MhRedirectRefused,*'
            $err[0].ErrorDetails.Message | Should -Match ([regex]::Escape("http://127.0.0.1:$port"))
            $other.Pending() | Should -BeFalse
        } finally {
            $other.Stop()
        }
    }
}

Describe 'Cancellation' {
    BeforeEach { Set-FakeApiFault $api; Clear-FakeApiRequest $api }
    AfterAll { Set-FakeApiFault $api }

    # The server stalls for 30 s or asks for a 60 s wait: ending within a few seconds proves Stop() cut it short.
    It 'Stop() ends <Case> promptly' -ForEach @(
        @{ Case = 'a stalled body'; Fault = @{ stall_body = 5; stall_ms = 30000 } }
        @{ Case = 'a backoff wait'; Fault = @{ fail_5xx = 5; retry_after = '60' } }
    ) {
        Set-FakeApiFault $api $Fault
        $run = Start-HostedListing 'Get-MhPhoneNumber'
        try {
            Wait-Until { @(Get-FakeApiRequest $api).Count -ge 1 }
            Start-Sleep -Milliseconds 300
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $run.PowerShell.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
        } finally {
            $run.PowerShell.Dispose()
        }
    }

    It 'a per-request timeout (-TimeoutSec) ends a stalled body and the retry succeeds' {
        Set-FakeApiFault $api @{ stall_body = 1; stall_ms = 30000 }
        Connect-MhAccount -Subdomain faults -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri -TimeoutSec 1 -SkipValidation
        try {
            @(Get-MhPhoneNumber).Count | Should -Be 225
            @(Get-FakeApiRequest $api).Count | Should -Be 4
        } finally {
            Connect-MhAccount -Subdomain faults -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
        }
    }
}

Describe 'Secrets' {
    It 'never puts the token in any of the six streams, a transcript, an error or $Error, on success or failure' {
        $planted = 'planted-' + [guid]::NewGuid().ToString('N')
        $secretApi = Start-FakeApi -Count 30 -Token $planted
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $Error.Clear()
        Start-Transcript -Path $transcript | Out-Null
        try {
            $captured = & {
                $secure = ConvertTo-SecureString $planted -AsPlainText -Force
                Connect-MhAccount -Subdomain secrets -Token $secure -BaseUri $secretApi.BaseUri -PassThru -Verbose -Debug | Format-List *
                Get-MhContext | Format-List *
                Get-MhPhoneNumber -Verbose -Debug | Format-List
                Write-Information 'listing done' -InformationAction Continue
                Set-FakeApiFault $secretApi @{ fail_5xx = 1 }
                Get-MhPhoneNumber -Verbose -Debug -First 3
                Set-FakeApiFault $secretApi @{ status_override = 1; override_status = 401; override_body = '{"success":false,"message":"Unauthenticated."}' }
                Get-MhPhoneNumber -Verbose -Debug -ErrorAction Continue
                Set-FakeApiFault $secretApi @{ html_error = 5 }
                Get-MhPhoneNumber -Verbose -Debug -ErrorAction Continue
            } *>&1 | ForEach-Object {
                $_
                if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.FullyQualifiedErrorId; $_.Exception.ToString(); $_.ErrorDetails.Message; $_.ErrorDetails.RecommendedAction }
                if ($_ -is [System.Management.Automation.VerboseRecord]) { 'VERBOSE: ' + $_.Message }
            } | Out-String -Width 500
        } finally {
            Stop-Transcript | Out-Null
            Connect-MhAccount -Subdomain faults -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
            Stop-FakeApi $secretApi
        }
        $captured | Should -Match 'MhAuthenticationFailed'      # the failures really happened
        $captured | Should -Match 'MhServiceUnavailable'
        $captured | Should -Match 'VERBOSE: GET '               # and Verbose really was on
        $captured | Should -Not -Match $planted
        Get-Content $transcript -Raw | Should -Not -Match $planted
        ($Error | ForEach-Object { $_.ToString(); $_.Exception.ToString() } | Out-String) | Should -Not -Match $planted
        # Not in the connection object either, whatever way it is shown.
        (Get-MhContext | ConvertTo-Json) | Should -Not -Match $planted
    }
}

Describe 'Concurrency' {
    It 'works from ForEach-Object -Parallel after a single Connect-MhAccount' {
        $module = Get-BuiltModulePath
        $counts = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:module
            @(Get-MhPhoneNumber -PerPage 50).Count
        }
        $counts | Should -Be @(225, 225, 225, 225)
    }

    It 'works from several runspaces at once' {
        $runs = 1..3 | ForEach-Object { Start-HostedListing '@(Get-MhPhoneNumber -ThrottleLimit 2 -PerPage 25).Count' }
        try {
            $runs | ForEach-Object { $_.PowerShell.EndInvoke($_.Handle) } | Should -Be @(225, 225, 225)
        } finally {
            $runs | ForEach-Object { $_.PowerShell.Dispose() }
        }
    }
}
