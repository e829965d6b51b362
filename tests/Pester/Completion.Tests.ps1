# Tab completion as the admin at the prompt meets it, through TabExpansion2 (what the console calls on Tab).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    # Every ValidateSet parameter of every cmdlet, from the code: a new one is covered without editing this file.
    $script:setCases = @(Get-Command -Module Mindhunters | ForEach-Object {
            $command = $_
            $command.Parameters.Values | ForEach-Object {
                $set = $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
                if ($set) { @{ Command = $command.Name; Parameter = $_.Name; Values = @($set.ValidValues) } }
            }
        })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force

    # The completions offered with the cursor at the end of $Line.
    function script:Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }
}

Describe '-CountryCode completion' {
    It 'offers the ISO 3166-1 alpha-2 codes that start with what is typed' {
        $offered = Get-Completion 'Get-MhPhoneNumber -CountryCode g'
        $offered.Count | Should -BeGreaterThan 10
        $offered.CompletionText | ForEach-Object { $_ | Should -MatchExactly '^G[A-Z]$' }
        $offered.CompletionText | Should -Contain 'GB'
        $offered.CompletionText | Should -Contain 'GR'
        $offered.CompletionText | Should -Not -Contain 'DE'
    }

    It 'shows the country name as the tooltip and next to the code in the list' {
        $gb = Get-Completion 'Get-MhPhoneNumber -CountryCode g' | Where-Object CompletionText -EQ 'GB'
        $gb.ToolTip | Should -Be 'United Kingdom'
        $gb.ListItemText | Should -Be 'GB United Kingdom'
        $gb.ResultType | Should -Be 'ParameterValue'
    }

    It 'completes lower-case input to the upper-case code' {
        (Get-Completion 'Get-MhPhoneNumber -CountryCode us').CompletionText | Should -Be @('US')
    }

    It 'finds a code from a fragment of the country name' {
        $offered = Get-Completion 'Get-MhPhoneNumber -CountryCode germ'
        $offered.CompletionText | Should -Be @('DE')
        $offered[0].ToolTip | Should -Be 'Germany'
    }

    It 'puts names that start with the fragment before names that contain it' {
        # WS Samoa, then AS American Samoa (in code order AS would come first).
        (Get-Completion 'Get-MhPhoneNumber -CountryCode samoa').CompletionText | Should -Be @('WS', 'AS')
        (Get-Completion 'Get-MhPhoneNumber -CountryCode ger').CompletionText | Should -Be @('DE', 'DZ', 'NE', 'NG')
    }

    It 'offers every code when nothing is typed' {
        (Get-Completion 'Get-MhPhoneNumber -CountryCode ').Count | Should -BeGreaterOrEqual 240
    }

    It 'offers nothing for text that is neither a code nor a name' {
        Get-Completion 'Get-MhPhoneNumber -CountryCode qqq' | Should -BeNullOrEmpty
    }
}

Describe 'Country codes complete wherever a parameter takes one' {
    It '<Line> offers <Expected>' -ForEach @(
        @{ Line = 'Get-MhPhoneNumberRate -CountryCode germ'; Expected = 'DE' }
        @{ Line = 'Set-MhPhoneNumber -VoiceWhitelistedDestinations us'; Expected = 'US' }
        @{ Line = 'Set-MhPhoneNumber -SmsWhitelistedDestinations DE, austri'; Expected = 'AT' }
        @{ Line = 'New-MhPhoneNumber -CountryCode ital'; Expected = 'IT' }
    ) {
        (Get-Completion $Line).CompletionText | Should -Be @($Expected)
    }
}

Describe '-<Parameter> of <Command> completes from its ValidateSet' -ForEach $setCases {
    It 'offers the whole set when nothing is typed' {
        $offered = (Get-Completion "$Command -$Parameter ").CompletionText
        @($offered | Sort-Object) | Should -Be @($Values | Sort-Object)
    }

    It 'offers only the values that start with the first letter typed' {
        $letter = $Values[0].Substring(0, 1)
        $offered = (Get-Completion "$Command -$Parameter $letter").CompletionText
        @($offered | Sort-Object) | Should -Be @($Values | Where-Object { $_.StartsWith($letter) } | Sort-Object)
    }
}

Describe 'Completion examples from the issue' {
    It '-Status a gives active' {
        (Get-Completion 'Get-MhPhoneNumber -Status a').CompletionText | Should -Be @('active')
    }

    It '-Sort gives created_at, monthly_fee, number' {
        (Get-Completion 'Get-MhPhoneNumber -Sort ').CompletionText | Should -Be @('created_at', 'monthly_fee', 'number')
    }
}

Describe 'A trunk''s -Channel completes to the channels a trunk carries' {
    It '<Command> -Channel offers Call and WhatsApp, never Sms' -ForEach @(
        @{ Command = 'Get-MhPhoneNumberTrunk' }, @{ Command = 'New-MhPhoneNumberTrunk' }, @{ Command = 'Set-MhPhoneNumberTrunk' }, @{ Command = 'Remove-MhPhoneNumberTrunk' }
    ) {
        (Get-Completion "$Command -Channel ").CompletionText | Should -Be @('Call', 'WhatsApp')
        (Get-Completion "$Command -Channel w").CompletionText | Should -Be @('WhatsApp')
        Get-Completion "$Command -Channel s" | Should -BeNullOrEmpty
    }
}
