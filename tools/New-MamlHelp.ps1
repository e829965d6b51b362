#Requires -Version 7.4
<#
.SYNOPSIS
    Writes the cmdlet help (MAML) of the built module from docs/<culture>/<Cmdlet>.md and the compiled cmdlets.
.DESCRIPTION
    The Markdown (platyPS layout) holds the prose only: synopsis, description, examples, each parameter's text,
    inputs, outputs, notes and related links. Syntax, types, required, position, pipeline input, aliases, wildcards,
    accepted values (ValidateSet) and defaults come from the cmdlets as Get-Command and a fresh instance of each
    cmdlet class show them, so a change in C# changes the help. Imports the module: run it in a fresh process.
    Fails when a cmdlet has no Markdown file, a Markdown file names no cmdlet, or it documents a parameter the
    cmdlet does not have. The MAML is what Windows PowerShell 5.1 and PowerShell 7 both read.
.EXAMPLE
    pwsh -NoProfile -File tools/New-MamlHelp.ps1 -ModulePath out/Mindhunters/Mindhunters.psd1 -MarkdownPath docs/en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $MarkdownPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$module = Import-Module (Resolve-Path $ModulePath).Path -PassThru -Force
$MarkdownPath = (Resolve-Path $MarkdownPath).Path
$culture = Split-Path $MarkdownPath -Leaf
$common = [System.Management.Automation.Cmdlet]::CommonParameters

# Markdown text to plain help text: `code` keeps its content, \* is a literal *.
function ConvertTo-PlainText([string] $Text) { $Text -replace '`([^`]*)`', '$1' -replace '\\([\\`*_{}\[\]()#+\-.!<>|])', '$1' }

# Paragraphs (blank-line separated, soft-wrapped lines joined) and fenced code blocks, in order.
function Get-Block([string[]] $Lines) {
    $blocks = [System.Collections.Generic.List[object]]::new(); $text = @(); $code = $null
    foreach ($line in @($Lines) + '') {
        if ($null -ne $code) {
            if ($line -match '^```\s*$') { $blocks.Add([pscustomobject]@{ Code = $code -join "`n" }); $code = $null } else { $code += $line }
        } elseif ($line -match '^```') {
            $code = @()
        } elseif ($line.Trim()) {
            $text += $line.Trim(); continue
        }
        if ($text) { $blocks.Add([pscustomobject]@{ Text = ConvertTo-PlainText ($text -join ' ') }); $text = @() }
    }
    $blocks
}

# One Markdown file: its front matter, and each "## SECTION" split into its text and its "### Heading" parts.
function Read-HelpMarkdown([string] $Path) {
    $lines = @(Get-Content $Path)
    if ($lines[0] -ne '---') { throw "${Path}: the file must start with YAML front matter (---)." }
    $end = [array]::IndexOf($lines, '---', 1)
    $front = @{}
    foreach ($line in $lines[1..($end - 1)]) { if ($line -match '^([^:]+):\s*(.*)$') { $front[$Matches[1].Trim()] = $Matches[2].Trim() } }
    $doc = [pscustomobject]@{ Path = $Path; Front = $front; Name = $null; Sections = @{} }
    $section = $null; $part = $null; $inCode = $false
    foreach ($line in $lines[($end + 1)..($lines.Count - 1)]) {
        if ($line -match '^```') { $inCode = -not $inCode }
        if (-not $inCode -and $line -match '^# (\S+)\s*$') { $doc.Name = $Matches[1]; continue }
        if (-not $inCode -and $line -match '^## (.+?)\s*$') {
            $section = [pscustomobject]@{ Lines = @(); Parts = [System.Collections.Generic.List[object]]::new() }
            $doc.Sections[$Matches[1].ToUpperInvariant()] = $section; $part = $null; continue
        }
        if (-not $inCode -and $section -and $line -match '^### (.+?)\s*$') {
            $part = [pscustomobject]@{ Heading = $Matches[1]; Lines = @() }; $section.Parts.Add($part); continue
        }
        if ($part) { $part.Lines += $line } elseif ($section) { $section.Lines += $line }
    }
    $doc
}

