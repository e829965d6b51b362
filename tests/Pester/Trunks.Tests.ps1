# The SIP trunk cmdlets as a user meets them: the built module against the fake API, whose request log shows each body
# sent, and a SIP password that must never reach any stream.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'trunk-Token-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $script:secure = ConvertTo-SecureString $token -AsPlainText -Force
    $script:password = 'Sip-Pass-' + [guid]::NewGuid().ToString('N').Substring(0, 10)
    $script:credential = [pscredential]::new('acme-trunk', (ConvertTo-SecureString $password -AsPlainText -Force))
    $script:supportDesk = [guid]'7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e52'
    $script:supportNight = [guid]'7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e54'
    $script:milan = '+390212345678'

    function script:New-Api {
        $script:api = Start-FakeApi -Count 20 -Token $token
        Connect-MhAccount -Subdomain trunks -Token $secure -BaseUri $api.BaseUri
        Clear-FakeApiRequest $api   # the connection's check is not one of the requests the tests count
    }
    function script:Get-Write([object] $Api = $api) { @(Get-FakeApiRequest $Api | Where-Object method -NE 'GET') }
    function script:New-CallTrunk { [CmdletBinding()] param() New-MhPhoneNumberTrunk -Number $milan -Channel Call -AgentUuid $supportDesk -SipGateway sip.acme.com -SipPort 5060 -SipCredential $credential -Confirm:$false }

    # What a console shows in two sessions, run one after another in one fresh pwsh (a pwsh costs about 2 core-seconds to
    # start), each against a scope of its own: -WhatIf of Remove- and Set- on a registered call trunk, and a SIP password
    # sent to a server that echoes it, under a transcript. The password one goes first, so $Error holds only its errors.
    New-Api
    $script:sipApi = $api
    # The 422 echoes the password, as text and percent-encoded, the way a careless server might.
    $echo = "{`"success`":false,`"message`":`"Bad credential $password for sip.acme.com ($([uri]::EscapeDataString($password)))`",`"error`":{`"code`":`"VALIDATION_ERROR`",`"details`":`"password $password rejected`",`"field`":`"sip.password`"}}"
    Set-FakeApiFault $sipApi @{ status_override = 2; override_status = 422; override_body = $echo }
    New-Api
    $script:whatIfApi = $api
    New-CallTrunk | Out-Null
    Clear-FakeApiRequest $whatIfApi
    $script:transcript = Join-Path ([IO.Path]::GetTempPath()) "mh-sip-$([guid]::NewGuid().ToString('N')).txt"
    $script:sessions = Invoke-ChildPwshSection -TimeoutSec 200 -Environment @{ MIHU_TENANT = 'trunks'; MIHU_API_TOKEN = $token } -Section ([ordered]@{
            password = @{ Environment = @{ MIHU_BASE_URI = $sipApi.BaseUri }; Script = @"
Import-Module '$(Get-BuiltModulePath)'
`$PSStyle.OutputRendering = 'PlainText'
Start-Transcript -Path '$transcript' | Out-Null
`$credential = [pscredential]::new('acme-trunk', (ConvertTo-SecureString '$password' -AsPlainText -Force))
New-MhPhoneNumberTrunk -Number $milan -Channel Call -SipCredential `$credential -WhatIf
New-MhPhoneNumberTrunk -Number $milan -Channel Call -SipCredential `$credential -Confirm:`$false -Verbose -Debug -ErrorAction Continue
Set-MhPhoneNumberTrunk -Number $milan -Channel Call -SipCredential `$credential -Confirm:`$false -Verbose -Debug -ErrorAction Continue
foreach (`$e in `$Error) { "`$e"; `$e.Exception.ToString(); `$e.ErrorDetails.Message; `$e.ErrorDetails.RecommendedAction; `$e.Exception.ApiMessage; `$e.Exception.ApiErrorDetails }
Stop-Transcript | Out-Null
"@ }
            whatIf   = @{ Environment = @{ MIHU_BASE_URI = $whatIfApi.BaseUri }
                Script = "Import-Module '$(Get-BuiltModulePath)'; Get-MhPhoneNumberTrunk | Remove-MhPhoneNumberTrunk -Channel Call -WhatIf; " +
                "Set-MhPhoneNumberTrunk -Number $milan -Channel Call -SipGateway '' -AdditionalSetting @{ ani_format = 'e164' } -AgentUuid $supportNight -WhatIf; " +
                "Set-MhPhoneNumberTrunk -Number $milan -Channel Call -AgentUuid $supportNight -WhatIf" }
        })
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $sipApi
    Stop-FakeApi $whatIfApi
    Remove-Item $transcript -ErrorAction Ignore
}

Describe 'New-MhPhoneNumberTrunk and Get-MhPhoneNumberTrunk' {
    BeforeEach { New-Api }
    AfterEach { Stop-FakeApi $api }

    It 'registers with one POST of every value given, and writes the number with its agent' {
        $trunk = New-MhPhoneNumberTrunk -Number '+39 02-1234 5678' -Channel Call -AgentUuid $supportDesk -Direction Inbound -Name 'Milan office' `
            -SipGateway sip.acme.com -SipPort 5060 -SipCredential $credential -SipSecondaryGateway sip2.acme.com -AdditionalSetting @{ ani_format = 'e164'; retries = 2 } -Confirm:$false

        $trunk | Should -BeOfType ([Mindhunters.Model.PhoneNumberTrunk])
        $trunk.Number | Should -Be $milan
        $trunk.Source | Should -Be 'external'
        $trunk.CallAgentName | Should -Be 'Support Desk'
        $writes = Get-Write
        $writes.Count | Should -Be 1
        ($writes[0].method, $writes[0].path) | Should -Be @('POST', '/api/v1/phone-numbers/trunks')
        $body = $writes[0].body | ConvertFrom-Json -AsHashtable
        $body.phone_number | Should -Be $milan
        $body.channel | Should -Be 'call'
        $body.agent_uuid | Should -Be "$supportDesk"
        $body.direction | Should -Be 'inbound'
        $body.name | Should -Be 'Milan office'
        $body.sip | Should -BeOfType ([hashtable])
        ($body.sip.gateway, $body.sip.port, $body.sip.username, $body.sip.password, $body.sip.secondary_gateway) | Should -Be @('sip.acme.com', 5060, 'acme-trunk', $password, 'sip2.acme.com')
        $body.additional_settings.ani_format | Should -Be 'e164'
        $body.additional_settings.retries | Should -Be 2
    }

    It 'sends only the values given (no sip object without SIP values)' {
        New-MhPhoneNumberTrunk -Number $milan -Channel WhatsApp -Confirm:$false | Out-Null
        (Get-Write)[0].body | Should -Be "{`"phone_number`":`"\u002B390212345678`",`"channel`":`"whatsapp`"}"
    }

    It 'lists the trunk numbers with location and source; -Number and -Channel filter on the client in one listing' {
        New-CallTrunk | Out-Null
        New-MhPhoneNumberTrunk -Number '+12125550199' -Channel WhatsApp -AgentUuid $supportNight -Confirm:$false | Out-Null
        Clear-FakeApiRequest $api

        $all = @(Get-MhPhoneNumberTrunk)
        $all.Number | Should -Be @($milan, '+12125550199')
        $all[0] | Should -BeOfType ([Mindhunters.Model.PhoneNumber])
        ($all[0].Source, $all[0].Location, $all[0].IsExternal) | Should -Be @('external', 'IT', $true)
        @(Get-MhPhoneNumberTrunk -Channel WhatsApp).Number | Should -Be @('+12125550199')
        @(Get-MhPhoneNumberTrunk -Number '39 02 1234 5678').Number | Should -Be @($milan)
        Clear-FakeApiRequest $api
        @('+1 212 555 0199', '+44 20 0000 0000') | Get-MhPhoneNumberTrunk | ForEach-Object Number | Should -Be @('+12125550199')
        @(Get-FakeApiRequest $api).Count | Should -Be 1
    }

    It 'refuses -Channel Sms before any request, pointing at Set-MhPhoneNumberBinding' {
        { New-MhPhoneNumberTrunk -Number $milan -Channel Sms -Confirm:$false } | Should -Throw '*SMS is not supported on trunks*Set-MhPhoneNumberBinding -Channel Sms*'
        { Get-MhPhoneNumberTrunk -Channel sms } | Should -Throw '*Set-MhPhoneNumberBinding -Channel Sms*'
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'refuses -Direction on a WhatsApp trunk and a number that is not E.164, before any request' {
        { New-MhPhoneNumberTrunk -Number $milan -Channel WhatsApp -Direction Both -Confirm:$false -ErrorAction Stop } | Should -Throw '*call channel only*'
        { New-MhPhoneNumberTrunk -Number '02 1234 5678' -Channel Call -Confirm:$false } | Should -Throw '*international form*'
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'a registration whose answer is lost is sent once, and the error says how to check' {
        Set-FakeApiFault $api @{ reset_mid_body = 1 }
        New-CallTrunk -ErrorVariable failed -ErrorAction SilentlyContinue
        @(Get-Write).Count | Should -Be 1
        $failed[0].Exception.MayHaveArrived | Should -BeTrue
        $failed[0].ErrorDetails.RecommendedAction | Should -Be "Get-MhPhoneNumberTrunk -Number $milan shows whether the trunk was registered; register it again only if it is not listed."
        @(Get-MhPhoneNumberTrunk -Number $milan).Count | Should -Be 1
    }

    It 'the API''s refusal names the field: a number already registered on the channel' {
        New-CallTrunk | Out-Null
        New-CallTrunk -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhInvalidArgument,*'
        $failed[0].Exception.ApiErrorField | Should -Be 'phone_number'
        $failed[0].TargetObject | Should -Be $milan
    }
}

Describe 'What a trunk''s answer shows' {
    BeforeAll {
        New-Api
        $script:trunk = New-CallTrunk
    }
    AfterAll { Stop-FakeApi $api }

    It 'the table names the agent on each channel, in columns that are its properties' {
        $table = $trunk | Format-Table | Out-String -Width 200
        $table | Should -Match 'Number\s+Source\s+CallAgentName\s+WhatsappAgentName\s+SmsAgentName\s+PhoneNumberUuid'
        $table | Should -Match '\+390212345678\s+external\s+Support Desk'
    }

    It 'the list reads each channel as words' {
        $list = $trunk | Format-List | Out-String -Width 200
        $list | Should -Match '(?m)^Call\s+: Support Desk \(on, limit 1\)$'
        $list | Should -Match '(?m)^Whatsapp\s+: unbound$'
        $list | Should -Match '(?m)^Inbound\s+: on, limit 2$'
        $list | Should -Not -Match 'Mindhunters\.'
    }
}

Describe 'Set-MhPhoneNumberTrunk' {
    BeforeEach {
        New-Api
        New-CallTrunk | Out-Null
        Clear-FakeApiRequest $api
    }
    AfterEach { Stop-FakeApi $api }

    It 'sends only the values given: -SipGateway alone is one PATCH with sip.gateway' {
        Set-MhPhoneNumberTrunk -Number $milan -Channel Call -SipGateway sip2.acme.com -Confirm:$false
        $writes = Get-Write
        ($writes.method, $writes.path) | Should -Be @('PATCH', '/api/v1/phone-numbers/trunks')
        $writes[0].body | Should -Be "{`"phone_number`":`"\u002B390212345678`",`"channel`":`"call`",`"sip`":{`"gateway`":`"sip2.acme.com`"}}"
    }

    It 'clears a SIP key with an empty string, the credential with -ClearSipCredential, the additional settings with @{}' {
        Set-MhPhoneNumberTrunk -Number $milan -Channel Call -SipSecondaryGateway '' -ClearSipCredential -AdditionalSetting @{} -Confirm:$false
        $body = (Get-Write)[0].body | ConvertFrom-Json -AsHashtable
        ($body.sip.secondary_gateway, $body.sip.username, $body.sip.password) | Should -Be @('', '', '')
        $body.additional_settings.Count | Should -Be 0
        $body.Keys | Should -Not -Contain 'agent_uuid'
    }

    It '-AgentUuid alone is one PUT to …/trunks/assign; the answer shows the new agent' {
        $out = Set-MhPhoneNumberTrunk -Number $milan -Channel Call -AgentUuid $supportNight -Confirm:$false -PassThru
        $writes = Get-Write
        ($writes.method, $writes.path) | Should -Be @('PUT', '/api/v1/phone-numbers/trunks/assign')
        $writes[0].body | Should -Be "{`"phone_number`":`"\u002B390212345678`",`"channel`":`"call`",`"agent_uuid`":`"$supportNight`"}"
        $out.CallAgentName | Should -Be 'Support Night'
    }

    It 'with settings and -AgentUuid: the PATCH first, then the move; when the move fails the error says the settings were changed' {
        $missing = [guid]'7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e99'
        Set-MhPhoneNumberTrunk -Number $milan -Channel Call -SipPort 5080 -AgentUuid $missing -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        (Get-Write).method | Should -Be @('PATCH', 'PUT')
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhNotFound,*'
        $failed[0].Exception.Message | Should -Match 'The settings were changed, but the trunk was not moved to the other agent'
    }

    It 'when the PATCH fails the move is not sent, and the error says nothing changed' {
        Set-FakeApiFault $api @{ status_override = 1; override_status = 422; override_body = '{"success":false,"message":"Invalid.","error":{"code":"VALIDATION_ERROR","details":"bad port","field":"sip.port"}}' }
        Set-MhPhoneNumberTrunk -Number $milan -Channel Call -SipPort 5080 -AgentUuid $supportNight -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        (Get-Write).method | Should -Be @('PATCH')
        $failed[0].Exception.Message | Should -Match 'Nothing was changed, and the trunk was not moved'
    }

    It 'refuses a command with nothing to change before any request (MhNoSettingGiven)' {
        { Set-MhPhoneNumberTrunk -Number $milan -Channel Call -Confirm:$false } | Should -Throw '*Give at least one value to change*'
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }
}

