# The smaller things an admin met in a week (issue 19 point 7): alpha-3 country codes, the allowed range of a refused
# channel limit, Tab after -SmsEnabled, and what the default tables keep at 80 columns.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'details-token'
    $script:api = Start-FakeApi -Count 30 -Token $token
    Connect-MhAccount -Subdomain details -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri

    function script:Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'A three-letter country code' {
    It '<Code> in -CountryCode of <Command> gets "did you mean <Meant>?", before any request' -ForEach @(
        @{ Command = 'Get-MhPhoneNumber'; Code = 'USA'; Meant = 'US' }
        @{ Command = 'Get-MhPhoneNumber'; Code = 'deu'; Meant = 'DE' }
        @{ Command = 'Get-MhPhoneNumberRate'; Code = 'GBR'; Meant = 'GB' }
    ) {
        Clear-FakeApiRequest $api
        $err = $null
        try { & $Command -CountryCode $Code } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $err.Exception.Message | Should -Match "did you mean $Meant \("
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }
}

Describe 'A channel limit the API refuses' {
    It 'says the range the API gave for it, in the parameter''s name' {
        Set-MhPhoneNumber -PhoneNumberUuid '00000001-0000-4000-8000-000000000001' -VoiceChannelLimit 5000 -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'MhInvalidArgument,*'
        $refused[0].ErrorDetails.RecommendedAction | Should -Match '^-VoiceChannelLimit takes a value from 0 to 1000'
        $refused[0].Exception.RecommendedAction | Should -Be $refused[0].ErrorDetails.RecommendedAction
    }
}

Describe 'Tab after a boolean setting' {
    It 'offers $true and $false after -<Parameter>' -ForEach @(
        @{ Parameter = 'VoiceEnabled' }
        @{ Parameter = 'SmsEnabled' }
        @{ Parameter = 'InboundEnabled' }
    ) {
        (Get-Completion "Set-MhPhoneNumber -$Parameter ").CompletionText | Should -Be @('$true', '$false')
        # After a '$' PowerShell adds the variables that match too; the value comes first.
        (Get-Completion "Set-MhPhoneNumber -$Parameter `$f").CompletionText[0] | Should -Be '$false'
        (Get-Completion "Set-MhPhoneNumber -$Parameter t").CompletionText | Should -Be @('$true')
    }
}

Describe 'The default tables at 80 columns' {
    It 'the phone number table keeps <Column>' -ForEach @(
        @{ Column = 'Number' }, @{ Column = 'Status' }, @{ Column = 'CountryCode' }, @{ Column = 'Type' }, @{ Column = 'MonthlyFee' }
    ) {
        $numbers = @(Get-MhPhoneNumber -First 5)
        $lines = (($numbers | Out-String -Width 80) -split "`r?`n") | Where-Object { $_.Trim() }
        ($lines[0] -split '\s+') | Should -Contain $Column
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $header = $lines[0]
        $at = $header.IndexOf($Column)
        foreach ($n in $numbers) {
            $row = $lines | Where-Object { $_.StartsWith($n.Number + ' ') }
            $value = if ($Column -eq 'MonthlyFee') { $n.MonthlyFee.ToString('0.00##', [cultureinfo]::CurrentCulture) } else { "$($n.$Column)" }
            $row | Should -Match ([regex]::Escape($value)) -Because "$Column of $($n.Number)"
        }
    }

    It 'the agent table keeps Name and AgentUuid' {
        $agents = @(Get-MhAgent -First 5)
        $lines = (($agents | Out-String -Width 80) -split "`r?`n") | Where-Object { $_.Trim() }
        ($lines[0] -split '\s+') | Should -Contain 'Name'
        ($lines[0] -split '\s+') | Should -Contain 'AgentUuid'
        foreach ($agent in $agents) {
            ($lines | Where-Object { $_ -match [regex]::Escape("$($agent.AgentUuid)") }) | Should -Match "^$([regex]::Escape($agent.Name))\s"
        }
    }
}
