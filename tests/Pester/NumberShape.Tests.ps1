# What an admin filters and exports on (issue 19 points 3 and 4): flat settings and agents on every channel, IsBound
# across channels, and nested dictionaries (compliance requirements, agent settings) that read as text.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'shape-token'
    $script:api = Start-FakeApi -Count 250 -Token $token
    Connect-MhAccount -Subdomain shape -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
    $script:numbers = @(Get-MhPhoneNumber)
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'Flat settings on a phone number' {
    It '<Name> is the nested <Path>' -ForEach @(
        @{ Name = 'VoiceEnabled'; Path = 'ChannelSettings.Voice.Enabled'; Nested = { $args[0].ChannelSettings.Voice.Enabled } }
        @{ Name = 'VoiceChannelLimit'; Path = 'ChannelSettings.Voice.ChannelLimit'; Nested = { $args[0].ChannelSettings.Voice.ChannelLimit } }
        @{ Name = 'SmsEnabled'; Path = 'ChannelSettings.Sms.Enabled'; Nested = { $args[0].ChannelSettings.Sms.Enabled } }
        @{ Name = 'SmsChannelLimit'; Path = 'ChannelSettings.Sms.ChannelLimit'; Nested = { $args[0].ChannelSettings.Sms.ChannelLimit } }
        @{ Name = 'InboundEnabled'; Path = 'ChannelSettings.Inbound.Enabled'; Nested = { $args[0].ChannelSettings.Inbound.Enabled } }
        @{ Name = 'InboundChannelLimit'; Path = 'ChannelSettings.Inbound.ChannelLimit'; Nested = { $args[0].ChannelSettings.Inbound.ChannelLimit } }
        @{ Name = 'VoiceWhitelistedDestinations'; Path = 'ChannelSettings.Voice.WhitelistedDestinations, joined by ;'; Nested = { $args[0].ChannelSettings.Voice.WhitelistedDestinations -join ';' } }
        @{ Name = 'SmsWhitelistedDestinations'; Path = 'ChannelSettings.Sms.WhitelistedDestinations, joined by ;'; Nested = { $args[0].ChannelSettings.Sms.WhitelistedDestinations -join ';' } }
        @{ Name = 'SmsAgentName'; Path = 'Bindings.Sms.AgentName'; Nested = { if ($args[0].Bindings.Sms.Bound) { $args[0].Bindings.Sms.AgentName } } }
        @{ Name = 'SmsAgentUuid'; Path = 'Bindings.Sms.AgentUuid'; Nested = { if ($args[0].Bindings.Sms.Bound) { $args[0].Bindings.Sms.AgentUuid } } }
        @{ Name = 'WhatsappAgentName'; Path = 'Bindings.Whatsapp.AgentName'; Nested = { if ($args[0].Bindings.Whatsapp.Bound) { $args[0].Bindings.Whatsapp.AgentName } } }
        @{ Name = 'WhatsappAgentUuid'; Path = 'Bindings.Whatsapp.AgentUuid'; Nested = { if ($args[0].Bindings.Whatsapp.Bound) { $args[0].Bindings.Whatsapp.AgentUuid } } }
    ) {
        $numbers[0].PSObject.Properties.Name | Should -Contain $Name
        $distinct = @($numbers | ForEach-Object { $_.$Name } | Select-Object -Unique)
        $distinct.Count | Should -BeGreaterThan 1 -Because 'the fake''s numbers differ in it'
        # Every number compared as text, one Should for all 250 (a Should per number cost 3000 of them in this file);
        # text is at least as strict as Should -Be on the values, and the failure names each number that differs.
        $differing = @(foreach ($number in $numbers) {
                $flatText = "$($number.$Name)"; $nestedText = "$(& $Nested $number)"
                if ($flatText -ne $nestedText) { "$($number.Number): $Name is '$flatText', $Path is '$nestedText'" }
            })
        $differing | Should -BeNullOrEmpty
    }

    It 'exports each as a plain cell a spreadsheet can filter' {
        $rows = @($numbers | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv)
        $rows[0].PSObject.Properties.Name | Should -Contain 'VoiceChannelLimit'
        $rows.VoiceEnabled | Select-Object -Unique | Sort-Object | Should -Be @('False', 'True')
        $rows.VoiceChannelLimit | Where-Object { $_ } | ForEach-Object { $_ | Should -Match '^\d+$' }
        $rows.SmsWhitelistedDestinations | Where-Object { $_ } | ForEach-Object { $_ | Should -Match '^[A-Z]{2}(;[A-Z]{2})*$' }
        $rows.SmsAgentName | Where-Object { $_ } | Should -Not -BeNullOrEmpty
    }
}

Describe 'IsBound' {
    It 'is true when any channel is bound, so "not bound" counts every channel' {
        $unbound = @($numbers | Where-Object { -not $_.IsBound })
        $expected = @($numbers | Where-Object { -not ($_.Bindings.Call.Bound -or $_.Bindings.Sms.Bound -or $_.Bindings.Whatsapp.Bound) })
        $unbound.Count | Should -Be $expected.Count
        $withoutCallAgent = @($numbers | Where-Object { -not $_.CallAgentUuid })
        $unbound.Count | Should -BeLessThan $withoutCallAgent.Count -Because 'numbers bound only for SMS or WhatsApp are bound'
        ($numbers | Where-Object IsBound | Select-Object -First 1).IsBound | Should -BeOfType ([bool])
    }
}

Describe 'Nested dictionaries read as text' {
    It 'a compliance requirement reads as its fields, in a table and in a CSV cell' {
        $pending = $numbers | Where-Object { $_.Compliance.Requirements.Count -gt 1 } | Select-Object -First 1
        $pending | Should -Not -BeNullOrEmpty
        $first = $pending.Compliance.Requirements[0]
        "$first" | Should -Match '^type: \w+, description: .+'
        $csv = $pending.Compliance | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $csv.Requirements | Should -Match '^type: \w+, description: [^;]+; type: \w+, description: .+'
        ($pending.Compliance | Format-List | Out-String) | Should -Not -Match 'System\.|Dictionary'
        $selected = $pending | Select-Object Number, @{ n = 'Requirements'; e = { $_.Compliance.Requirements } } | ConvertTo-Csv -NoTypeInformation
        ($selected | Out-String) | Should -Match 'type: \w+, description: '
        ($selected | Out-String) | Should -Not -Match 'System\.|Dictionary'
    }

    It 'an agent''s settings read as their keys and values' {
        $agent = Get-MhAgent -Name 'Support Desk'
        "$($agent.Settings)" | Should -Be 'voice: {voice_id: voice-2}, text: {}, memorize: {}, evaluation: {}'
        "$($agent.Settings.voice)" | Should -Be 'voice_id: voice-2'
        $agent.Settings.voice.voice_id | Should -Be 'voice-2'
        ($agent | Select-Object Name, Settings | ConvertTo-Csv -NoTypeInformation | Out-String) | Should -Not -Match 'System\.|Dictionary'
        ($agent | Select-Object @{ n = 'Voice'; e = { $_.Settings.voice } } | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).Voice | Should -Be 'voice_id: voice-2'
    }
}
