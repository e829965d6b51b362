# Bulk changes as an admin makes them: many numbers piped into a write command with -ThrottleLimit 8, where the
# answers overtake one another, a prompt answers for all, the server throttles or the admin presses Ctrl+C; and
# nothing sent for a number that already has every value asked for.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'bulk-token-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $script:api = Start-FakeApi -Count 60 -Token $token
    Connect-MhAccount -Subdomain bulk -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
    $script:childEnvironment = @{ MIHU_TENANT = 'bulk'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = $api.BaseUri }
    function script:Get-FakeNumberUuid([int] $Index) { [guid]('{0:x8}-0000-4000-8000-{0:x12}' -f $Index) }
    # Bare uuids, as from a CSV: nothing to compare with, so each is sent.
    function script:New-PipedNumber([int[]] $Index) { $Index | ForEach-Object { [pscustomobject]@{ PhoneNumberUuid = Get-FakeNumberUuid $_ } } }
    function script:Get-Patch([object] $Api = $api) { @(Get-FakeApiRequest $Api | Where-Object method -EQ 'PATCH') }

    # The console output of the two -WhatIf pipelines, one after another in one fresh pwsh (a pwsh costs about 2
    # core-seconds to start), each against a scope of its own (fresh settings, a log of its own requests).
    $script:whatIfApi = @{ piped = Start-FakeApi -Count 60 -Token $token; listed = Start-FakeApi -Count 60 -Token $token }
    $script:whatIf = Invoke-ChildPwshSection -TimeoutSec 200 -Environment @{ MIHU_TENANT = 'bulk'; MIHU_API_TOKEN = $token } -Section ([ordered]@{
            piped  = @{ Environment = @{ MIHU_BASE_URI = $whatIfApi.piped.BaseUri }; Script = @"
Import-Module '$(Get-BuiltModulePath)'
`$ProgressPreference = 'SilentlyContinue'
1..20 | ForEach-Object { [pscustomobject]@{ PhoneNumberUuid = [guid]('{0:x8}-0000-4000-8000-{0:x12}' -f `$_) } } | Set-MhPhoneNumber -SmsChannelLimit 4 -ThrottleLimit 8 -WhatIf
"@ }
            listed = @{ Environment = @{ MIHU_BASE_URI = $whatIfApi.listed.BaseUri }; Script = @"
Import-Module '$(Get-BuiltModulePath)'
`$ProgressPreference = 'SilentlyContinue'
Get-MhPhoneNumber -First 40 | Set-MhPhoneNumber -SmsEnabled `$false -WhatIf
"@ }
        })
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
    $whatIfApi.Values | Stop-FakeApi
}

