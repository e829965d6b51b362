# Set-MhPhoneNumberBinding as a user meets it: the built module against the fake API, whose request log says what was
# sent and whose later listings show the binding it made.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'binding-Token-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $script:secure = ConvertTo-SecureString $token -AsPlainText -Force

    # The agents of the fake (FakeData.Agents), and number 17, bound for calls to Agent 3 (FakeData: i % 8 == 1, agent (i / 8) % 5).
    $script:supportDesk = [guid]'7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e52'
    $script:supportNight = [guid]'7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e54'
    function script:Get-FakeNumberUuid([int] $Index) { [guid]('{0:x8}-0000-4000-8000-{0:x12}' -f $Index) }

    # A scope of its own for each test: bindings made in one must not show in another.
    function script:New-Api {
        $script:api = Start-FakeApi -Count 60 -Token $token
        Connect-MhAccount -Subdomain binding -Token $secure -BaseUri $api.BaseUri
    }
    function script:Get-Post { @(Get-FakeApiRequest $api | Where-Object method -EQ 'POST') }
    function script:Get-Number([int] $Index) { Get-MhPhoneNumber -PerPage 100 | Where-Object PhoneNumberUuid -EQ (Get-FakeNumberUuid $Index) }
}

AfterAll {
    Disconnect-MhAccount
}

Describe 'Set-MhPhoneNumberBinding' {
    BeforeEach { New-Api }
    AfterEach { Stop-FakeApi $api }

    It '-Channel Call sends one POST to the agent''s provision path with the number''s uuid, and the number then lists with that agent' {
        Set-MhPhoneNumberBinding -PhoneNumberUuid (Get-FakeNumberUuid 17) -AgentUuid $supportDesk -Channel Call -Confirm:$false

        $posts = Get-Post
        $posts.Count | Should -Be 1
        $posts[0].path | Should -Be "/api/v1/agents/$supportDesk/channels/call/provision"
        $posts[0].body | Should -Be "{`"phone_number_uuid`":`"$(Get-FakeNumberUuid 17)`"}"
        $posts[0].content_type | Should -BeLike 'application/json*'
        (Get-Number 17).CallAgentName | Should -Be 'Support Desk'
    }

    It '-Channel Sms sends one POST to the agent''s SMS path; the agent''s earlier SMS numbers are no longer bound to it for SMS' {
        # Support Night is the SMS agent of numbers 10, 28, 29 and 50 of the data set.
        $before = @(Get-MhPhoneNumber -BoundToAgentUuid $supportNight | Where-Object { $_.Bindings.Sms.AgentUuid -eq "$supportNight" })
        $before.Count | Should -BeGreaterThan 0

        Set-MhPhoneNumberBinding -PhoneNumberUuid (Get-FakeNumberUuid 1) -AgentUuid $supportNight -Channel Sms -Confirm:$false

        (Get-Post).path | Should -Be @("/api/v1/agents/$supportNight/channels/sms")
        $after = @(Get-MhPhoneNumber -BoundToAgentUuid $supportNight | Where-Object { $_.Bindings.Sms.AgentUuid -eq "$supportNight" })
        $after.PhoneNumberUuid | Should -Be @(Get-FakeNumberUuid 1)
    }

    It 'takes the number from a piped phone number and the agent from a piped agent; -PassThru writes the agent' {
        $agent = Get-MhAgent -Name 'Support Desk'
        Clear-FakeApiRequest $api
        $out = $agent | Set-MhPhoneNumberBinding -PhoneNumberUuid (Get-FakeNumberUuid 3) -Channel Call -Confirm:$false -PassThru
        $out | Should -BeOfType ([Mindhunters.Model.Agent])
        $out.AgentUuid | Should -Be $supportDesk

        $number = Get-Number 5
        Clear-FakeApiRequest $api
        $number | Set-MhPhoneNumberBinding -AgentUuid $supportDesk -Channel Call -Confirm:$false
        (Get-FakeApiRequest $api).path | Should -Be @("/api/v1/agents/$supportDesk/channels/call/provision")
        (Get-Post).body | Should -Be "{`"phone_number_uuid`":`"$(Get-FakeNumberUuid 5)`"}"
    }

    It 'binds each row of a CSV with PhoneNumberUuid, AgentUuid and Channel columns' {
        $rows = @(
            [pscustomobject]@{ PhoneNumberUuid = Get-FakeNumberUuid 2; AgentUuid = $supportDesk; Channel = 'Call' }
            [pscustomobject]@{ PhoneNumberUuid = Get-FakeNumberUuid 2; AgentUuid = $supportNight; Channel = 'Sms' }
        ) | ConvertTo-Csv | ConvertFrom-Csv
        $rows | Set-MhPhoneNumberBinding -Confirm:$false
        (Get-Post).path | Should -Be @("/api/v1/agents/$supportDesk/channels/call/provision", "/api/v1/agents/$supportNight/channels/sms")
    }

    It 'refuses the same number twice on one channel in one command (MhConflictingBinding): only the first is sent' {
        $agents = Get-MhAgent -Name 'Support*' | Select-Object -First 2
        $agents | Set-MhPhoneNumberBinding -PhoneNumberUuid (Get-FakeNumberUuid 3) -Channel Call -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        (Get-Post).Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhConflictingBinding,*'
        $failed[0].Exception.Message | Should -Match 'already bound for calls earlier in this command'
    }

    It 'refuses an empty agent uuid from the pipeline for that object only (MhEmptyUuid), and binds the next' {
        $rows = @(
            [pscustomobject]@{ PhoneNumberUuid = Get-FakeNumberUuid 2; AgentUuid = [guid]::Empty; Channel = 'Call' }
            [pscustomobject]@{ PhoneNumberUuid = Get-FakeNumberUuid 3; AgentUuid = $supportDesk; Channel = 'Call' }
        )
        $rows | Set-MhPhoneNumberBinding -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.FullyQualifiedErrorId | Should -BeLike 'MhEmptyUuid,*'
        $failed[0].Exception.Message | Should -Match 'AgentUuid is empty'
        (Get-Post).Count | Should -Be 1
    }

    It 'an agent that does not exist is MhNotFound, which names both uuids to check' {
        $missing = [guid]'7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e99'
        Set-MhPhoneNumberBinding -PhoneNumberUuid (Get-FakeNumberUuid 3) -AgentUuid $missing -Channel Call -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhNotFound,*'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match 'PhoneNumberUuid and the AgentUuid'
    }

    It 'a POST whose answer is lost is sent once, and the error says how to check whether the number is bound' {
        Set-FakeApiFault $api @{ reset_mid_body = 1 }
        Set-MhPhoneNumberBinding -PhoneNumberUuid (Get-FakeNumberUuid 3) -AgentUuid $supportDesk -Channel Call -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        (Get-Post).Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].Exception.MayHaveArrived | Should -BeTrue
        $failed[0].Exception.Message | Should -Match 'It was not sent again'
        $failed[0].ErrorDetails.RecommendedAction | Should -Be "Get-MhPhoneNumber -BoundToAgentUuid $supportDesk shows whether the number is bound to the agent now; bind it again only if it is not."
        # It did arrive: the fake bound it.
        (Get-Number 3).CallAgentName | Should -Be 'Support Desk'
    }
}

