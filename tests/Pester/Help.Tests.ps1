# Get-Help as users meet it, checked for what can be wrong: a cmdlet or parameter without text, an example that
# does not parse or names a parameter its command lacks, a link or cross reference to nothing, -Online opening the
# wrong page, an error id listed that the module cannot raise or one it raises that is not listed. Types, pipeline
# input, aliases, accepted values and defaults come from the cmdlets themselves (tools/New-MamlHelp.ps1): a few
# cases pin that the generator carries each of them, instead of comparing the help with the code per parameter.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $commands = @(Get-Command -Module Mindhunters)
    $parameters = @(foreach ($command in $commands) {
            foreach ($p in $command.Parameters.Values | Where-Object Name -NotIn $common) { [pscustomobject]@{ Command = $command; Metadata = $p } }
        })
    $script:parameterCases = @($parameters | ForEach-Object { @{ Command = $_.Command.Name; Parameter = $_.Metadata.Name } })

    # The examples as the Markdown writes them: only the ```powershell blocks, not the output shown after them.
    $script:exampleCases = @(foreach ($file in Get-ChildItem "$PSScriptRoot/../../docs/en-US" -Filter *.md) {
            $section = ((Get-Content $file -Raw) -split '(?m)^## ') | Where-Object { $_ -like 'EXAMPLES*' }
            foreach ($example in @($section -split '(?m)^### ' | Select-Object -Skip 1)) {
                $code = [regex]::Matches($example, '(?ms)^```powershell\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value }
                @{ Command = $file.BaseName; Title = ($example -split '\r?\n')[0]; Code = $code -join "`n" }
            }
        })
    $script:commandCases = @($commands | ForEach-Object {
            $name = $_.Name
            @{ Name = $name; ExampleCount = @($exampleCases | Where-Object Command -EQ $name).Count }
        })

    # Text that states a range or a default must agree with the code.
    $script:rangeCases = @(foreach ($p in $parameters) {
            $range = $p.Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] }
            if ($range) { @{ Command = $p.Command.Name; Parameter = $p.Metadata.Name; Min = $range.MinRange; Max = $range.MaxRange } }
        })
    # The parameters whose text states a default, found in the Markdown the help is made of (a parameter's text is its
    # "### -Name" part, up to the next heading): Get-Help here would build every help once more, as BeforeAll does again.
    $markdownOf = @{}
    $script:statedDefaultCases = @(foreach ($p in $parameters) {
            $name = $p.Command.Name
            if (-not $markdownOf.ContainsKey($name)) { $markdownOf[$name] = Get-Content "$PSScriptRoot/../../docs/en-US/$name.md" -Raw -ErrorAction Ignore }
            if ($markdownOf[$name] -match ('(?ms)^### -' + $p.Metadata.Name + '\s*$(.*?)(?=^##)') -and ($Matches[1] -replace '\s+', ' ') -match 'The default is (\d+)\b') {
                @{ Command = $name; Parameter = $p.Metadata.Name; Stated = $Matches[1] }
            }
        })

    # One parameter of the module for each fact the generator takes from the code.
    function Get-Pin([scriptblock] $Where) {
        $found = $parameters | Where-Object $Where | Select-Object -First 1
        if ($found) { @{ Command = $found.Command.Name; Parameter = $found.Metadata.Name } }
    }
    $script:pins = [ordered]@{
        Alias            = Get-Pin { $_.Metadata.Aliases.Count -gt 0 }
        ValidateSet      = Get-Pin { $_.Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } }
        Wildcards        = Get-Pin { $_.Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] } }
        ByPropertyName   = Get-Pin { @($_.Metadata.ParameterSets.Values.ValueFromPipelineByPropertyName) -contains $true }
        ByValue          = Get-Pin { @($_.Metadata.ParameterSets.Values.ValueFromPipeline) -contains $true }
        NotFromPipeline  = Get-Pin { -not (@($_.Metadata.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName })) }
        Switch           = Get-Pin { $_.Metadata.SwitchParameter }
        ValueDefault     = Get-Pin { $_.Metadata.ParameterType -eq [int] -and $_.Command.ImplementingType.GetProperty($_.Metadata.Name) -and
            (New-Object $_.Command.ImplementingType).($_.Metadata.Name) -gt 0 -and -not (@($_.Metadata.ParameterSets.Values.IsMandatory) -contains $true) }
        UsedOnlyIfGiven  = Get-Pin { -not $_.Metadata.ParameterType.IsValueType -and $_.Metadata.ParameterType -ne [securestring] -and
            -not (@($_.Metadata.ParameterSets.Values.IsMandatory) -contains $true) }
    }

    # The error ids the module can raise: the string literals of its code that look like one ("MhThrottled"), so that
    # an id added in C# is caught whichever file it is in. Every literal the IL loads (ldstr) is an entry of the
    # assembly's user-string heap, read here whole: walking each method's IL in PowerShell took seconds of CPU. The
    # categories of the engine's ids (MhErrorKind) come from the code too.
    function Get-StringLiteral([Reflection.Assembly] $Assembly) {
        $pe = [Reflection.PortableExecutable.PEReader]::new([IO.File]::OpenRead($Assembly.Location))
        try {
            $metadata = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            $handle = [Reflection.Metadata.UserStringHandle]::new()
            while (-not ($handle = [Reflection.Metadata.Ecma335.MetadataReaderExtensions]::GetNextHandle($metadata, $handle)).IsNil) { $metadata.GetUserString($handle) }
        } finally { $pe.Dispose() }
    }
    $assembly = [Mindhunters.Api.MhApiException].Assembly
    $categoryOf = $assembly.GetType('Mindhunters.Commands.ErrorRecords', $true).GetMethod('Category', [Reflection.BindingFlags]'Static, NonPublic')
    $newException = [Mindhunters.Api.MhApiException].GetConstructors([Reflection.BindingFlags]'Instance, NonPublic')[0]
    $kindCategory = @{}
    foreach ($kind in [enum]::GetValues([Mindhunters.Api.MhErrorKind])) {
        $kindCategory[$newException.Invoke(@($kind, 'message', 'action', $null)).ErrorId] = "$($categoryOf.Invoke($null, @($kind)))"
    }
    $script:moduleErrorIds = @(Get-StringLiteral $assembly | Where-Object { $_ -cmatch '^Mh[A-Z][A-Za-z]+$' } | Sort-Object -Unique)
    $script:errorIdCases = @($moduleErrorIds | ForEach-Object { @{ Id = $_; Category = $kindCategory[$_] } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:common = [System.Management.Automation.Cmdlet]::CommonParameters
    $script:docs = (Resolve-Path "$PSScriptRoot/../../docs/en-US").Path
    $script:projectUri = (Import-PowerShellDataFile (Get-BuiltModulePath)).PrivateData.PSData.ProjectUri
    $script:topics = 'about_Mindhunters', 'about_Mindhunters_Errors', 'about_Mindhunters_Writes'
    function script:Get-Paragraph($Value) { @($Value | ForEach-Object { $_.Text }) -join ' ' -replace '\s+', ' ' }
    # Get-Help builds a whole help on every call, the costliest step here: once per command and topic, and what
    # Get-Help -Parameter returns is the entry of -Full's parameters of that name. Get-Command costs tens of ms of CPU
    # a call too (more for a name it does not find): the module's commands are looked up once, by name.
    $script:commandOf = @{}; $script:helpOf = @{}
    foreach ($command in Get-Command -Module Mindhunters) { $commandOf[$command.Name] = $command; $helpOf[$command.Name] = Get-Help $command.Name -Full }
    $script:text = @{}
    foreach ($topic in $topics) { $text[$topic] = Get-Help $topic | Out-String }
    $script:allHelp = (@($text.Values) + @($helpOf.Values | Out-String)) -join "`n"
    function script:Get-ParameterHelp($Command, $Parameter) { $helpOf[$Command].parameters.parameter | Where-Object name -EQ $Parameter }
    # The prose of a parameter, without the sentence the generator adds for a ValidateSet.
    function script:Get-ParameterProse($Command, $Parameter) { Get-Paragraph ((Get-ParameterHelp $Command $Parameter).description | Where-Object Text -NotLike 'The acceptable values for this parameter are:*') }
    # Get-Help finds a topic by the start of its name too (about_Mindhunters_Error finds about_Mindhunters_Errors).
    # Its answer cannot change within the run, and many links name the same topic: asked once per name.
    $script:topicFound = @{}
    function script:Test-Topic($Name) {
        if (-not $topicFound.ContainsKey($Name)) { $topicFound[$Name] = @(Get-Help $Name -ErrorAction Ignore | Where-Object { $_.Category -eq 'HelpFile' -and $_.Name -eq $Name }).Count -eq 1 }
        $topicFound[$Name]
    }
    # A dynamic parameter (-PerPage of the list cmdlets) has no property: its declared PSDefaultValue is its default.
    function script:Get-FreshValue($Command, $Parameter) {
        $info = $commandOf[$Command]
        if (-not $info.ImplementingType.GetProperty($Parameter)) {
            return ($info.Parameters[$Parameter].Attributes | Where-Object { $_ -is [System.Management.Automation.PSDefaultValueAttribute] }).Value
        }
        $cmdlet = New-Object $info.ImplementingType
        try { $cmdlet.$Parameter } finally { $cmdlet.Dispose() }
    }
}

Describe 'The module has commands, parameters and examples to check' {
    It 'exports the fourteen cmdlets, with parameters and examples' {
        $commandCases.Count | Should -Be 14
        $parameterCases.Count | Should -BeGreaterThan 10
        $exampleCases.Count | Should -BeGreaterOrEqual $commandCases.Count
    }

    It 'has a parameter for every fact the generator pins' {
        foreach ($pin in $pins.GetEnumerator()) { $pin.Value | Should -Not -BeNullOrEmpty -Because "the pin '$($pin.Key)' needs such a parameter" }
    }
}

Describe 'Help of <Name>' -ForEach $commandCases {
    BeforeAll { $help = $helpOf[$Name] }

    It 'has a synopsis and a description from its Markdown, not the generated stub' {
        # Without MAML, Get-Help makes the synopsis from the syntax and has no description.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Name *"
        Get-Paragraph $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has the examples of its Markdown, each with code and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 1
        $examples.Count | Should -Be $ExampleCount
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            Get-Paragraph $example.remarks | Should -Not -BeNullOrEmpty
        }
    }

    It 'links only to real commands, topics and web pages, about_Mindhunters among them' {
        $links = @($help.relatedLinks.navigationLink)
        $links.linkText | Should -Contain 'about_Mindhunters'
        foreach ($link in $links | Where-Object { $_.uri -notmatch '^https://' }) {
            $known = $commandOf.ContainsKey($link.linkText) -or
                ($link.linkText -like 'about_*' -and (Test-Topic $link.linkText))
            $known | Should -BeTrue -Because "the related link '$($link.linkText)' must name a command or topic Get-Help finds"
        }
    }

    It 'opens its own Markdown page with Get-Help -Online' {
        # Get-Command's HelpUri is the URI Get-Help -Online opens (the first link of the MAML that has one).
        $commandOf[$Name].HelpUri | Should -Be "$projectUri/blob/main/docs/en-US/$Name.md"
        Join-Path $docs "$Name.md" | Should -Exist
    }
}