Describe 'Set-MhPhoneNumber -ThrottleLimit 8' {
    BeforeEach {
        Set-FakeApiFault $api
        Reset-FakeApiChannelSetting $api
        Clear-FakeApiRequest $api
    }
    AfterAll { Set-FakeApiFault $api }

    It 'has up to 8 requests in flight, and writes -PassThru objects and errors in input order, each error naming its number' {
        # Answers take 100-400 ms in random order; 998 and 999 do not exist (404).
        Set-FakeApiFault $api @{ latency_ms = 100; latency_jitter_ms = 300 }
        $indexes = @(1..12) + 998 + @(13..30) + 999 + @(31..40)
        $piped = New-PipedNumber $indexes
        # By default, one at a time: twelve of them show it as well as all 42 (each answer takes 100-400 ms, so a
        # second request in flight could not hide), in a quarter of the ten seconds.
        $piped[0..11] | Set-MhPhoneNumber -SmsChannelLimit 3 -Confirm:$false -ErrorAction SilentlyContinue
        (Get-Patch).Count | Should -Be 12
        (Get-Patch).in_flight | Select-Object -Unique | Should -Be 1
        Clear-FakeApiRequest $api

        $all = @($piped | Set-MhPhoneNumber -SmsChannelLimit 3 -ThrottleLimit 8 -PassThru -Confirm:$false -ErrorAction Continue 2>&1)

        $patches = Get-Patch
        $patches.Count | Should -Be 42
        ($patches.in_flight | Measure-Object -Maximum).Maximum | Should -Be 8
        # The test means something only if the server answered in another order than the numbers were piped.
        ($patches.path -join ',') | Should -Not -Be (($piped | ForEach-Object { "/api/v1/phone-numbers/$($_.PhoneNumberUuid)" }) -join ',')

        $all.Count | Should -Be 42
        $seen = $all | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.TargetObject } else { $_.PhoneNumberUuid } }
        $seen | Should -Be $piped.PhoneNumberUuid
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'MhNotFound,*' }
        $errors[0].Exception.Message | Should -Match ([regex]::Escape("Updating phone number $(Get-FakeNumberUuid 998) failed: 404"))
        $errors[1].Exception.Message | Should -Match ([regex]::Escape("Updating phone number $(Get-FakeNumberUuid 999) failed: 404"))
    }

    It 'under -Verbose, writes every request line, each before the number it is about' {
        # No added latency: answers come while the pipeline thread is busy with the next numbers, which is when a
        # line queued just before its answer was left behind, or written after its number.
        $piped = New-PipedNumber (1..60)
        $all = @($piped | Set-MhPhoneNumber -SmsChannelLimit 3 -ThrottleLimit 8 -PassThru -Confirm:$false -Verbose 4>&1)

        $line = @{}; $object = @{}
        for ($i = 0; $i -lt $all.Count; $i++) {
            if ($all[$i] -is [Mindhunters.Model.PhoneNumber]) { $object["$($all[$i].PhoneNumberUuid)"] = $i }
            elseif ($all[$i].Message -match '^PATCH \S+/phone-numbers/([0-9a-f-]{36}) -> 200') { $line[$Matches[1]] = $i }
        }
        $object.Count | Should -Be 60
        foreach ($uuid in $piped.PhoneNumberUuid.Guid) {
            $line.ContainsKey($uuid) | Should -BeTrue -Because "the PATCH of $uuid has its Verbose line"
            $line[$uuid] | Should -BeLessThan $object[$uuid] -Because "the PATCH line of $uuid comes before the number"
        }
    }

    It 'after a 429, sends one request at a time, each after the wait the server asked for' {
        Set-FakeApiFault $api @{ fail_429 = 1; retry_after = '1'; latency_ms = 100 }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $all = @(New-PipedNumber (1..5) | Set-MhPhoneNumber -SmsChannelLimit 3 -ThrottleLimit 8 -PassThru -Confirm:$false -Verbose 4>&1)
        $seconds = $clock.Elapsed.TotalSeconds

        $patches = Get-Patch
        $patches.status | Should -Be @(429, 200, 200, 200, 200, 200)
        $patches.in_flight | Select-Object -Unique | Should -Be 1
        $seconds | Should -BeGreaterOrEqual 5
        ($all | Where-Object { $_ -is [Mindhunters.Model.PhoneNumber] }).PhoneNumberUuid | Should -Be (New-PipedNumber (1..5)).PhoneNumberUuid
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message |
            Should -Contain 'The server is throttling (429): one request at a time for the rest of the command.'
    }

    It 'Stop() (Ctrl+C) ends every request in flight within a second and sends nothing more' {
        # The first answers are quick; then every answer takes 30 s, so 8 requests wait in flight.
        Set-FakeApiFault $api @{ latency_ms = 200 }
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$(Get-BuiltModulePath)'; 1..200 | ForEach-Object { [pscustomobject]@{ PhoneNumberUuid = [guid]('{0:x8}-0000-4000-8000-{0:x12}' -f (`$_ % 60 + 1)) } } | Set-MhPhoneNumber -SmsChannelLimit 2 -ThrottleLimit 8 -Confirm:`$false")
        $handle = $ps.BeginInvoke()
        try {
            Wait-Until { @(Get-FakeApiRequest $api).Count -ge 1 }
            Set-FakeApiFault $api @{ latency_ms = 30000 }
            # Requests that arrived before the switch still end after their 200 ms (and the window sends slow ones in
            # their place): the 8 in flight are all slow once the log has stopped growing for longer than that.
            Wait-Until {
                $logged = @(Get-FakeApiRequest $api).Count
                Start-Sleep -Milliseconds 500
                (Get-FakeApiInFlight $api) -eq 8 -and @(Get-FakeApiRequest $api).Count -eq $logged
            }
            Get-FakeApiInFlight $api | Should -Be 8
            $answered = @(Get-FakeApiRequest $api).Count

            $clock = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            Wait-Until { (Get-FakeApiInFlight $api) -eq 0 } -TimeoutSec 1
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1.5
            Get-FakeApiInFlight $api | Should -Be 0

            Start-Sleep -Milliseconds 1000
            Get-FakeApiInFlight $api | Should -Be 0 -Because 'no number piped after the stop is sent'
            # The 8 cancelled ones are logged as the client leaving (499), and nothing after them.
            $requests = @(Get-FakeApiRequest $api)
            $requests.Count | Should -Be ($answered + 8)
            $requests[$answered..($requests.Count - 1)].status | Select-Object -Unique | Should -Be 499
        } finally {
            $ps.Dispose()
        }
    }

    It 'stops at once on a 401, with one request and one error' {
        Connect-MhAccount -Subdomain bulk -Token (ConvertTo-SecureString 'wrong-Token-8' -AsPlainText -Force) -BaseUri $api.BaseUri -SkipValidation
        try {
            New-PipedNumber (1..40) | Set-MhPhoneNumber -SmsChannelLimit 3 -ThrottleLimit 8 -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        } finally {
            Connect-MhAccount -Subdomain bulk -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
        }
        (Get-Patch).Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhAuthenticationFailed,*'
        $failed[0].Exception.Message | Should -Match '39 phone numbers piped after it were not sent'
    }
}