function Get-Paragraph($Section) { if ($Section) { @(Get-Block $Section.Lines | Where-Object { $_.PSObject.Properties['Text'] } | ForEach-Object Text) } }

# The value a fresh cmdlet object holds, as help shows it: "None" for what is used only when given (null, empty,
# the type's zero) and for mandatory parameters; False for a switch. [PSDefaultValue(Help = ...)] on the property (or
# among a dynamic parameter's attributes) wins.
function Get-DefaultValue($Command, $Parameter, $Instance) {
    $property = $Command.ImplementingType.GetProperty($Parameter.Name)
    # A dynamic parameter has no property: its attributes are in the command's metadata.
    $declared = if ($property) { $property.GetCustomAttributes([System.Management.Automation.PSDefaultValueAttribute], $true) | Select-Object -First 1 }
    else { $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.PSDefaultValueAttribute] } | Select-Object -First 1 }
    if ($declared) { return $(if ($declared.Help) { $declared.Help } else { "$($declared.Value)" }) }
    if ($Parameter.SwitchParameter) { return 'False' }
    if (-not $property -or @($Parameter.ParameterSets.Values.IsMandatory) -contains $true) { return 'None' }
    $value = $property.GetValue($Instance)
    $type = $property.PropertyType
    $zero = if ($type.IsValueType) { [Activator]::CreateInstance($type) }
    if ($null -eq $value -or $value -eq $zero -or "$value" -eq '' -or ($value -is [securestring] -and $value.Length -eq 0)) { return 'None' }
    [string]$value
}

function Get-TypeOf($Parameter) {
    $type = $Parameter.ParameterType
    if ([Nullable]::GetUnderlyingType($type)) { $type = [Nullable]::GetUnderlyingType($type) }
    $type
}

$nsMaml = 'http://schemas.microsoft.com/maml/2004/10'
$nsCommand = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$nsDev = 'http://schemas.microsoft.com/maml/dev/2004/10'

function Write-Para($Writer, [string[]] $Paragraphs) {
    foreach ($text in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $nsMaml, $text) }
}

function Write-Description($Writer, [string[]] $Paragraphs) {
    $Writer.WriteStartElement('maml', 'description', $nsMaml); Write-Para $Writer $Paragraphs; $Writer.WriteEndElement()
}

# In the syntax, a ValidateSet shows as {a | b} and a switch as [-Name]; under PARAMETERS, as the type.
function Write-Parameter($Writer, $Parameter, $SetMetadata, [string[]] $Prose, [string] $Default, [switch] $InSyntax) {
    $type = Get-TypeOf $Parameter
    $byValue = @($SetMetadata.ValueFromPipeline) -contains $true
    $byName = @($SetMetadata.ValueFromPipelineByPropertyName) -contains $true
    $ways = @(if ($byValue) { 'ByValue' }) + @(if ($byName) { 'ByPropertyName' })
    $pipeline = if ($ways) { "True ($($ways -join ', '))" } else { 'False' }
    $position = $SetMetadata[0].Position
    $Writer.WriteStartElement('command', 'parameter', $nsCommand)
    $Writer.WriteAttributeString('required', "$(@($SetMetadata.IsMandatory) -contains $true)".ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', "$([bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }))".ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $pipeline)
    $Writer.WriteAttributeString('position', $(if ($position -eq [int]::MinValue) { 'named' } else { "$position" }))
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $nsMaml, $Parameter.Name)
    $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    Write-Description $Writer (@($Prose) + @(if ($set) { "The acceptable values for this parameter are: $($set.ValidValues -join ', ')." }))
    if ($set -and $InSyntax) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $nsCommand)
        foreach ($value in $set.ValidValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $nsCommand)
            $Writer.WriteAttributeString('required', 'false'); $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value); $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    } elseif (-not ($Parameter.SwitchParameter -and $InSyntax)) {
        $Writer.WriteStartElement('command', 'parameterValue', $nsCommand)
        $Writer.WriteAttributeString('required', "$(-not $Parameter.SwitchParameter)".ToLowerInvariant()); $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($type.Name); $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $nsDev)
    $Writer.WriteElementString('maml', 'name', $nsMaml, $type.FullName); $Writer.WriteElementString('maml', 'uri', $nsMaml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $nsDev, $Default)
    $Writer.WriteEndElement()
}

