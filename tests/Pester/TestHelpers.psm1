# What every Pester file imports: the fake API helpers (tools/FakeApi.psm1: Start-FakeApi makes a scope of the run's one
# fake API process, Stop-FakeApi drops it), the child-process helpers (tools/ChildPwsh.psm1), Wait-Until and
# Invoke-ChildPwshSection (several scripts in one fresh pwsh).
# The build, the demo and the benchmark import the same modules from tools/, never this file.

$tools = Join-Path (Split-Path (Split-Path $PSScriptRoot -Parent) -Parent) 'tools'
Import-Module (Join-Path $tools 'FakeApi.psm1')
Import-Module (Join-Path $tools 'ChildPwsh.psm1')

# Waits until $Condition is true, for at most $TimeoutSec; the caller asserts what it needs afterwards.
function Wait-Until {
    param([Parameter(Mandatory)] [scriptblock] $Condition, [int] $TimeoutSec = 30)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not (& $Condition) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
}

# Runs several scripts one after another in ONE fresh pwsh, for tests that each need "a fresh session's streams" or
# "what a runbook printed" but not a process of their own: a fresh pwsh costs about 2 core-seconds to start, and the
# test run is CPU-bound. $Section maps a name to a script, or to @{ Script = ...; Environment = @{...} } for variables
# that differ from the common -Environment (set for that section only). Each section runs in a scope of its own, and a
# terminating error ends that section, not the others. Returns, by name, the section's Output lines, its Error text,
# ExitCode: what `pwsh -Command` would have exited with for that script alone (1 when a terminating error ended it or its
# last statement failed, else 0), and LastExitCode: the $LASTEXITCODE it left (a script's exit code, as `& script.ps1`
# sets it), else $null. A section a crash never reached has no ExitCode and says so in Error, so its test fails by name.
# Not for a test whose promise is that a script goes on, or stops, after a statement-terminating error (a section
# stops at any terminating error), nor for a memory peak (the process's peak is every section's).
function Invoke-ChildPwshSection {
    param(
        [Parameter(Mandatory)] [System.Collections.Specialized.OrderedDictionary] $Section,
        [hashtable] $Environment = @{},
        [int] $TimeoutSec = 0
    )
    $quote = { param($Text) "'" + ($Text -replace "'", "''") + "'" }
    $script = foreach ($name in $Section.Keys) {
        $entry = $Section[$name]
        $body = if ($entry -is [hashtable]) { $entry.Script } else { [string]$entry }
        $variables = if ($entry -is [hashtable] -and $entry.Environment) { $entry.Environment } else { @{} }
        $marker = & $quote "##section $name"
        $set = foreach ($variable in $variables.Keys) { "Set-Item -LiteralPath Env:$variable -Value $(& $quote ([string]$variables[$variable]))" }
        $restore = foreach ($variable in $variables.Keys) {
            if ($Environment.ContainsKey($variable)) { "Set-Item -LiteralPath Env:$variable -Value $(& $quote ([string]$Environment[$variable]))" }
            else { "Remove-Item -LiteralPath Env:$variable -ErrorAction Ignore" }
        }
        # The marker goes to both streams the way their own text does (output through the pipeline, errors through the
        # host's error line), so each stream splits at the same place. $? right after the body is its last statement's.
        @"
$marker
`$Host.UI.WriteErrorLine($marker)
$($set -join "`n")
`$global:LASTEXITCODE = `$null
`$global:SectionSucceeded = `$false
try {
    & {
$body
        `$global:SectionSucceeded = `$?
    }
} catch {
    `$global:SectionSucceeded = `$false
    `$Host.UI.WriteErrorLine("Terminating error: `$_")
}
"##exit-code `$(if (`$global:SectionSucceeded) { 0 } else { 1 })"
if (`$null -ne `$global:LASTEXITCODE) { "##last-exit-code `$global:LASTEXITCODE" }
$($restore -join "`n")
"@
    }
    $result = Invoke-ChildPwsh -Script ($script -join "`n") -Environment $Environment -TimeoutSec $TimeoutSec
    $outputs = @{}; $errors = @{}; $current = $null
    foreach ($line in $result.Output) {
        if ($line -like '##section *') { $current = $line.Substring(10); $outputs[$current] = [Collections.Generic.List[string]]::new() }
        elseif ($null -ne $current) { $outputs[$current].Add($line) }
    }
    $current = $null
    foreach ($line in $result.Error -split "`r?`n") {
        if ($line -like '##section *') { $current = $line.Substring(10); $errors[$current] = [Collections.Generic.List[string]]::new() }
        elseif ($null -ne $current) { $errors[$current].Add($line) }
    }
    $sections = @{}
    foreach ($name in $Section.Keys) {
        $lines = if ($outputs.ContainsKey($name)) { @($outputs[$name]) } else { @() }
        $errorText = if ($errors.ContainsKey($name)) { ($errors[$name] -join "`n").Trim() }
            else { "The section never ran (the child pwsh exited with $($result.ExitCode)). $($result.Error)" }
        $code = { param($Prefix) $lines | Where-Object { $_ -match "^##$Prefix -?\d+$" } | ForEach-Object { [int]($_ -split ' ')[-1] } }
        $sections[$name] = [pscustomobject]@{
            Output       = @($lines | Where-Object { $_ -notmatch '^##(exit-code|last-exit-code) -?\d+$' })
            Error        = $errorText
            ExitCode     = & $code 'exit-code'
            LastExitCode = & $code 'last-exit-code'
        }
    }
    $sections
}

Export-ModuleMember -Function Wait-Until, Invoke-ChildPwshSection, Start-FakeApi, Stop-FakeApi, Get-FakeApiRequest, Get-FakeApiInFlight, Clear-FakeApiRequest,
    Reset-FakeApiChannelSetting, Set-FakeApiFault, Get-FakeApiHostileUri, Get-BuiltModulePath, Invoke-ChildPwsh, Invoke-AnsweringPwsh,
    New-IsolatedEnvironment, Enter-FakeApiShell
