# tools/New-MamlHelp.ps1 (the Build step that writes the cmdlet help) against a small module of its own: what the
# build refuses, how Markdown becomes help text, and what the real module has no example of yet (two parameter
# sets, [PSDefaultValue]). Help.Tests.ps1 checks the real module's help.

BeforeAll {
    $script:generator = (Resolve-Path "$PSScriptRoot/../../tools/New-MamlHelp.ps1").Path
    $script:moduleDir = New-Item -ItemType Directory (Join-Path $TestDrive 'HelpFixture') -Force
    Add-Type -OutputAssembly (Join-Path $moduleDir 'HelpFixture.dll') -TypeDefinition @'
using System.Management.Automation;

[Cmdlet(VerbsCommon.Get, "HelpFixture", DefaultParameterSetName = "ByName")]
public sealed class GetHelpFixtureCommand : PSCmdlet
{
    [Parameter(ParameterSetName = "ByName", Mandatory = true, Position = 0)]
    public string Name { get; set; }

    [Parameter(ParameterSetName = "ById", Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("fixture_id")]
    public int Id { get; set; }

    [Parameter]
    [PSDefaultValue(Help = "every page")]
    public int Page { get; set; } = 1;

    [Parameter]
    public int Limit { get; set; } = 5;
}

[Cmdlet(VerbsCommon.Set, "HelpFixture")]
public sealed class SetHelpFixtureCommand : PSCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }
}
'@
    $script:manifest = Join-Path $moduleDir 'HelpFixture.psd1'
    New-ModuleManifest $manifest -RootModule 'HelpFixture.dll' -ModuleVersion '1.0.0' -CmdletsToExport 'Get-HelpFixture', 'Set-HelpFixture'
    $script:mamlPath = Join-Path $moduleDir 'en-US/HelpFixture.dll-Help.xml'

    function script:New-Markdown([string] $Name, [string] $Parameters, [string] $Body = '') {
        @"
---
external help file: HelpFixture.dll-Help.xml
Module Name: HelpFixture
online version: https://example.com/help/$Name.md
schema: 2.0.0
---

# $Name

## SYNOPSIS

Does something to a fixture.

## DESCRIPTION

$Body

## EXAMPLES

### Example 1: Once

``````powershell
$Name
``````

``````output
fixture
``````

Runs it once.

## PARAMETERS

$Parameters

### CommonParameters

This cmdlet supports the common parameters.

## RELATED LINKS

[Get-HelpFixture](Get-HelpFixture.md)

[The web page](https://example.com/web)
"@
    }

    # A docs folder (named after its culture, as docs/en-US is) for the two fixture cmdlets; -Change edits it first.
    function script:New-Docs([scriptblock] $Change = {}) {
        $docs = New-Item -ItemType Directory (Join-Path $TestDrive "$([guid]::NewGuid().ToString('N'))/en-US") -Force
        $get = New-Markdown 'Get-HelpFixture' -Parameters "### -Name`n`nThe name.`n`n### -Id`n`nThe id.`n`n### -Page`n`nThe page.`n`n### -Limit`n`nThe limit." -Body @'
First paragraph,
soft-wrapped in the Markdown.

Second, with `inline code` and a \*literal star.

## INPUTS

### System.Int32

An id, by property name.

## OUTPUTS

### None

Nothing.

## NOTES

A note.
'@
        Set-Content (Join-Path $docs 'Get-HelpFixture.md') $get
        Set-Content (Join-Path $docs 'Set-HelpFixture.md') (New-Markdown 'Set-HelpFixture' -Parameters "### -Force`n`nForces it." -Body 'Sets it.')
        & $Change $docs
        $docs.FullName
    }

    function script:Invoke-Generator([string] $Docs) { & $generator -ModulePath $manifest -MarkdownPath $Docs 6>$null }

    function script:Get-Maml {
        $xml = [xml](Get-Content $mamlPath -Raw)
        $ns = [System.Xml.XmlNamespaceManager]::new($xml.NameTable)
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        [pscustomobject]@{ Xml = $xml; Ns = $ns }
    }
}

