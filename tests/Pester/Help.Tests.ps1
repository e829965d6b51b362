# Get-Help as the admin at the prompt meets it. The parameter list comes from Get-Command, not from a list
# written here, so a parameter added without help text fails this file.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    $script:commandCases = @(Get-Command -Module Mindhunters | ForEach-Object { @{ Name = $_.Name } })
    # Every public parameter of every cmdlet: the SupportsPaging ones (First, Skip, IncludeTotalCount) included.
    $script:parameterCases = @(Get-Command -Module Mindhunters | ForEach-Object {
            $command = $_
            $command.Parameters.Values | Where-Object Name -NotIn $common | ForEach-Object {
                @{ Command = $command.Name; Parameter = $_.Name }
            }
        })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

    function script:Get-HelpText($Value) { (($Value | Out-String) -replace '\s+', ' ').Trim() }
}

Describe 'The module has commands to document' {
    It 'exports the seven cmdlets' {
        $commandCases.Count | Should -Be 7
        $parameterCases.Count | Should -BeGreaterThan 10
    }
}

Describe 'Help of <Name>' -ForEach $commandCases {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
    }

    It 'comes from the module''s MAML file, not from the generated stub' {
        # Without MAML, Get-Help invents a synopsis from the syntax and has no description.
        $help.Synopsis | Should -Not -BeLike "*$Name *"
        Get-HelpText $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example, each with code and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 1
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            Get-HelpText $example.remarks | Should -Not -BeNullOrEmpty
        }
    }

    It 'has related links, about_Mindhunters among them' {
        $links = @($help.relatedLinks.navigationLink.linkText)
        $links.Count | Should -BeGreaterOrEqual 2
        $links | Should -Contain 'about_Mindhunters'
    }

    It 'documents no parameter that the cmdlet does not have' {
        $documented = @($help.parameters.parameter | Where-Object { $_.name } | ForEach-Object name)
        $documented | Where-Object { $_ -notin $command.Parameters.Keys } | Should -BeNullOrEmpty
    }
}

Describe '-<Parameter> of <Command>' -ForEach $parameterCases {
    BeforeAll {
        $metadata = (Get-Command $Command).Parameters[$Parameter]
        $help = Get-Help $Command -Parameter $Parameter -ErrorAction SilentlyContinue
        $text = Get-HelpText $help.description
    }

    It 'has help text' {
        $help | Should -Not -BeNullOrEmpty -Because "Get-Help $Command -Parameter $Parameter must find it"
        $text.Length | Should -BeGreaterThan 20
    }

    It 'has the type of the code' {
        $type = $metadata.ParameterType
        $type = if ([Nullable]::GetUnderlyingType($type)) { [Nullable]::GetUnderlyingType($type) } else { $type }
        $help.type.name | Should -Be $type.FullName
    }

    It 'gives the default of the code' {
        # The value a fresh cmdlet object holds; "None ..." is right for a parameter that is used only when given.
        $cmdlet = New-Object (Get-Command $Command).ImplementingType
        try { $default = if ($cmdlet.PSObject.Properties[$Parameter]) { $cmdlet.$Parameter } } finally { $cmdlet.Dispose() }
        if ($default -is [int] -or $default -is [System.Management.Automation.SwitchParameter] -or $default -is [bool]) {
            $expected = if ($default -is [System.Management.Automation.SwitchParameter]) { "$($default.IsPresent)" } else { "$default" }
            if ($help.defaultValue -notmatch '^None\b') { $help.defaultValue | Should -Be $expected }
        }
    }

    It 'says whether it is required as the code does' {
        $mandatory = @($metadata.ParameterSets.Values.IsMandatory) -contains $true
        $help.required | Should -Be ($mandatory.ToString().ToLowerInvariant())
    }

    It 'takes pipeline input as the code does' {
        $byName = @($metadata.ParameterSets.Values.ValueFromPipelineByPropertyName) -contains $true
        $byValue = @($metadata.ParameterSets.Values.ValueFromPipeline) -contains $true
        if ($byName) { $help.pipelineInput | Should -Match 'ByPropertyName' }
        if ($byValue) { $help.pipelineInput | Should -Match 'ByValue' }
        if (-not $byName -and -not $byValue) { $help.pipelineInput | Should -Match '^False' }
    }

    It 'lists its aliases' {
        foreach ($alias in $metadata.Aliases) { $help.aliases | Should -Match ([regex]::Escape($alias)) }
    }

    It 'names every value of its ValidateSet' {
        $set = $metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        foreach ($value in $set.ValidValues) { $text | Should -Match "\b$([regex]::Escape($value))\b" }
    }

    It 'gives the range of its ValidateRange' {
        $range = $metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] }
        if ($range) {
            if ($range.MaxRange -eq [int]::MaxValue) { $text | Should -Match "\b$($range.MinRange) or more\b" }
            else { $text | Should -Match "\b$($range.MinRange) to $($range.MaxRange)\b" }
        }
    }
}