Describe 'Remove-MhPhoneNumberTrunk' {
    BeforeEach {
        New-Api
        New-CallTrunk | Out-Null
        Clear-FakeApiRequest $api
    }
    AfterEach { Stop-FakeApi $api }

    It 'sends DELETE …/trunks with the digits and the channel; the number goes with its last trunk' {
        Remove-MhPhoneNumberTrunk -Number $milan -Channel Call -Confirm:$false
        $writes = Get-Write
        ($writes.method, $writes.path, $writes.query) | Should -Be @('DELETE', '/api/v1/phone-numbers/trunks', 'phone_number=390212345678&channel=call')
        @(Get-MhPhoneNumberTrunk).Count | Should -Be 0
    }

    It 'a trunk that does not exist is MhNotFound for that object; the next is still removed' {
        [pscustomobject]@{ Number = '+12125550100'; Channel = 'Call' }, [pscustomobject]@{ Number = $milan; Channel = 'Call' } |
            Remove-MhPhoneNumberTrunk -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhNotFound,*'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match 'Get-MhPhoneNumberTrunk lists them'
        @(Get-Write).Count | Should -Be 2
    }

    It 'says in -WhatIf that it removes the agent binding, not the number, naming the agent; and what Set- would change and move' {
        $result = $sessions.whatIf
        $result.Output | Where-Object { $_ -like 'What if:*' } | Should -Be @(
            "What if: Performing the operation `"Remove the trunk for call: the number's agent binding on call is removed (Support Desk stops answering it); the number itself is not released, deleted or billed`" on target `"$milan`"."
            "What if: Performing the operation `"Change the trunk for call: sip.gateway cleared, additional_settings replaced (ani_format); then move it to agent $supportNight`" on target `"$milan`"."
            "What if: Performing the operation `"Move the trunk for call to agent $supportNight`" on target `"$milan`"."
        )
        (Get-FakeApiRequest $whatIfApi).method | Should -Not -Contain 'DELETE'
        @(Get-Write $whatIfApi).Count | Should -Be 0
    }
}

Describe 'The SIP password' {
    It 'reaches no stream, prompt, error, $Error or transcript, and a server that echoes it is blanked' {
        $result = $sessions.password
        $texts = @($result.Output) + $result.Error + (Get-Content $transcript -Raw)
        ($texts -join "`n") | Should -Match 'Bad credential \*\*\* for sip\.acme\.com \(\*\*\*\)'
        ($texts -join "`n") | Should -Match 'sip\.password \(not shown\)'
        foreach ($text in $texts) {
            "$text" | Should -Not -BeLike "*$password*"
            "$text" | Should -Not -BeLike "*$([uri]::EscapeDataString($password))*"
        }
        # It was sent, though: the API needs it.
        @(Get-FakeApiRequest $sipApi | Where-Object { $_.body -like "*$password*" }).Count | Should -Be 2
    }
}