Describe 'What -WhatIf and -Confirm say' {
    BeforeAll {
        New-Api
        # The console output of three commands, one after another in one fresh pwsh under -NonInteractive (a pwsh costs
        # about 2 core-seconds to start), each against a scope of its own, whose log then holds only its requests.
        $script:scoped = @{}
        foreach ($name in 'call', 'sms', 'confirm') { $scoped[$name] = Start-FakeApi -Count 60 -Token $token }
        $script:number17 = (Get-Number 17).Number
        $script:commands = Invoke-ChildPwshSection -TimeoutSec 200 -Environment @{ MIHU_TENANT = 'binding'; MIHU_API_TOKEN = $token } -Section ([ordered]@{
                call    = @{ Environment = @{ MIHU_BASE_URI = $scoped.call.BaseUri }
                    Script = "Import-Module '$(Get-BuiltModulePath)'; Get-MhPhoneNumber -Search '$($number17.TrimStart('+'))' | Set-MhPhoneNumberBinding -AgentUuid $supportDesk -Channel Call -WhatIf" }
                sms     = @{ Environment = @{ MIHU_BASE_URI = $scoped.sms.BaseUri }
                    Script = "Import-Module '$(Get-BuiltModulePath)'; Get-MhAgent -Name 'Support Night' | Set-MhPhoneNumberBinding -PhoneNumberUuid $(Get-FakeNumberUuid 1) -Channel Sms -WhatIf" }
                confirm = @{ Environment = @{ MIHU_BASE_URI = $scoped.confirm.BaseUri }
                    Script = "Import-Module '$(Get-BuiltModulePath)'; Set-MhPhoneNumberBinding -PhoneNumberUuid $(Get-FakeNumberUuid 1) -AgentUuid $supportDesk -Channel Call" }
            })
    }
    AfterAll {
        Stop-FakeApi $api
        $scoped.Values | Stop-FakeApi
    }

    It 'names the agent bound now and the agent to come (one listing of the agents for the names), and sends no change' {
        $result = $commands.call
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Where-Object { $_ -like 'What if:*' } |
            Should -Be "What if: Performing the operation `"Set binding call: Agent 3 -> Support Desk`" on target `"$number17 ($(Get-FakeNumberUuid 17))`"."
        (Get-FakeApiRequest $scoped.call).method | Should -Not -Contain 'POST'
        @(Get-FakeApiRequest $scoped.call | Where-Object path -EQ '/api/v1/agents').Count | Should -Be 1
    }

    It 'for SMS, says that the agent''s SMS number is replaced; a piped agent gives its name without a listing' {
        $result = $commands.sms
        $result.Output | Where-Object { $_ -like 'What if:*' } |
            Should -Be "What if: Performing the operation `"Set binding sms -> Support Night; the SMS number that Support Night has now, if any, is replaced by this one`" on target `"$(Get-FakeNumberUuid 1)`"."
        @(Get-FakeApiRequest $scoped.sms).Count | Should -Be 1
    }

    It 'asks by default (ConfirmImpact High): where nobody can answer, nothing is sent' {
        (Get-Command Set-MhPhoneNumberBinding).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
        # -NonInteractive: a prompt cannot be answered, so the command fails instead of sending.
        $commands.confirm.ExitCode | Should -Be 1
        (Get-FakeApiRequest $scoped.confirm).method | Should -Not -Contain 'POST'
    }
}