Describe 'Examples of Get-MhPhoneNumber' {
    BeforeAll {
        $examples = @((Get-Help Get-MhPhoneNumber -Examples).examples.example)
        $code = ($examples.code -join "`n")
    }

    It 'has at least three' {
        $examples.Count | Should -BeGreaterOrEqual 3
    }

    It 'shows <What>' -ForEach @(
        @{ What = 'filters'; Pattern = '-Status \w+ -CountryCode' }
        @{ What = 'paging with -Skip and -First'; Pattern = '-Skip \d+ -First \d+' }
        @{ What = 'an export to CSV'; Pattern = 'Export-Csv' }
        @{ What = 'a runbook on the MIHU_* variables'; Pattern = 'MIHU_TENANT[\s\S]*MIHU_API_TOKEN[\s\S]*-ErrorAction Stop' }
    ) {
        $code | Should -Match $Pattern
    }
}

Describe 'about_Mindhunters' {
    BeforeAll {
        $about = Get-Help about_Mindhunters | Out-String
    }

    It 'is found by Get-Help' {
        $about | Should -Match 'about_Mindhunters'
        $about.Length | Should -BeGreaterThan 2000
    }

    It 'covers <Section>' -ForEach @(
        @{ Section = 'CONNECTING' }
        @{ Section = 'ENVIRONMENT VARIABLES' }
        @{ Section = 'PAGING' }
        @{ Section = 'RETRIES' }
        @{ Section = 'ERRORS' }
        @{ Section = 'PROXIES' }
    ) {
        $about | Should -Match "(?m)^\s*$Section\s*$"
    }

    It 'names the MIHU_* variables' {
        foreach ($name in 'MIHU_TENANT', 'MIHU_API_TOKEN', 'MIHU_BASE_URI') { $about | Should -Match $name }
    }

    It 'gives every error id with the category the code gives it' {
        # The truth is in the assembly: each MhErrorKind's id (MhApiException.ErrorId) and category (ErrorRecords.Category).
        $assembly = [Mindhunters.Api.MhApiException].Assembly
        $categoryOf = $assembly.GetType('Mindhunters.Commands.ErrorRecords', $true).GetMethod('Category', [Reflection.BindingFlags]'Static, NonPublic')
        $newException = [Mindhunters.Api.MhApiException].GetConstructors([Reflection.BindingFlags]'Instance, NonPublic')[0]
        foreach ($kind in [enum]::GetValues([Mindhunters.Api.MhErrorKind])) {
            $id = $newException.Invoke(@($kind, 'message', 'action', $null)).ErrorId
            $category = $categoryOf.Invoke($null, @($kind))
            $about | Should -Match "$id\s+\(category $category\b" -Because "$kind is $id with category $category in the code"
        }
    }

    It 'says that a failed listing is non-terminating and a missing connection terminating' {
        $about | Should -Match 'NON-terminating'
        $about | Should -Match 'MhNotConnected\s+\(category ConnectionError, terminating\)'
    }
}

Describe 'Examples of <Name>' -ForEach @(
    @{ Name = 'Get-MhAgent'; Pattern = "-Name 'Support\*' \| Get-MhPhoneNumber" }
    @{ Name = 'Get-MhPhoneNumberRate'; Pattern = '-CountryCode \w+' }
    @{ Name = 'Set-MhPhoneNumber'; Pattern = 'Get-MhPhoneNumber[\s\S]*\|\s+Set-MhPhoneNumber -SmsEnabled \$false -WhatIf' }
) {
    It 'has at least two, one of them showing the command as users meet it' {
        $examples = @((Get-Help $Name -Examples).examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        ($examples.code -join "`n") | Should -Match $Pattern
    }
}

Describe 'about_Mindhunters across the cmdlets' {
    It 'shows the pipeline from agents to their numbers to a change with -WhatIf' {
        $about = Get-Help about_Mindhunters | Out-String
        $about | Should -Match 'Get-MhAgent -Name ''Support\*'' \|\s+Get-MhPhoneNumber -Status active \|\s+Set-MhPhoneNumber -SmsEnabled \$false -WhatIf'
    }
}