Describe 'Get-Help -Online in a fresh session' -Skip:(-not $IsLinux) {
    # The real thing: Get-Help starts the system's URL opener (xdg-open on Linux, looked up on PATH); a stand-in records
    # what it is given. A runspace of its own has loaded no help yet, as a fresh pwsh, which costs 2 core-s to start.
    It 'opens the page of each command' {
        $bin = New-Item -ItemType Directory (Join-Path $TestDrive 'bin') -Force
        $opened = Join-Path $TestDrive 'opened.txt'
        Set-Content (Join-Path $bin 'xdg-open') "#!/bin/sh`necho `"`$1`" >> '$opened'`n"
        & chmod +x (Join-Path $bin 'xdg-open')
        $names = @($commandCases.Name)
        $script = { param($ModulePath, $Names) Import-Module $ModulePath; foreach ($name in $Names) { Get-Help $name -Online } }
        $session = [powershell]::Create()
        $path = $env:PATH
        try {
            $env:PATH = "$bin$([IO.Path]::PathSeparator)$path"
            $null = $session.AddScript($script).AddArgument((Get-BuiltModulePath)).AddArgument($names).Invoke()
            $session.HadErrors | Should -BeFalse -Because "$($session.Streams.Error)"
        } finally { $env:PATH = $path; $session.Dispose() }
        Wait-Until { (Test-Path $opened) -and @(Get-Content $opened).Count -ge $names.Count } -TimeoutSec 10
        Get-Content $opened | Sort-Object | Should -Be @($names | Sort-Object | ForEach-Object { "$projectUri/blob/main/docs/en-US/$_.md" })
    }
}

