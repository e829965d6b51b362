# Settings from a spreadsheet (issue 19 point 2) and Set-MhPhoneNumber -Number (issue 18 point 1): a piped row's cells
# named as the settings are read with CSV text converted, an empty cell is "not given", a bad cell is an error naming
# the row and the next row goes on; a phone number object's own values are never sent as settings.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'sheet-token'
    $script:api = Start-FakeApi -Count 250 -Token $token
    Connect-MhAccount -Subdomain sheet -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri

    # The uuid of fake phone number $Index (FakeData.UuidOf).
    function script:Get-FakeNumberUuid([int] $Index) { [guid]('{0:x8}-0000-4000-8000-{0:x12}' -f $Index) }

    # The PATCH requests the fake received while $Command ran, in order.
    function script:Get-PatchOf([scriptblock] $Command) {
        Reset-FakeApiChannelSetting $api
        Clear-FakeApiRequest $api
        $null = & $Command
        , @(Get-FakeApiRequest $api | Where-Object method -EQ 'PATCH')
    }

    # The PATCH requests and the errors of $Command, which must let its errors through (no -ErrorAction).
    function script:Invoke-Recorded([scriptblock] $Command) {
        Reset-FakeApiChannelSetting $api
        Clear-FakeApiRequest $api
        $errors = @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        [pscustomobject]@{ Patch = @(Get-FakeApiRequest $api | Where-Object method -EQ 'PATCH'); Errors = $errors }
    }

    $script:numbers = @(Get-MhPhoneNumber -First 10)
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'Import-Csv | Set-MhPhoneNumber' {
    It 'takes the settings from the rows: PhoneNumberUuid,VoiceChannelLimit sends each row''s limit and nothing else' {
        $csv = @"
PhoneNumberUuid,VoiceChannelLimit
$(Get-FakeNumberUuid 1),4
$(Get-FakeNumberUuid 2),6
"@ | ConvertFrom-Csv
        $patch = Get-PatchOf { $csv | Set-MhPhoneNumber -Confirm:$false }
        $patch.path | Should -Be @("/api/v1/phone-numbers/$(Get-FakeNumberUuid 1)", "/api/v1/phone-numbers/$(Get-FakeNumberUuid 2)")
        $patch.body | Should -Be @('{"channel_settings":{"voice":{"channel_limit":4}}}', '{"channel_settings":{"voice":{"channel_limit":6}}}')
    }

    It 'converts CSV text: <Cell> in <Column> is sent as <Json>' -ForEach @(
        @{ Column = 'VoiceEnabled'; Cell = 'false'; Json = '{"voice":{"enabled":false}}' }
        @{ Column = 'VoiceEnabled'; Cell = 'TRUE'; Json = '{"voice":{"enabled":true}}' }
        @{ Column = 'SmsEnabled'; Cell = '0'; Json = '{"sms":{"enabled":false}}' }
        @{ Column = 'InboundEnabled'; Cell = '1'; Json = '{"inbound":{"enabled":true}}' }
        @{ Column = 'InboundEnabled'; Cell = 'No'; Json = '{"inbound":{"enabled":false}}' }
        @{ Column = 'SmsChannelLimit'; Cell = ' 12 '; Json = '{"sms":{"channel_limit":12}}' }
        @{ Column = 'VoiceWhitelistedDestinations'; Cell = 'us;GB'; Json = '{"voice":{"whitelisted_destinations":["US","GB"]}}' }
        @{ Column = 'VoiceWhitelistedDestinations'; Cell = 'US, GB'; Json = '{"voice":{"whitelisted_destinations":["US","GB"]}}' }
        @{ Column = 'SmsWhitelistedDestinations'; Cell = 'DE AT'; Json = '{"sms":{"whitelisted_destinations":["DE","AT"]}}' }
    ) {
        $row = [pscustomobject]@{ PhoneNumberUuid = "$(Get-FakeNumberUuid 1)"; $Column = $Cell }
        $patch = Get-PatchOf { $row | Set-MhPhoneNumber -Confirm:$false }
        $patch.body | Should -BeExactly "{""channel_settings"":$Json}"
    }

    It 'takes an empty cell as not given, not as false, 0 or an empty list' {
        $csv = @"
PhoneNumberUuid,VoiceEnabled,VoiceChannelLimit,VoiceWhitelistedDestinations,SmsEnabled,SmsChannelLimit,InboundChannelLimit
$(Get-FakeNumberUuid 1),,5,,,,
$(Get-FakeNumberUuid 2),false,,,,, 
$(Get-FakeNumberUuid 3),,,,,,
"@ | ConvertFrom-Csv
        $run = Invoke-Recorded { $csv | Set-MhPhoneNumber -Confirm:$false }
        $run.Patch.body | Should -Be @('{"channel_settings":{"voice":{"channel_limit":5}}}', '{"channel_settings":{"voice":{"enabled":false}}}')
        $run.Errors.Count | Should -Be 0 -Because 'a row of empty cells leaves its number alone'
        $verbose = @($csv | Set-MhPhoneNumber -Confirm:$false -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        ($verbose.Message -match "^Row 3 \($(Get-FakeNumberUuid 3)\): every setting cell is empty") | Should -Not -BeNullOrEmpty
    }

    It 'writes an error naming the row''s number for a cell that does not convert, and goes on with the next row' {
        $rows = @(
            [pscustomobject]@{ PhoneNumberUuid = "$(Get-FakeNumberUuid 1)"; Number = $numbers[0].Number; VoiceChannelLimit = 'seven'; SmsEnabled = 'maybe' }
            [pscustomobject]@{ PhoneNumberUuid = "$(Get-FakeNumberUuid 2)"; Number = $numbers[1].Number; VoiceChannelLimit = '3'; SmsEnabled = '' }
            [pscustomobject]@{ PhoneNumberUuid = "$(Get-FakeNumberUuid 3)"; Number = ''; VoiceChannelLimit = '-1'; SmsEnabled = '' }
            [pscustomobject]@{ PhoneNumberUuid = "$(Get-FakeNumberUuid 4)"; Number = ''; VoiceChannelLimit = ''; SmsEnabled = ''; VoiceWhitelistedDestinations = 'USA' }
        )
        $run = Invoke-Recorded { $rows | Set-MhPhoneNumber -Confirm:$false }
        $patch = $run.Patch
        $bad = $run.Errors
        $patch.path | Should -Be @("/api/v1/phone-numbers/$(Get-FakeNumberUuid 2)")
        $bad.Count | Should -Be 3
        $bad.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'MhInvalidSetting,*' }
        $bad[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $bad[0].Exception.Message | Should -Match "^Row 1 \($([regex]::Escape($numbers[0].Number))\)"
        $bad[0].Exception.Message | Should -Match "VoiceChannelLimit 'seven'"
        $bad[0].Exception.Message | Should -Match "SmsEnabled 'maybe'"
        $bad[0].TargetObject | Should -Be $rows[0]
        $bad[1].Exception.Message | Should -Match "^Row 3 \($(Get-FakeNumberUuid 3)\).*VoiceChannelLimit '-1'"
        $bad[2].Exception.Message | Should -Match 'did you mean US'
    }

    It 'writes an error naming the row for a setting cell that cannot be read (a script property that throws), and goes on' {
        $rows = @(
            [pscustomobject]@{ PhoneNumberUuid = "$(Get-FakeNumberUuid 1)"; VoiceEnabled = 'true' } |
                Add-Member -MemberType ScriptProperty -Name SmsEnabled -Value { throw 'no value here' } -PassThru
            [pscustomobject]@{ PhoneNumberUuid = "$(Get-FakeNumberUuid 2)"; SmsEnabled = 'false' }
        )
        $run = Invoke-Recorded { $rows | Set-MhPhoneNumber -Confirm:$false }
        $run.Patch.path | Should -Be @("/api/v1/phone-numbers/$(Get-FakeNumberUuid 2)") -Because 'a row is not sent without a setting it names'
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'MhInvalidSetting,*'
        $run.Errors[0].Exception.Message | Should -Match "^Row 1 \($(Get-FakeNumberUuid 1)\): SmsEnabled could not be read .*no value here"
    }

    It 'writes MhNoSettingGiven for a row with no setting cell (a misspelt column), and goes on' {
        $rows = @(
            [pscustomobject]@{ PhoneNumberUuid = "$(Get-FakeNumberUuid 1)"; VoiceLimit = '4' }
            [pscustomobject]@{ PhoneNumberUuid = "$(Get-FakeNumberUuid 2)"; VoiceChannelLimit = '4' }
        )
        $run = Invoke-Recorded { $rows | Set-MhPhoneNumber -Confirm:$false }
        $patch = $run.Patch
        $none = $run.Errors
        $patch.Count | Should -Be 1
        $none.Count | Should -Be 1
        $none[0].FullyQualifiedErrorId | Should -BeLike 'MhNoSettingGiven,*'
        $none[0].Exception.Message | Should -Match "^Row 1 \($(Get-FakeNumberUuid 1)\) gives no setting to change: it has no cell named VoiceEnabled"
    }

    It 'applies a setting given on the command line to every row, with the row''s own cells' {
        $csv = @"
PhoneNumberUuid,VoiceChannelLimit,SmsEnabled
$(Get-FakeNumberUuid 1),4,true
"@ | ConvertFrom-Csv
        $patch = Get-PatchOf { $csv | Set-MhPhoneNumber -SmsEnabled $false -Confirm:$false }
        $patch.body | Should -BeExactly '{"channel_settings":{"voice":{"channel_limit":4},"sms":{"enabled":false}}}'
    }

    It 'sends an edited Export-Csv of numbers back: each row''s settings, nothing refused' {
        $path = Join-Path $TestDrive 'numbers.csv'
        $numbers | Select-Object -First 2 | Export-Csv -Path $path -NoTypeInformation
        $rows = @(Import-Csv -Path $path)
        $rows[0].VoiceChannelLimit = '9'
        $patch = Get-PatchOf { $rows | Set-MhPhoneNumber -Confirm:$false -ErrorVariable failed }
        $failed.Count | Should -Be 0
        $patch.Count | Should -Be 2
        $sent = $patch[0].body | ConvertFrom-Json
        $sent.channel_settings.voice.channel_limit | Should -Be 9
        $sent.channel_settings.voice.enabled | Should -Be $numbers[0].VoiceEnabled
        $sent.channel_settings.inbound.channel_limit | Should -Be $numbers[0].InboundChannelLimit
    }
}

Describe 'A phone number object piped into Set-MhPhoneNumber' {
    It 'sends only the settings given, never its own values (its flat properties are named as the settings)' {
        $patch = Get-PatchOf { $numbers | Select-Object -First 3 | Set-MhPhoneNumber -SmsEnabled $false -Force -Confirm:$false }   # -Force: some already have SMS off
        $patch.Count | Should -Be 3
        $patch.body | Select-Object -Unique | Should -BeExactly '{"channel_settings":{"sms":{"enabled":false}}}'
    }

    It 'sends only the settings given for a deserialized number (Import-Clixml, a remote session)' {
        $path = Join-Path $TestDrive 'numbers.xml'
        $numbers | Select-Object -First 2 | Export-Clixml -Path $path
        $patch = Get-PatchOf { Import-Clixml -Path $path | Set-MhPhoneNumber -InboundEnabled $true -Confirm:$false }
        $patch.Count | Should -Be 2
        $patch.body | Select-Object -Unique | Should -BeExactly '{"channel_settings":{"inbound":{"enabled":true}}}'
    }

    It 'still refuses, before any request, a pipeline of numbers with no setting given' {
        $patch = Get-PatchOf { { $numbers | Set-MhPhoneNumber -Confirm:$false } | Should -Throw -ErrorId 'MhNoSettingGiven,*' }
        $patch.Count | Should -Be 0
    }
}

Describe 'Settings given on the command line' {
    It 'refuses <Case> before any request' -ForEach @(
        @{ Case = '-VoiceEnabled maybe'; Run = { Set-MhPhoneNumber (Get-FakeNumberUuid 1) -VoiceEnabled 'maybe' -Confirm:$false }; Says = 'VoiceEnabled' }
        @{ Case = '-SmsChannelLimit -1'; Run = { Set-MhPhoneNumber (Get-FakeNumberUuid 1) -SmsChannelLimit -1 -Confirm:$false }; Says = '0 or more' }
        @{ Case = '-VoiceWhitelistedDestinations de, Germany'; Run = { Set-MhPhoneNumber (Get-FakeNumberUuid 1) -VoiceWhitelistedDestinations de, 'Germany' -Confirm:$false }; Says = 'Germany' }
        @{ Case = '-InboundEnabled $null'; Run = { Set-MhPhoneNumber (Get-FakeNumberUuid 1) -InboundEnabled $null -Confirm:$false }; Says = 'InboundEnabled' }
    ) {
        Clear-FakeApiRequest $api
        $err = $null
        try { & $Run } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'MhInvalidSetting,*'
        $err.Exception.Message | Should -Match $Says
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'takes yes and no for a boolean, as a CSV cell would' {
        $patch = Get-PatchOf { Set-MhPhoneNumber (Get-FakeNumberUuid 1) -VoiceEnabled yes -SmsEnabled $false -Confirm:$false }
        $patch.body | Should -BeExactly '{"channel_settings":{"voice":{"enabled":true},"sms":{"enabled":false}}}'
    }

    It 'clears a list with an empty array' {
        $patch = Get-PatchOf { Set-MhPhoneNumber (Get-FakeNumberUuid 1) -SmsWhitelistedDestinations @() -Confirm:$false }
        $patch.body | Should -BeExactly '{"channel_settings":{"sms":{"whitelisted_destinations":[]}}}'
    }
}

Describe 'Set-MhPhoneNumber -Number' {
    It 'finds the uuid of a number given on the command line, then changes it' {
        Clear-FakeApiRequest $api
        Set-MhPhoneNumber -Number $numbers[2].Number.Insert(3, ' ') -SmsChannelLimit 3 -Confirm:$false
        $requests = @(Get-FakeApiRequest $api)
        $requests.method | Should -Be @('GET', 'PATCH')
        $requests[0].query | Should -Match "search=$($numbers[2].Number.TrimStart('+'))"
        $requests[1].path | Should -Be "/api/v1/phone-numbers/$($numbers[2].PhoneNumberUuid)"
    }

    It 'takes a CSV with only a Number column; a number that does not exist is an ObjectNotFound error and the next goes on' {
        # The empty SmsEnabled cell next to a usable one once made PowerShell bind the row in the uuid's parameter set.
        $csv = @"
Number,VoiceChannelLimit,SmsEnabled
$($numbers[3].Number),2,
+1 999 555 0100,2,
$($numbers[4].Number),2,
"@ | ConvertFrom-Csv
        $run = Invoke-Recorded { $csv | Set-MhPhoneNumber -Confirm:$false }
        $patch = $run.Patch
        $missing = $run.Errors
        $patch.path | Should -Be @("/api/v1/phone-numbers/$($numbers[3].PhoneNumberUuid)", "/api/v1/phone-numbers/$($numbers[4].PhoneNumberUuid)")
        $missing.Count | Should -Be 1
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].Exception.Message | Should -Match ([regex]::Escape('+1 999 555 0100'))
    }

    It 'stops looking numbers up at a refused token, as the writes stop, and counts the rows not sent' {
        $csv = "Number,SmsChannelLimit`n$($numbers[3].Number),1`n$($numbers[4].Number),1`n$($numbers[5].Number),1" | ConvertFrom-Csv
        Connect-MhAccount -Subdomain sheet -Token (ConvertTo-SecureString 'wrong-token' -AsPlainText -Force) -BaseUri $api.BaseUri -SkipValidation
        try {
            $run = Invoke-Recorded { $csv | Set-MhPhoneNumber -Confirm:$false }
            $requests = @(Get-FakeApiRequest $api)
        } finally {
            Connect-MhAccount -Subdomain sheet -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
        }
        $requests.Count | Should -Be 1
        $requests[0].status | Should -Be 401
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'MhAuthenticationFailed,*'
        $run.Errors[0].Exception.Message | Should -Match '2 phone numbers piped after it were not sent'
    }

    It 'refuses, before any request, a command that does not say which number (MhNoNumberGiven), and names a row that does not' {
        Clear-FakeApiRequest $api
        { Set-MhPhoneNumber -SmsEnabled $false -Confirm:$false } | Should -Throw -ErrorId 'MhNoNumberGiven,*'
        $run = Invoke-Recorded { [pscustomobject]@{ Phone = '+1 212'; SmsEnabled = 'false' }, [pscustomobject]@{ Number = $numbers[3].Number; SmsEnabled = 'false' } | Set-MhPhoneNumber -Confirm:$false }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'MhNoNumberGiven,*'
        $run.Errors[0].Exception.Message | Should -Match '^Row 1 does not say which number'
        $run.Patch.path | Should -Be @("/api/v1/phone-numbers/$($numbers[3].PhoneNumberUuid)")
    }

    It 'refuses a number that could match nothing (MhInvalidNumber): as an argument before any request, in a row naming the row' {
        Clear-FakeApiRequest $api
        { Set-MhPhoneNumber -Number '030 1234567' -SmsEnabled $false -Confirm:$false } | Should -Throw -ErrorId 'MhInvalidNumber,*'
        @(Get-FakeApiRequest $api).Count | Should -Be 0
        $run = Invoke-Recorded { [pscustomobject]@{ PhoneNumberUuid = ''; Number = 'call me'; SmsEnabled = 'false' } | Set-MhPhoneNumber -Confirm:$false }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'MhInvalidNumber,*'
        $run.Errors[0].Exception.Message | Should -Match "^Row 1 \(call me\): 'call me' is not a number"
    }

    It 'takes the uuid over the number when a row has both, with no search' {
        $row = [pscustomobject]@{ PhoneNumberUuid = "$($numbers[5].PhoneNumberUuid)"; Number = $numbers[6].Number; SmsChannelLimit = '1' }
        Clear-FakeApiRequest $api
        $row | Set-MhPhoneNumber -Confirm:$false
        $requests = @(Get-FakeApiRequest $api)
        $requests.method | Should -Be @('PATCH')
        $requests[0].path | Should -Be "/api/v1/phone-numbers/$($numbers[5].PhoneNumberUuid)"
    }

    It 'looks the number up when the row''s uuid cell is empty' {
        $row = [pscustomobject]@{ PhoneNumberUuid = ''; Number = $numbers[7].Number; SmsChannelLimit = '1' }
        $patch = Get-PatchOf { $row | Set-MhPhoneNumber -Confirm:$false }
        $patch.path | Should -Be @("/api/v1/phone-numbers/$($numbers[7].PhoneNumberUuid)")
    }
}

Describe '-WhatIf on CSV rows' {
    BeforeAll {
        $rows = "PhoneNumberUuid,Number,VoiceChannelLimit`n$(Get-FakeNumberUuid 1),$($numbers[0].Number),4`n$(Get-FakeNumberUuid 2),,5"
        $script:whatIf = Invoke-ChildPwsh -TimeoutSec 120 -Environment @{ MIHU_TENANT = 'sheet'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = $api.BaseUri } -Script @"
Import-Module '$(Get-BuiltModulePath)'
`$ProgressPreference = 'SilentlyContinue'
'$rows' | ConvertFrom-Csv | Set-MhPhoneNumber -WhatIf
"@
    }

    It 'names the number when the row has one, the uuid when it has not' {
        $whatIf.ExitCode | Should -Be 0 -Because $whatIf.Error
        $lines = @($whatIf.Output | Where-Object { $_ -like 'What if:*' })
        $lines | Should -Be @(
            "What if: Performing the operation ""Set channel settings: voice.channel_limit to 4"" on target ""$($numbers[0].Number) ($(Get-FakeNumberUuid 1))""."
            "What if: Performing the operation ""Set channel settings: voice.channel_limit to 5"" on target ""$(Get-FakeNumberUuid 2)""."
        )
    }
}