function Write-TypeList($Writer, [string] $List, [string] $Item, $Section) {
    $Writer.WriteStartElement('command', $List, $nsCommand)
    foreach ($part in @(if ($Section) { $Section.Parts })) {
        $Writer.WriteStartElement('command', $Item, $nsCommand)
        $Writer.WriteStartElement('dev', 'type', $nsDev); $Writer.WriteElementString('maml', 'name', $nsMaml, $part.Heading); $Writer.WriteEndElement()
        Write-Description $Writer @(Get-Paragraph $part)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Command($Writer, $Command, $Doc) {
    $prose = [ordered]@{}
    foreach ($part in @(if ($Doc.Sections['PARAMETERS']) { $Doc.Sections['PARAMETERS'].Parts })) {
        if ($part.Heading -eq 'CommonParameters') { continue }
        $name = $part.Heading -replace '^-', ''
        if (-not $Command.Parameters.ContainsKey($name) -or $name -in $common) { throw "$($Doc.Path) documents -$name, which $($Command.Name) does not have." }
        $prose[$Command.Parameters[$name].Name] = @(Get-Paragraph $part)
    }
    $parameters = @($Command.Parameters.Values | Where-Object Name -NotIn $common)
    foreach ($missing in $parameters | Where-Object { -not $prose[$_.Name] }) { Write-Warning "$($Doc.Path) has no text for -$($missing.Name)." }
    $instance = [Activator]::CreateInstance($Command.ImplementingType)
    try { $defaults = @{}; foreach ($p in $parameters) { $defaults[$p.Name] = Get-DefaultValue $Command $p $instance } }
    finally { if ($instance -is [IDisposable]) { $instance.Dispose() } }

    $Writer.WriteStartElement('command', 'command', $nsCommand)
    $prefixes = [ordered]@{ maml = $nsMaml; command = $nsCommand; dev = $nsDev; MSHelp = 'http://msdn.microsoft.com/mshelp' }
    foreach ($prefix in $prefixes.GetEnumerator()) {
        $Writer.WriteAttributeString('xmlns', $prefix.Key, $null, $prefix.Value)
    }
    $Writer.WriteStartElement('command', 'details', $nsCommand)
    $Writer.WriteElementString('command', 'name', $nsCommand, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $nsCommand, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $nsCommand, $Command.Noun)
    Write-Description $Writer @(Get-Paragraph $Doc.Sections['SYNOPSIS'])
    $Writer.WriteEndElement()
    Write-Description $Writer @(Get-Paragraph $Doc.Sections['DESCRIPTION'])

    $Writer.WriteStartElement('command', 'syntax', $nsCommand)
    foreach ($set in $Command.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $nsCommand)
        $Writer.WriteElementString('maml', 'name', $nsMaml, $Command.Name)
        # Positional parameters first, by position, then the others in the cmdlet's order: as Get-Command -Syntax.
        $inSet = @($set.Parameters | Where-Object Name -NotIn $common)
        $ordered = @($inSet | Where-Object Position -GE 0 | Sort-Object Position) + @($inSet | Where-Object Position -LT 0)
        foreach ($p in $ordered) {
            Write-Parameter $Writer $Command.Parameters[$p.Name] @($p) $prose[$p.Name] $defaults[$p.Name] -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $nsCommand)
    $documented = @($prose.Keys)
    foreach ($name in $documented + @($parameters | ForEach-Object Name | Where-Object { $_ -notin $documented })) {
        $p = $Command.Parameters[$name]
        Write-Parameter $Writer $p @($p.ParameterSets.Values) $prose[$name] $defaults[$name]
    }
    $Writer.WriteEndElement()

    Write-TypeList $Writer 'inputTypes' 'inputType' $Doc.Sections['INPUTS']
    Write-TypeList $Writer 'returnValues' 'returnValue' $Doc.Sections['OUTPUTS']
    $Writer.WriteStartElement('maml', 'alertSet', $nsMaml); $Writer.WriteStartElement('maml', 'alert', $nsMaml)
    Write-Para $Writer @(Get-Paragraph $Doc.Sections['NOTES'])
    $Writer.WriteEndElement(); $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $nsCommand)
    foreach ($part in @(if ($Doc.Sections['EXAMPLES']) { $Doc.Sections['EXAMPLES'].Parts })) {
        $blocks = @(Get-Block $part.Lines)
        $Writer.WriteStartElement('command', 'example', $nsCommand)
        $Writer.WriteElementString('maml', 'title', $nsMaml, "----------- $($part.Heading) -----------")
        $Writer.WriteElementString('dev', 'code', $nsDev, (@($blocks | Where-Object { $_.PSObject.Properties['Code'] } | ForEach-Object Code) -join "`n`n"))
        $Writer.WriteStartElement('dev', 'remarks', $nsDev)
        Write-Para $Writer @($blocks | Where-Object { $_.PSObject.Properties['Text'] } | ForEach-Object Text)
        $Writer.WriteEndElement(); $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Get-Help -Online opens the first link that has a URI: the command's own page, from the front matter.
    $links = @(if ($Doc.Front['online version']) { , @('Online Version:', $Doc.Front['online version']) })
    foreach ($line in @(if ($Doc.Sections['RELATED LINKS']) { $Doc.Sections['RELATED LINKS'].Lines })) {
        # A relative link leads to a file of the repository on GitHub; Get-Help has no use for it.
        if ($line -notmatch '^\s*\[([^\]]+)\]\(([^)]*)\)\s*$') { continue }
        $text, $uri = $Matches[1], $Matches[2]
        $links += , @($text, $(if ($uri -match '^https?://') { $uri } else { '' }))
    }
    $Writer.WriteStartElement('command', 'relatedLinks', $nsCommand)
    foreach ($link in $links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $nsMaml)
        $Writer.WriteElementString('maml', 'linkText', $nsMaml, $link[0]); $Writer.WriteElementString('maml', 'uri', $nsMaml, $link[1])
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

$docs = @(Get-ChildItem $MarkdownPath -Filter *.md | ForEach-Object { Read-HelpMarkdown $_.FullName })
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
$withoutDoc = @($commands.Name | Where-Object { $_ -notin $docs.Name })
if ($withoutDoc) { throw "No help Markdown for $($withoutDoc -join ', '): add $(($withoutDoc | ForEach-Object { "$MarkdownPath/$_.md" }) -join ', ') (copy the layout of another file there)." }
$withoutCommand = @($docs | Where-Object Name -NotIn $commands.Name)
if ($withoutCommand) { throw "$(($withoutCommand.Path) -join ', ') document $(($withoutCommand.Name) -join ', '), which the module $($module.Name) does not export." }
$misnamed = @($docs | Where-Object { $_.Name -ne [IO.Path]::GetFileNameWithoutExtension($_.Path) })
if ($misnamed) { throw "$(($misnamed.Path) -join ', '): the file name must be the cmdlet's name, as in its '# Name' heading (the online link depends on it)." }
$files = @($docs | ForEach-Object { $_.Front['external help file'] } | Sort-Object -Unique)
if ($files.Count -ne 1 -or -not $files[0]) { throw "Every file in $MarkdownPath must name the same 'external help file' in its front matter; found: $($files -join ', ')." }

$outFile = Join-Path $module.ModuleBase $culture $files[0]
$null = New-Item -ItemType Directory (Split-Path $outFile) -Force
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; IndentChars = '  '; Encoding = [System.Text.UTF8Encoding]::new($false); NewLineChars = "`n" }
$writer = [System.Xml.XmlWriter]::Create($outFile, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh'); $writer.WriteAttributeString('schema', 'maml')
    $writer.WriteComment(" Generated by tools/New-MamlHelp.ps1 from docs/$culture/*.md and the compiled cmdlets: edit the Markdown, not this file. ")
    foreach ($command in $commands) { Write-Command $writer $command ($docs | Where-Object Name -EQ $command.Name) }
    $writer.WriteEndElement(); $writer.WriteEndDocument()
} finally { $writer.Dispose() }
Write-Host "Help: $outFile ($($commands.Count) cmdlets from $MarkdownPath)"