Describe 'The help of a fixture module' {
    BeforeAll {
        Invoke-Generator (New-Docs)
        $maml = Get-Maml
        $get = $maml.Xml.SelectSingleNode("//command:command[command:details/command:name='Get-HelpFixture']", $maml.Ns)
        function Select-Text($Node, [string] $XPath) { @($Node.SelectNodes($XPath, $maml.Ns) | ForEach-Object InnerText) }
    }

    It 'has one syntax item per parameter set, each with the parameters of its set' {
        $items = @($get.SelectNodes('command:syntax/command:syntaxItem', $maml.Ns))
        $items.Count | Should -Be 2
        $byName = $items | Where-Object { Select-Text $_ 'command:parameter/maml:name' | Where-Object { $_ -eq 'Name' } }
        $byId = $items | Where-Object { Select-Text $_ 'command:parameter/maml:name' | Where-Object { $_ -eq 'Id' } }
        Select-Text $byName 'command:parameter/maml:name' | Should -Be 'Name', 'Page', 'Limit'
        Select-Text $byId 'command:parameter/maml:name' | Should -Be 'Id', 'Page', 'Limit'
        $name = $byName.SelectSingleNode("command:parameter[maml:name='Name']", $maml.Ns)
        $name.required, $name.position | Should -Be 'true', '0'
        $id = $byId.SelectSingleNode("command:parameter[maml:name='Id']", $maml.Ns)
        $id.required, $id.position, $id.pipelineInput, $id.aliases | Should -Be 'true', 'named', 'True (ByPropertyName)', 'fixture_id'
    }

    It 'takes a default from [PSDefaultValue(Help)] before the value of a fresh cmdlet' {
        Select-Text $get "command:parameters/command:parameter[maml:name='Page']/dev:defaultValue" | Should -Be 'every page'
        Select-Text $get "command:parameters/command:parameter[maml:name='Limit']/dev:defaultValue" | Should -Be '5'
    }

    It 'turns Markdown into help text: joined lines, no backticks or escapes, code with its output' {
        Select-Text $get 'maml:description/maml:para' | Should -Be 'First paragraph, soft-wrapped in the Markdown.', 'Second, with inline code and a *literal star.'
        Select-Text $get 'command:details/maml:description/maml:para' | Should -Be 'Does something to a fixture.'
        Select-Text $get 'command:examples/command:example/maml:title' | Should -Be '----------- Example 1: Once -----------'
        Select-Text $get 'command:examples/command:example/dev:code' | Should -Be "Get-HelpFixture`n`nfixture"
        Select-Text $get 'command:examples/command:example/dev:remarks/maml:para' | Should -Be 'Runs it once.'
        Select-Text $get 'command:inputTypes/command:inputType/dev:type/maml:name' | Should -Be 'System.Int32'
        Select-Text $get 'maml:alertSet/maml:alert/maml:para' | Should -Be 'A note.'
    }

    It 'puts the online version first among the links, where Get-Help -Online looks, and drops relative URIs' {
        Select-Text $get 'command:relatedLinks/maml:navigationLink/maml:linkText' | Should -Be 'Online Version:', 'Get-HelpFixture', 'The web page'
        Select-Text $get 'command:relatedLinks/maml:navigationLink/maml:uri' | Should -Be 'https://example.com/help/Get-HelpFixture.md', '', 'https://example.com/web'
    }

    It 'documents a switch without a value in the syntax, with False as its default' {
        $set = $maml.Xml.SelectSingleNode("//command:command[command:details/command:name='Set-HelpFixture']", $maml.Ns)
        $set.SelectSingleNode('command:syntax/command:syntaxItem/command:parameter/command:parameterValue', $maml.Ns) | Should -BeNullOrEmpty
        Select-Text $set 'command:parameters/command:parameter/dev:defaultValue' | Should -Be 'False'
    }
}

Describe 'The build refuses <What>' -ForEach @(
    @{ What = 'a cmdlet without Markdown'; Message = '*No help Markdown for Set-HelpFixture*'
        Change = { param($Docs) Remove-Item (Join-Path $Docs 'Set-HelpFixture.md') } }
    @{ What = 'Markdown for a cmdlet the module does not have'; Message = '*Get-Nothing*which the module HelpFixture does not export*'
        Change = { param($Docs) Set-Content (Join-Path $Docs 'Get-Nothing.md') (New-Markdown 'Get-Nothing' -Parameters '') } }
    @{ What = 'a parameter the cmdlet does not have'; Message = '*Get-HelpFixture.md documents -Bogus, which Get-HelpFixture does not have*'
        Change = { param($Docs) (Get-Content (Join-Path $Docs 'Get-HelpFixture.md') -Raw) -replace '### -Limit', "### -Bogus`n`nNot there.`n`n### -Limit" | Set-Content (Join-Path $Docs 'Get-HelpFixture.md') } }
    @{ What = 'a file not named after its cmdlet'; Message = "*the file name must be the cmdlet's name*"
        Change = { param($Docs) Rename-Item (Join-Path $Docs 'Set-HelpFixture.md') 'SetHelpFixture.md' } }
) {
    It 'with a message that says what to fix' {
        $docs = New-Docs $Change
        { Invoke-Generator $docs } | Should -Throw $Message
    }
}

Describe 'A parameter without text' {
    It 'is a warning of the build (the help tests fail on it)' {
        $docs = New-Docs { param($Docs) (Get-Content (Join-Path $Docs 'Set-HelpFixture.md') -Raw) -replace 'Forces it\.', '' | Set-Content (Join-Path $Docs 'Set-HelpFixture.md') }
        $warnings = @(Invoke-Generator $docs 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $warnings.Message | Should -BeLike '*Set-HelpFixture.md has no text for -Force*'
    }
}
