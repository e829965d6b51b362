# Get-MhAgent, Get-MhPhoneNumberRate and Set-MhPhoneNumber as a user meets them: the built module against the
# fake API on 127.0.0.1, with the fake's request log saying what was sent.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'admin-Secret-Token-7b2e'
    $script:api = Start-FakeApi -Count 250 -Token $token
    Connect-MhAccount -Subdomain admin -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri

    # The agents the fake binds numbers to, by name (FakeData.Agents).
    $script:supportDesk = [guid]'7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e52'
    $script:supportNight = [guid]'7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e54'

    # The uuid of fake phone number $Index (FakeData.UuidOf).
    function script:Get-FakeNumberUuid([int] $Index) { [guid]('{0:x8}-0000-4000-8000-{0:x12}' -f $Index) }

    # The requests the fake received while $Command ran, in order.
    function script:Get-RequestOf([scriptblock] $Command) {
        Clear-FakeApiRequest $api
        $null = & $Command
        , @(Get-FakeApiRequest $api)
    }
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'Get-MhAgent' {
    It 'lists every agent, typed, in one request of 100' {
        $requests = Get-RequestOf { $script:agents = @(Get-MhAgent) }
        $agents.Count | Should -Be 12
        $agents[0] | Should -BeOfType ([Mindhunters.Model.Agent])
        $agents[0].AgentUuid | Should -BeOfType ([guid])
        $agents.Name | Should -Contain 'Support Desk'
        ($agents.AgentUuid | Select-Object -Unique).Count | Should -Be 12
        $requests.path | Should -Be @('/api/v1/agents')
        $requests.query | Should -Be @('page=1&per_page=100')
    }

    It 'reads the nested parts as words' {
        $agent = Get-MhAgent -Name 'Support Desk'
        $agent.Procedures[0].ToString() | Should -Be 'Book a service (2 steps)'
        $agent.Settings['voice']['voice_id'] | Should -Be 'voice-2'
        "$agent" | Should -Be 'Support Desk'
    }

    It 'filters -Name with wildcards on the client, ignoring case, and still reads every page' {
        $requests = Get-RequestOf { $script:support = @(Get-MhAgent -Name 'support*') }
        $support.Name | Should -Be @('Support Desk', 'Support Night', 'Support 6', 'Support 11')
        $requests.query | Should -Be @('page=1&per_page=100')
        @(Get-MhAgent -Name '*Night', 'Agent ?').Name | Should -Be @('Agent 1', 'Agent 3', 'Support Night', 'Agent 5')
        @(Get-MhAgent -Name 'nobody*').Count | Should -Be 0
    }

    It 'says in one Verbose line when -Name matches no agent' {
        $verbose = @(Get-MhAgent -Name 'nobody*' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose[-1].Message | Should -Be 'No agents match.'
    }

    It 'applies -Skip and -First to the matching agents' {
        @(Get-MhAgent -Name 'Support*' -Skip 1 -First 2).Name | Should -Be @('Support Night', 'Support 6')
    }

    It 'counts the matches with -IncludeTotalCount' {
        $result = @(Get-MhAgent -Name 'Support*' -IncludeTotalCount -First 1)
        @($result | Where-Object { $_ -is [Mindhunters.Model.Agent] }).Name | Should -Be 'Support Desk'
        $total = @($result | Where-Object { $_ -isnot [Mindhunters.Model.Agent] })
        $total.Count | Should -Be 1
        [ulong]$total[0] | Should -Be 4
    }

    It 'pages through many agents, 100 at a time' {
        $many = Start-FakeApi -Count 10 -Token $token -ArgumentList '--agent-count', '250'
        try {
            Connect-MhAccount -Subdomain admin -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $many.BaseUri -SkipValidation
            $all = @(Get-MhAgent)
            $all.Count | Should -Be 250
            ($all.AgentUuid | Select-Object -Unique).Count | Should -Be 250
            @(Get-FakeApiRequest $many).query | Should -Be @('page=1&per_page=100', 'page=2&per_page=100', 'page=3&per_page=100')
        } finally {
            Connect-MhAccount -Subdomain admin -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
            Stop-FakeApi $many
        }
    }

    It 'names the resource and the page when the token is refused, and never shows the token' {
        Connect-MhAccount -Subdomain admin -Token (ConvertTo-SecureString 'wrong-Secret-9' -AsPlainText -Force) -BaseUri $api.BaseUri -SkipValidation
        try {
            $result = @(Get-MhAgent -ErrorVariable failed -ErrorAction SilentlyContinue)
        } finally {
            Connect-MhAccount -Subdomain admin -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
        }
        $result.Count | Should -Be 0
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhAuthenticationFailed,*'
        $failed[0].Exception.Message | Should -Match '^Listing agents failed on page 1: 401'
        $failed[0].Exception.Message | Should -Match 'INVALID_AUTH_TOKEN'
        $failed[0].Exception.Message | Should -Not -Match 'wrong-Secret-9'
    }
}

Describe 'Get-MhAgent | Get-MhPhoneNumber' {
    It 'lists the numbers bound to each matching agent, one listing per agent' {
        $requests = Get-RequestOf { $script:numbers = @(Get-MhAgent -Name 'Support*' | Get-MhPhoneNumber -Status active) }
        $requests.path | Should -Be @('/api/v1/agents', '/api/v1/phone-numbers', '/api/v1/phone-numbers', '/api/v1/phone-numbers', '/api/v1/phone-numbers')
        $requests[1..4].query | Should -Be @(
            "page=1&per_page=100&status=active&bound_to_agent_uuid=$supportDesk"
            "page=1&per_page=100&status=active&bound_to_agent_uuid=$supportNight"
            'page=1&per_page=100&status=active&bound_to_agent_uuid=00000006-a9e0-4000-a000-000000000006'
            'page=1&per_page=100&status=active&bound_to_agent_uuid=0000000b-a9e0-4000-a000-00000000000b')
        $numbers.Count | Should -BeGreaterThan 10
        foreach ($number in $numbers) {
            $number.Status | Should -Be 'active'
            @($number.Bindings.Call.AgentUuid, $number.Bindings.Sms.AgentUuid, $number.Bindings.Whatsapp.AgentUuid) |
                Where-Object { $_ -in "$supportDesk", "$supportNight" } | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'Get-MhPhoneNumberRate' {
    It 'lists every rate in pages of 200, typed' {
        $requests = Get-RequestOf { $script:rates = @(Get-MhPhoneNumberRate) }
        $rates.Count | Should -Be 238
        $requests.path | Select-Object -Unique | Should -Be '/api/v1/phone-numbers/rates'
        $requests.query | Should -Be @('page=1&per_page=200', 'page=2&per_page=200')
        $rates[0] | Should -BeOfType ([Mindhunters.Model.PhoneNumberRate])
        $rates[0].Price.Amount | Should -BeOfType ([decimal])
        $rates[0].BillingIncrementSeconds | Should -BeOfType ([int])
    }

    It 'sends -CountryCode upper-case and returns only that country' {
        $requests = Get-RequestOf { $script:de = @(Get-MhPhoneNumberRate -CountryCode de) }
        $requests.query | Should -Be @('page=1&per_page=200&country_code=DE')
        $de.Count | Should -Be 6
        $de.CountryCode | Select-Object -Unique | Should -Be 'DE'
        $de[0].CountryName | Should -Be 'Germany'
        "$($de[0].Price)" | Should -Be '0.0217 EUR'
    }

    It 'sends -Prefix as prefix' {
        $requests = Get-RequestOf { $script:mobile = @(Get-MhPhoneNumberRate -Prefix 4915) }
        $requests.query | Should -Be @('page=1&per_page=200&prefix=4915')
        $mobile.Count | Should -Be 2
        $mobile.DestinationPrefix | ForEach-Object { $_ | Should -BeLike '4915*' }
    }

    It 'asks for only what -First needs' {
        $requests = Get-RequestOf { $script:five = @(Get-MhPhoneNumberRate -First 5) }
        $five.Count | Should -Be 5
        $requests.query | Should -Be @('page=1&per_page=5')
    }

    It 'refuses a country code that is not two letters, before any request' {
        $requests = Get-RequestOf { { Get-MhPhoneNumberRate -CountryCode 'Italy' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*' }
        $requests.Count | Should -Be 0
    }
}

Describe 'Set-MhPhoneNumber' {
    BeforeEach {
        Set-FakeApiFault $api
        Reset-FakeApiChannelSetting $api
        Clear-FakeApiRequest $api
    }

    It 'sends exactly the settings given, as application/json, and a later listing shows them' {
        $uuid = Get-FakeNumberUuid 1
        Set-MhPhoneNumber -PhoneNumberUuid $uuid -VoiceChannelLimit 7 -SmsEnabled $false -Confirm:$false

        $patch = @(Get-FakeApiRequest $api)
        $patch.Count | Should -Be 1
        $patch[0].method | Should -Be 'PATCH'
        $patch[0].path | Should -Be "/api/v1/phone-numbers/$uuid"
        $patch[0].content_type | Should -Match '^application/json\b'
        $patch[0].body | Should -BeExactly '{"channel_settings":{"voice":{"channel_limit":7},"sms":{"enabled":false}}}'

        $now = Get-MhPhoneNumber -First 1
        $now.PhoneNumberUuid | Should -Be $uuid
        $now.ChannelSettings.Voice.ChannelLimit | Should -Be 7
        $now.ChannelSettings.Sms.Enabled | Should -BeFalse
        $now.ChannelSettings.Inbound.Enabled | Should -BeTrue -Because 'what was not sent stays as it was'
    }

    It 'writes nothing without -PassThru, and the updated number with it' {
        $uuid = Get-FakeNumberUuid 2
        @(Set-MhPhoneNumber -PhoneNumberUuid $uuid -InboundChannelLimit 9 -Confirm:$false).Count | Should -Be 0
        $updated = Set-MhPhoneNumber -PhoneNumberUuid $uuid -VoiceEnabled $false -PassThru -Confirm:$false
        $updated | Should -BeOfType ([Mindhunters.Model.PhoneNumber])
        $updated.PhoneNumberUuid | Should -Be $uuid
        $updated.ChannelSettings.Voice.Enabled | Should -BeFalse
        $updated.ChannelSettings.Inbound.ChannelLimit | Should -Be 9
    }

    It 'sends destinations upper-case, and refuses one that is not a country code before any request' {
        $uuid = Get-FakeNumberUuid 3
        Set-MhPhoneNumber $uuid -VoiceWhitelistedDestinations de, at -SmsWhitelistedDestinations us -Confirm:$false
        (Get-FakeApiRequest $api).body | Should -BeExactly '{"channel_settings":{"voice":{"whitelisted_destinations":["DE","AT"]},"sms":{"whitelisted_destinations":["US"]}}}'

        Clear-FakeApiRequest $api
        { Set-MhPhoneNumber $uuid -VoiceWhitelistedDestinations de, 'Germany' -Confirm:$false } | Should -Throw -ErrorId 'MhInvalidSetting,*'
        { Set-MhPhoneNumber $uuid -SmsChannelLimit -1 -Confirm:$false } | Should -Throw -ErrorId 'MhInvalidSetting,*'
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'refuses to run without a setting to change, before any request' {
        { Set-MhPhoneNumber -PhoneNumberUuid (Get-FakeNumberUuid 1) -Confirm:$false } | Should -Throw -ErrorId 'MhNoSettingGiven,*'
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'changes each piped number with one request; a refused one is a non-terminating error naming the number and the field' {
        # 1 and 2 can send SMS; 999 does not exist (404); 6 is a national number without SMS (422 on sms.enabled).
        $listed = @{}
        Get-MhPhoneNumber | Where-Object { $_.PhoneNumberUuid -in (Get-FakeNumberUuid 1), (Get-FakeNumberUuid 2), (Get-FakeNumberUuid 6) } |
            ForEach-Object { $listed[$_.PhoneNumberUuid] = $_ }
        $batch = @($listed[(Get-FakeNumberUuid 1)], [pscustomobject]@{ phone_number_uuid = Get-FakeNumberUuid 999 }, $listed[(Get-FakeNumberUuid 6)], $listed[(Get-FakeNumberUuid 2)])
        Clear-FakeApiRequest $api

        # -Force: 1 and 2 show SMS on already, and would otherwise not be sent (BulkWrites.Tests.ps1).
        $updated = @($batch | Set-MhPhoneNumber -SmsEnabled $true -Force -PassThru -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue)

        @(Get-FakeApiRequest $api).status | Should -Be @(200, 404, 422, 200)
        $updated.PhoneNumberUuid | Should -Be @((Get-FakeNumberUuid 1), (Get-FakeNumberUuid 2))
        $refused.Count | Should -Be 2

        $refused[0].FullyQualifiedErrorId | Should -BeLike 'MhNotFound,*'
        $refused[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $refused[0].TargetObject | Should -Be (Get-FakeNumberUuid 999)
        $refused[0].Exception.Message | Should -Match ([regex]::Escape("Updating phone number $(Get-FakeNumberUuid 999) failed: 404"))

        $national = $listed[(Get-FakeNumberUuid 6)]
        $refused[1].FullyQualifiedErrorId | Should -BeLike 'MhInvalidArgument,*'
        $refused[1].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused[1].TargetObject | Should -Be $national.PhoneNumberUuid
        $refused[1].Exception.Message | Should -Match ([regex]::Escape("Updating phone number $($national.Number) ($($national.PhoneNumberUuid)) failed: 422"))
        $refused[1].Exception.Message | Should -Match 'field channel_settings\.sms\.enabled'
        $refused[1].Exception.ApiErrorField | Should -Be 'channel_settings.sms.enabled'
    }

    It 'stops at the first refusal with -ErrorAction Stop' {
        $batch = @([pscustomobject]@{ PhoneNumberUuid = Get-FakeNumberUuid 999 }, [pscustomobject]@{ PhoneNumberUuid = Get-FakeNumberUuid 1 })
        { $batch | Set-MhPhoneNumber -SmsEnabled $true -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'MhNotFound,*'
        @(Get-FakeApiRequest $api).Count | Should -Be 1
    }

    It 'retries a 429 like a listing, sending the same body again' {
        Set-FakeApiFault $api @{ fail_429 = 1; retry_after = '1' }
        $updated = Set-MhPhoneNumber -PhoneNumberUuid (Get-FakeNumberUuid 4) -SmsChannelLimit 2 -PassThru -Confirm:$false
        $updated.ChannelSettings.Sms.ChannelLimit | Should -Be 2
        $requests = @(Get-FakeApiRequest $api)
        $requests.status | Should -Be @(429, 200)
        $requests[0].body | Should -BeExactly $requests[1].body
    }

    It 'says which number and field the API refused when the token is wrong too, never the token' {
        Connect-MhAccount -Subdomain admin -Token (ConvertTo-SecureString 'wrong-Secret-9' -AsPlainText -Force) -BaseUri $api.BaseUri -SkipValidation
        try {
            Set-MhPhoneNumber -PhoneNumberUuid (Get-FakeNumberUuid 1) -SmsEnabled $false -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        } finally {
            Connect-MhAccount -Subdomain admin -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
        }
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhAuthenticationFailed,*'
        $failed[0].Exception.Message | Should -Match 'INVALID_AUTH_TOKEN'
        $failed[0].Exception.Message | Should -Not -Match 'wrong-Secret-9'
    }
}

Describe 'Set-MhPhoneNumber -WhatIf' {
    BeforeAll {
        # -WhatIf writes to the host, so the pipeline runs in a child pwsh whose console output is read back.
        Clear-FakeApiRequest $api
        $script:whatIf = Invoke-ChildPwsh -TimeoutSec 120 -Environment @{ MIHU_TENANT = 'admin'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = $api.BaseUri } -Script @"
Import-Module '$(Get-BuiltModulePath)'
`$ProgressPreference = 'SilentlyContinue'
Get-MhAgent -Name 'Support*' | Get-MhPhoneNumber -Status active -First 2 | Set-MhPhoneNumber -SmsEnabled `$false -WhatIf
Set-MhPhoneNumber -PhoneNumberUuid $(Get-FakeNumberUuid 1) -VoiceChannelLimit 7 -SmsEnabled `$false -WhatIf
"@
    }

    It 'sends no PATCH' {
        $whatIf.ExitCode | Should -Be 0 -Because $whatIf.Error
        @(Get-FakeApiRequest $api | Where-Object method -EQ 'PATCH').Count | Should -Be 0
    }

    It 'names each number and the change from what to what when the piped number shows it' {
        $lines = @($whatIf.Output | Where-Object { $_ -like 'What if:*' })
        # Two active numbers of each support agent that has any (Support Desk, Support Night), then the uuid-only call.
        $lines.Count | Should -Be 5
        $lines[0] | Should -Match '^What if: Performing the operation "Set channel settings: sms\.enabled from (True|False) to False" on target "\+\d+ \([0-9a-f-]{36}\)"\.$'
    }

    It 'says what the value becomes when only the uuid is given' {
        $whatIf.Output[-1] | Should -Be "What if: Performing the operation ""Set channel settings: voice.channel_limit to 7, sms.enabled to False"" on target ""$(Get-FakeNumberUuid 1)""."
    }
}

Describe 'Views of agents and rates' {
    It '<Type> has a table whose headers are its properties, and a list view in words' -ForEach @(
        @{ Type = 'Agent'; Get = { Get-MhAgent -First 3 }; Headers = 'Name', 'AgentUuid', 'Status', 'Language', 'Timezone', 'Role' }
        @{ Type = 'PhoneNumberRate'; Get = { Get-MhPhoneNumberRate -CountryCode DE }; Headers = 'CountryCode', 'DestinationPrefix', 'Origination', 'PriceAmount', 'PriceCurrency', 'Description', 'BillingIncrementSeconds' }
    ) {
        $items = @(& $Get)
        $table = ($items | Format-Table | Out-String -Width 200) -split "`r?`n" | Where-Object { $_.Trim() }
        ($table[0] -split '\s+' | Where-Object { $_ }) | Should -Be $Headers
        $properties = $items[0].PSObject.Properties.Name
        foreach ($header in $Headers) { $header | Should -BeIn $properties }
        $list = $items | Format-List | Out-String -Width 200
        $list | Should -Not -Match 'Mindhunters\.'
        $items | ConvertTo-Csv -NoTypeInformation | Out-String | Should -Not -Match 'Mindhunters\.'
    }

    It 'shows a rate''s price as amount and currency' {
        Get-MhPhoneNumberRate -Prefix 4915 -First 1 | Format-Table | Out-String -Width 120 | Should -Match '0\.0868 EUR'
        Get-MhPhoneNumberRate -Prefix 4915 -First 1 | Format-List | Out-String -Width 120 | Should -Match 'Price\s+: 0\.0868 EUR'
    }

    It 'exports an agent''s lists and settings as words' {
        $row = Get-MhAgent -Name 'Support Desk' | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $row.Guidelines | Should -Be "Ask for the caller's name first.; Confirm every appointment by SMS."
        $row.Procedures | Should -Be 'Book a service (2 steps)'
        $row.Settings | Should -Be 'voice: {voice_id: voice-2}, text: {}, memorize: {}, evaluation: {}'
    }
}

Describe 'Verbose and progress of the new cmdlets' {
    BeforeAll {
        $script:big = Start-FakeApi -Count 10 -Token $token -ArgumentList '--agent-count', '250'

        # Runs $Script in a new runspace connected to the fake with 250 agents; returns its output and streams.
        function script:Invoke-Hosted([string] $Script) {
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript({
                        param($ModulePath, $BaseUri, $Token)
                        Import-Module $ModulePath
                        Connect-MhAccount -Subdomain admin -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -BaseUri $BaseUri -SkipValidation
                    }).AddArgument((Get-BuiltModulePath)).AddArgument($big.BaseUri).AddArgument($token)
                $null = $shell.Invoke()
                $shell.Commands.Clear()
                $output = @($shell.AddScript($Script).Invoke())
                [pscustomobject]@{
                    Output   = $output
                    Progress = @($shell.Streams.Progress | Where-Object RecordType -EQ 'Processing')
                    Verbose  = @($shell.Streams.Verbose | ForEach-Object Message)
                    Error    = @($shell.Streams.Error)
                }
            } finally {
                $shell.Dispose()
            }
        }
    }

    AfterAll {
        Set-FakeApiFault $big
        Stop-FakeApi $big
    }

    It 'Get-MhAgent shows one progress record per page, naming agents, and one Verbose line per request' {
        # Each page takes far longer than the progress bar's 100 ms interval, so every page gives exactly one record
        # (at 200 ms a loaded machine once handled two pages within 100 ms of each other).
        Set-FakeApiFault $big @{ latency_ms = 500 }
        $run = Invoke-Hosted 'Get-MhAgent -Verbose'
        $run.Output.Count | Should -Be 250
        $run.Progress.StatusDescription | Should -Be @('Page 1 of 3: 100 of 250 agents', 'Page 2 of 3: 200 of 250 agents', 'Page 3 of 3: 250 of 250 agents')
        $run.Progress.Activity | Select-Object -Unique | Should -Be 'Listing agents'
        $run.Verbose | Should -HaveCount 3
        $run.Verbose[1] | Should -Match "^GET $([regex]::Escape($big.BaseUri))/api/v1/agents\?page=2&per_page=100 -> 200 OK in \d+ ms, items 101-200 of 250$"
        ($run.Verbose -join "`n") | Should -Not -Match ([regex]::Escape($token))
    }

    It 'Set-MhPhoneNumber writes one Verbose line per request, with the method and the number''s path' {
        Set-FakeApiFault $big
        $run = Invoke-Hosted "Set-MhPhoneNumber -PhoneNumberUuid $(Get-FakeNumberUuid 1) -SmsEnabled `$false -Confirm:`$false -Verbose"
        $run.Error | Should -BeNullOrEmpty
        $run.Verbose | Should -Contain 'Performing the operation "Set channel settings: sms.enabled to False" on target "00000001-0000-4000-8000-000000000001".'
        $run.Verbose | Where-Object { $_ -match "^PATCH $([regex]::Escape($big.BaseUri))/api/v1/phone-numbers/$(Get-FakeNumberUuid 1) -> 200 OK in \d+ ms$" } | Should -HaveCount 1
    }
}
