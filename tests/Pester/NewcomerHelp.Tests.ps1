# What the help tells a newcomer about the things they tripped on: the table's columns and the capabilities
# legend, the flat properties, Mihu-branded workspaces, /api/v1, the token and the country codes.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    # The paragraphs themselves: Get-Help's formatted text breaks words at the console width.
    function script:Get-HelpText($Value) { (@($Value | ForEach-Object { $_.Text }) -join ' ') -replace '\s+', ' ' }
    function script:Get-ParameterHelp($Command, $Parameter) { Get-HelpText (Get-Help $Command -Parameter $Parameter).description }
    $script:about = (Get-Help about_Mindhunters | Out-String) -replace '\s+', ' '
    $help = Get-Help Get-MhPhoneNumber -Full
    $script:listing = (Get-HelpText $help.description) + ' ' + (Get-HelpText $help.returnValues.returnValue.description)
}

Describe 'The capabilities column V S M F E L' {
    It 'is explained in <Where>' -ForEach @(
        @{ Where = 'about_Mindhunters' }
        @{ Where = 'Get-Help Get-MhPhoneNumber' }
    ) {
        $text = if ($Where -eq 'about_Mindhunters') { $about } else { $listing }
        foreach ($pair in 'V voice', 'S sms', 'M mms', 'F fax', 'E emergency', 'L local_calling') { $text | Should -Match "\b$pair\b" }
    }
}

Describe 'The flat properties and the table' {
    It 'Get-Help Get-MhPhoneNumber names <Property>' -ForEach @(
        @{ Property = 'MonthlyFee' }, @{ Property = 'Currency' }, @{ Property = 'CallAgentName' }, @{ Property = 'CallAgentUuid' }
    ) {
        $listing | Should -Match "\b$Property\b"
        $about | Should -Match "\b$Property\b"
    }

    It 'an example sorts or filters on MonthlyFee' {
        (Get-Help Get-MhPhoneNumber -Examples).examples.example.code -join "`n" | Should -Match 'Where-Object MonthlyFee|Sort-Object MonthlyFee'
    }
}

Describe 'Reaching a workspace' {
    It 'says how to reach a Mihu-branded workspace (https://{subdomain}.mihu.ai) in <Where>' -ForEach @(
        @{ Where = 'Connect-MhAccount -BaseUri' }
        @{ Where = 'about_Mindhunters' }
    ) {
        $text = if ($Where -eq 'about_Mindhunters') { $about } else { Get-ParameterHelp Connect-MhAccount BaseUri }
        $text | Should -Match 'https://\{subdomain\}\.mihu\.ai'
        $text | Should -Match '-BaseUri https://acme\.mihu\.ai'
        $text | Should -Match 'MIHU_BASE_URI'
    }

    It 'says a base URI may end in /api/v1' {
        Get-ParameterHelp Connect-MhAccount BaseUri | Should -Match '/api/v1'
        $about | Should -Match 'may end in /api/v1'
    }

    It 'says a plain-string -Token is refused, and so is a control character' {
        $token = Get-ParameterHelp Connect-MhAccount Token
        $token | Should -Match 'plain string'
        $token | Should -Match 'control character'
    }

    It 'says errors about MIHU_* values name the variable' {
        $about | Should -Match 'names the variable'
    }

    It 'says -CountryCode uk answers "did you mean GB"' {
        Get-ParameterHelp Get-MhPhoneNumber CountryCode | Should -Match 'did you mean GB'
    }
}