Describe 'The text of each parameter' {
    It '-<Parameter> of <Command> has text of its own' -ForEach $parameterCases {
        Get-ParameterProse $Command $Parameter | Should -Match '\w+( \w+){4}' -Because "docs/en-US/$Command.md needs a '### -$Parameter' section with its text"
    }
}

Describe 'A parameter whose text states its range' {
    It '-<Parameter> of <Command> states the range of its ValidateRange' -ForEach $rangeCases {
        $expected = if ($Max -eq [int]::MaxValue) { "\b$Min or more\b" } else { "\b$Min to $Max\b" }
        Get-ParameterProse $Command $Parameter | Should -Match $expected
    }
}

Describe 'A parameter whose text states its default' {
    It '-<Parameter> of <Command> states the default of the code' -ForEach $statedDefaultCases {
        "$(Get-FreshValue $Command $Parameter)" | Should -Be $Stated
        (Get-ParameterHelp $Command $Parameter).defaultValue | Should -Be $Stated
    }
}

Describe 'Example "<Title>" of <Command>' -ForEach $exampleCases {
    BeforeAll {
        $tokens = $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors)
        $calls = @($ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true))
    }

    It 'parses' {
        $Code | Should -Not -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
    }

    It 'calls <Command>' {
        $calls.ForEach({ $_.GetCommandName() }) | Should -Contain $Command
    }

    It 'gives the module''s commands only parameters they have' {
        $unknown = foreach ($call in $calls) {
            $info = if ($call.GetCommandName()) { $commandOf[$call.GetCommandName()] }
            if (-not $info) { continue }
            $names = @($info.Parameters.Keys) + @($info.Parameters.Values.Aliases)
            foreach ($parameter in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                if ($parameter.ParameterName -notin $names) { "$($info.Name) -$($parameter.ParameterName)" }
            }
        }
        $unknown | Should -BeNullOrEmpty
    }
}

