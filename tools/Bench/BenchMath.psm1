# The arithmetic and the wording of the benchmark's report (Invoke-Benchmark.ps1): medians, figures in the invariant
# culture, verdicts against a target, the measurement of one listing (wall time and CPU of both sides), and a fresh
# pwsh that reports name=value lines.

$script:Inv = [cultureinfo]::InvariantCulture
Import-Module (Join-Path (Split-Path $PSScriptRoot -Parent) 'ChildPwsh.psm1')

function Get-Median([double[]] $Values) {
    $sorted = [double[]]@($Values | Sort-Object)
    $n = $sorted.Length
    if ($n -eq 0) { return [double]::NaN }
    if ($n % 2 -eq 1) { return $sorted[[int](($n - 1) / 2)] }
    ($sorted[[int]($n / 2) - 1] + $sorted[[int]($n / 2)]) / 2
}

function Format-Number([double] $Value, [string] $Format = '0') {
    if ([double]::IsNaN($Value)) { return 'n/a' }
    $Value.ToString($Format, $Inv)
}

function Format-Ms([double] $Ms) {
    if ([double]::IsNaN($Ms)) { return 'n/a' }
    if ($Ms -ge 10000) { return (Format-Number ($Ms / 1000) '0.0') + ' s' }
    (Format-Number $Ms '#,0') + ' ms'
}

function Format-Mb([double] $Bytes) { (Format-Number ($Bytes / 1MB) '0.0') + ' MB' }

# 'met', or how far off: "missed by 38% (6.2x, needs >= 10x)".
function Get-Verdict {
    param([double] $Value, [double] $Target, [ValidateSet('AtLeast', 'AtMost')] [string] $Kind, [string] $Unit = 'x')
    if ([double]::IsNaN($Value)) { return 'not measured' }
    $show = { param($v) if ($Unit -eq 'x') { (Format-Number $v '0.00') + 'x' } else { (Format-Number $v '0.0') + " $Unit" } }
    if ($Kind -eq 'AtLeast') {
        if ($Value -ge $Target) { return 'met' }
        return "**missed** by $(Format-Number ((1 - $Value / $Target) * 100) '0')% ($(& $show $Value), needs >= $(& $show $Target))"
    }
    if ($Value -le $Target) { return 'met' }
    "**missed** by $(Format-Number (($Value / $Target - 1) * 100) '0')% ($(& $show $Value), needs <= $(& $show $Target))"
}

function Get-CpuMs([System.Diagnostics.Process] $Process) {
    $Process.Refresh()
    $Process.TotalProcessorTime.TotalMilliseconds
}

# Runs one listing in this process: wall time, this process's CPU and the fake API's CPU, and the item count.
function Measure-Listing {
    param([scriptblock] $Run, $Api, [int] $Expected)
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $self = [System.Diagnostics.Process]::GetCurrentProcess()
    $cpu0 = Get-CpuMs $self
    $server0 = Get-CpuMs $Api.Process
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $count = & $Run
    $wall = $watch.Elapsed.TotalMilliseconds
    $result = [pscustomobject]@{
        WallMs      = $wall
        ClientCpuMs = (Get-CpuMs $self) - $cpu0
        ServerCpuMs = (Get-CpuMs $Api.Process) - $server0
        Count       = [int]$count
    }
    if ($Expected -ge 0 -and $result.Count -ne $Expected) { throw "A listing returned $($result.Count) items instead of $Expected." }
    $result
}

# The list rotated by $By: round r starts with a different contender, so no one always runs first.
function Get-Rotated([object[]] $Items, [int] $By) {
    $n = $Items.Count
    , @(for ($i = 0; $i -lt $n; $i++) { $Items[($i + $By) % $n] })
}

# Runs a script in a fresh pwsh (the same PowerShell as this one) and returns its "name=value" output lines.
function Invoke-BenchChild {
    param([string] $Script, [hashtable] $Environment = @{}, [int] $TimeoutSec)
    $result = Invoke-ChildPwsh -Script $Script -Environment $Environment -TimeoutSec $TimeoutSec
    if ($result.ExitCode -ne 0) { throw "A benchmark child process failed (exit code $($result.ExitCode)): $($result.Error)" }
    $values = @{}
    foreach ($line in $result.Output) {
        if ($line -match '^(\w+)=(.*)$') { $values[$Matches[1]] = $Matches[2] }
    }
    $values
}

function ConvertTo-Double([string] $Text) { [double]::Parse($Text, $Inv) }

Export-ModuleMember -Function Get-Median, Format-Number, Format-Ms, Format-Mb, Get-Verdict, Get-CpuMs, Measure-Listing, Get-Rotated, Invoke-BenchChild, ConvertTo-Double