Describe 'Prompts at -ThrottleLimit 8' {
    BeforeAll {
        # The two prompting pipelines one after another in one pwsh that reads its answers from standard input (a pwsh
        # costs about 2 core-seconds to start): Yes, No, Yes to All for the first, No to All for the second. Each has a
        # scope of its own (MIHU_BASE_URI is read by each command), so each test reads only its pipeline's requests,
        # and a marker line splits the console output between them.
        $script:promptApi = @{ yes = Start-FakeApi -Count 60 -Token $token; none = Start-FakeApi -Count 60 -Token $token }
        $pipeline = '1..12 | ForEach-Object { [pscustomobject]@{ PhoneNumberUuid = [guid](''{0:x8}-0000-4000-8000-{0:x12}'' -f $_) } } | Set-MhPhoneNumber -SmsChannelLimit 4 -ThrottleLimit 8 -Confirm'
        $environment = $childEnvironment.Clone(); $environment.MIHU_BASE_URI = $promptApi.yes.BaseUri
        $result = Invoke-AnsweringPwsh -Environment $environment -Answer 'Y', 'N', 'A', 'L' -Script (
            "$pipeline; '##no-to-all'; `$env:MIHU_BASE_URI = '$($promptApi.none.BaseUri)'; $pipeline")
        $script:promptOutput = @{ yes = ($result.Output -split '##no-to-all')[0]; none = ($result.Output -split '##no-to-all')[1] }
    }
    AfterAll { $promptApi.Values | Stop-FakeApi }

    It '-WhatIf sends nothing and lists each change in input order' {
        $result = $whatIf.piped
        $result.ExitCode | Should -Be 0 -Because $result.Error
        (Get-Patch $whatIfApi.piped).Count | Should -Be 0
        $targets = $result.Output | Where-Object { $_ -like 'What if:*' } | ForEach-Object { if ($_ -match 'on target "([^"]+)"') { $Matches[1] } }
        $targets | Should -Be (New-PipedNumber (1..20)).PhoneNumberUuid.Guid
    }

    It 'Yes, No, then Yes to All: one prompt each until the last, and exactly the numbers confirmed are sent' {
        ([regex]::Matches($promptOutput.yes, 'Are you sure you want to perform this action\?')).Count | Should -Be 3
        $sent = (Get-Patch $promptApi.yes).path | Sort-Object
        $sent | Should -Be (@(1) + @(3..12) | ForEach-Object { "/api/v1/phone-numbers/$(Get-FakeNumberUuid $_)" } | Sort-Object)
    }

    It 'No to All: one prompt, nothing sent' {
        # Its pipeline ran: the marker before it is in the output.
        $promptOutput.none | Should -Not -BeNullOrEmpty
        ([regex]::Matches($promptOutput.none, 'Are you sure you want to perform this action\?')).Count | Should -Be 1
        (Get-Patch $promptApi.none).Count | Should -Be 0
    }
}