Describe 'What the help takes from the cmdlets' {
    It 'the syntax of <Name> has the cmdlet''s parameter sets, parameters, types, required and positions' -ForEach $commandCases {
        $command = $commandOf[$Name]
        $items = @($helpOf[$Name].syntax.syntaxItem)
        $items.Count | Should -Be @($command.ParameterSets).Count
        for ($i = 0; $i -lt $items.Count; $i++) {
            $expected = @($command.ParameterSets[$i].Parameters | Where-Object Name -NotIn $common | ForEach-Object {
                    $type = if ([Nullable]::GetUnderlyingType($_.ParameterType)) { [Nullable]::GetUnderlyingType($_.ParameterType) } else { $_.ParameterType }
                    '{0} {1} required={2} position={3}' -f $_.Name, $type.FullName, "$($_.IsMandatory)".ToLowerInvariant(), $(if ($_.Position -lt 0) { 'named' } else { $_.Position })
                } | Sort-Object)
            $actual = @($items[$i].parameter | Where-Object { $_ } | ForEach-Object { '{0} {1} required={2} position={3}' -f $_.name, $_.type.name, $_.required, $_.position } | Sort-Object)
            $actual | Should -Be $expected
        }
    }

    It 'lists the aliases of -<Parameter> (<Command>)' -ForEach @($pins.Alias) {
        (Get-ParameterHelp $Command $Parameter).aliases | Should -Be (($commandOf[$Command]).Parameters[$Parameter].Aliases -join ', ')
    }

    It 'shows the accepted values of -<Parameter> (<Command>) in the syntax and in its text' -ForEach @($pins.ValidateSet) {
        $values = (($commandOf[$Command]).Parameters[$Parameter].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }).ValidValues
        $inSyntax = ($helpOf[$Command].syntax.syntaxItem.parameter | Where-Object name -EQ $Parameter | Select-Object -First 1).parameterValueGroup.parameterValue
        @($inSyntax | ForEach-Object { "$_" }) | Should -Be @($values)
        Get-Paragraph (Get-ParameterHelp $Command $Parameter).description | Should -BeLike "*The acceptable values for this parameter are: $($values -join ', ')."
    }

    It 'says that -<Parameter> (<Command>) accepts wildcards' -ForEach @($pins.Wildcards) {
        (Get-ParameterHelp $Command $Parameter).globbing | Should -Be 'true'
    }

    It 'takes -<Parameter> (<Command>) from the pipeline by property name' -ForEach @($pins.ByPropertyName) {
        (Get-ParameterHelp $Command $Parameter).pipelineInput | Should -Match '^True \(.*ByPropertyName\)$'
    }

    It 'takes -<Parameter> (<Command>) from the pipeline by value' -ForEach @($pins.ByValue) {
        (Get-ParameterHelp $Command $Parameter).pipelineInput | Should -Match '^True \(ByValue.*\)$'
    }

    It 'does not take -<Parameter> (<Command>) from the pipeline' -ForEach @($pins.NotFromPipeline) {
        (Get-ParameterHelp $Command $Parameter).pipelineInput | Should -Be 'False'
    }

    It 'shows the switch -<Parameter> (<Command>) without a value, default False' -ForEach @($pins.Switch) {
        (Get-ParameterHelp $Command $Parameter).type.name | Should -Be 'System.Management.Automation.SwitchParameter'
        (Get-ParameterHelp $Command $Parameter).defaultValue | Should -Be 'False'
        (Get-Help $Command | Out-String -Width 1000) | Should -Match "\[-$Parameter\]"
    }

    It 'gives the default of -<Parameter> (<Command>) as a fresh cmdlet has it' -ForEach @($pins.ValueDefault) {
        $value = Get-FreshValue $Command $Parameter
        (Get-ParameterHelp $Command $Parameter).defaultValue | Should -Be "$value"
    }

    It 'gives None as the default of -<Parameter> (<Command>), which is used only when given' -ForEach @($pins.UsedOnlyIfGiven) {
        Get-FreshValue $Command $Parameter | Should -BeNullOrEmpty
        (Get-ParameterHelp $Command $Parameter).defaultValue | Should -Be 'None'
    }
}

