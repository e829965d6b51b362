# What every Pester file imports: the fake API helpers (tools/FakeApi.psm1: Start-FakeApi makes a scope of the run's one
# fake API process, Stop-FakeApi drops it), the child-process helpers (tools/ChildPwsh.psm1), and Wait-Until.
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

Export-ModuleMember -Function Wait-Until, Start-FakeApi, Stop-FakeApi, Get-FakeApiRequest, Get-FakeApiInFlight, Clear-FakeApiRequest,
    Reset-FakeApiChannelSetting, Set-FakeApiFault, Get-FakeApiHostileUri, Get-BuiltModulePath, Invoke-ChildPwsh, Invoke-AnsweringPwsh,
    New-IsolatedEnvironment, Enter-FakeApiShell