Describe 'Nothing sent that changes nothing' {
    BeforeAll {
        Reset-FakeApiChannelSetting $api
        $script:listed = @(Get-MhPhoneNumber -First 40)
        $script:smsOff = @($listed | Where-Object { -not $_.ChannelSettings.Sms.Enabled })
        $script:smsOn = @($listed | Where-Object { $_.ChannelSettings.Sms.Enabled })
        # The data set has both, or the tests below would prove nothing.
        $smsOff.Count | Should -BeGreaterThan 5
        $smsOn.Count | Should -BeGreaterThan 5
    }
    BeforeEach {
        Reset-FakeApiChannelSetting $api
        Clear-FakeApiRequest $api
    }

    It 'a piped number that already has every value is not sent; Verbose says unchanged, -PassThru writes it as it is' {
        $all = @($listed | Set-MhPhoneNumber -SmsEnabled $false -ThrottleLimit 8 -PassThru -Confirm:$false -Verbose 4>&1)

        (Get-Patch).path | Sort-Object | Should -Be ($smsOn | ForEach-Object { "/api/v1/phone-numbers/$($_.PhoneNumberUuid)" } | Sort-Object)
        $unchanged = @(($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Where-Object { $_ -like '*unchanged*' })
        $unchanged.Count | Should -Be $smsOff.Count
        $unchanged[0] | Should -Be "Unchanged: ""$($smsOff[0].Number) ($($smsOff[0].PhoneNumberUuid))"" already has every value asked for, so nothing was sent for it (-Force sends it anyway)."
        $passed = @($all | Where-Object { $_ -is [Mindhunters.Model.PhoneNumber] })
        $passed.PhoneNumberUuid | Should -Be $listed.PhoneNumberUuid
        $passed | ForEach-Object { $_.ChannelSettings.Sms.Enabled | Should -BeFalse }

        # One value of several differs: sent.
        Clear-FakeApiRequest $api
        $number = $smsOff[0]
        $number | Set-MhPhoneNumber -SmsEnabled $false -SmsChannelLimit ($number.ChannelSettings.Sms.ChannelLimit + 1) -Confirm:$false
        (Get-Patch).Count | Should -Be 1
    }

    It '-WhatIf lists only the numbers that change' {
        $result = $whatIf.listed
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $lines = @($result.Output | Where-Object { $_ -like 'What if:*' })
        $lines.Count | Should -Be $smsOn.Count
        $lines | ForEach-Object { $_ | Should -Match 'sms\.enabled from True to False' }
    }

    It '-Force sends every number, a bare uuid is sent whatever the number has' {
        $listed | Set-MhPhoneNumber -SmsEnabled $false -Force -ThrottleLimit 8 -Confirm:$false
        (Get-Patch).Count | Should -Be $listed.Count

        Clear-FakeApiRequest $api
        $smsOff | ForEach-Object { [pscustomobject]@{ PhoneNumberUuid = $_.PhoneNumberUuid } } | Set-MhPhoneNumber -SmsEnabled $false -Confirm:$false
        (Get-Patch).Count | Should -Be $smsOff.Count
    }
}