Describe 'The about topics' {
    It 'Get-Help finds <_> in the built module' -ForEach @('about_Mindhunters', 'about_Mindhunters_Errors', 'about_Mindhunters_Writes') {
        Test-Topic $_ | Should -BeTrue
        $text[$_] | Should -Match "TOPIC\s+$_\s"
        $text[$_].Length | Should -BeGreaterThan 2000
    }

    It '<Topic> covers <Section>' -ForEach @(
        @{ Topic = 'about_Mindhunters'; Section = 'CONNECTING' }
        @{ Topic = 'about_Mindhunters'; Section = 'ENVIRONMENT VARIABLES' }
        @{ Topic = 'about_Mindhunters'; Section = 'PAGING' }
        @{ Topic = 'about_Mindhunters'; Section = 'PROXIES' }
        @{ Topic = 'about_Mindhunters_Errors'; Section = 'RETRIES' }
        @{ Topic = 'about_Mindhunters_Errors'; Section = 'ERRORS' }
        @{ Topic = 'about_Mindhunters_Writes'; Section = 'POSTS ARE NEVER SENT TWICE' }
        @{ Topic = 'about_Mindhunters_Writes'; Section = 'SECRETS' }
        @{ Topic = 'about_Mindhunters_Writes'; Section = 'WHAT THE MODULE ASSUMES' }
        @{ Topic = 'about_Mindhunters_Writes'; Section = 'BULK CHANGES' }
        @{ Topic = 'about_Mindhunters_Writes'; Section = 'NOTHING SENT THAT CHANGES NOTHING' }
    ) {
        $text[$Topic] | Should -Match "(?m)^\s*$Section\s*$"
    }

    It 'about_Mindhunters names the MIHU_* variables' {
        foreach ($name in 'MIHU_TENANT', 'MIHU_API_TOKEN', 'MIHU_BASE_URI') { $text['about_Mindhunters'] | Should -Match $name }
    }

    It 'every about_ topic the help refers to is found by Get-Help' {
        $named = @([regex]::Matches($allHelp, '\babout_Mindhunters\w*') | ForEach-Object Value | Sort-Object -Unique)
        $named | Should -Contain 'about_Mindhunters_Errors'
        foreach ($topic in $named) { Test-Topic $topic | Should -BeTrue -Because "the help refers to $topic" }
    }

    It 'about_Mindhunters_Writes shows the pipeline from agents to their numbers to a change with -WhatIf' {
        $text['about_Mindhunters_Writes'] | Should -Match 'Get-MhAgent -Name ''Support\*'' \|\s+Get-MhPhoneNumber -Status active \|\s+Set-MhPhoneNumber -SmsEnabled \$false -WhatIf'
    }
}

Describe 'The error ids' {
    BeforeAll { $errorsTopic = $text['about_Mindhunters_Errors'] }

    It 'about_Mindhunters_Errors lists <Id>, which the module can raise, with its category' -ForEach $errorIdCases {
        # The engine's ids have their category in the code; the cmdlets' own ids (ErrorRecords.InvalidArgument) are InvalidArgument.
        $category = if ($Category) { $Category } else { 'InvalidArgument' }
        $errorsTopic | Should -Match "(?m)^\s*$Id\s+\(category $category\b"
    }

    It 'the help names no error id that the module cannot raise' {
        $listed = @([regex]::Matches($errorsTopic, '(?m)^\s*(Mh[A-Z]\w+)\s+\(category') | ForEach-Object { $_.Groups[1].Value })
        $listed.Count | Should -BeGreaterOrEqual $moduleErrorIds.Count
        # Any id-like word in any help text (not a type such as Mindhunters.Model.MhContext, nor a noun as in Get-MhAgent).
        $named = @([regex]::Matches($allHelp, '(?<![-.\w])Mh[A-Z][A-Za-z]+\b') | ForEach-Object Value | Sort-Object -Unique)
        @($listed + $named | Sort-Object -Unique | Where-Object { $_ -cnotin $moduleErrorIds }) | Should -BeNullOrEmpty
    }

    It 'about_Mindhunters_Errors says that a failed listing is non-terminating and a missing connection terminating' {
        $errorsTopic | Should -Match 'NON-terminating'
        $errorsTopic | Should -Match 'MhNotConnected\s+\(category ConnectionError, terminating\)'
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

Describe 'Examples of <Name>' -ForEach @(
    @{ Name = 'Get-MhAgent'; Pattern = "-Name 'Support\*' \| Get-MhPhoneNumber" }
    @{ Name = 'Get-MhPhoneNumberRate'; Pattern = '-CountryCode \w+' }
    @{ Name = 'Set-MhPhoneNumber'; Pattern = 'Get-MhPhoneNumber[\s\S]*\|\s+Set-MhPhoneNumber -SmsEnabled \$false -WhatIf' }
    @{ Name = 'Set-MhPhoneNumberBinding'; Pattern = 'Get-MhPhoneNumber [^|]+\| Set-MhPhoneNumberBinding -AgentUuid \S+ -Channel Call -WhatIf' }
    @{ Name = 'New-MhPhoneNumberTrunk'; Pattern = '-SipCredential \(Get-Credential' }
    @{ Name = 'Remove-MhPhoneNumberTrunk'; Pattern = 'Get-MhPhoneNumberTrunk[^|]*\| Remove-MhPhoneNumberTrunk -Channel Call -WhatIf' }
    @{ Name = 'Invoke-MhRequest'; Pattern = 'Invoke-MhRequest -Path api/v1/contacts [^\n]*-All' }
) {
    It 'has at least two, one of them showing the command as users meet it' {
        $examples = @((Get-Help $Name -Examples).examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        ($examples.code -join "`n") | Should -Match $Pattern
    }
}
