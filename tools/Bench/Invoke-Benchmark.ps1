#Requires -Version 7.4
<#
.SYNOPSIS
    Get-MhPhoneNumber and Set-MhPhoneNumber against the loops people write without the module, on the local fake API.
.DESCRIPTION
    The loop is the idiomatic one: Invoke-RestMethod with the bearer header, page=1,2,... with per_page=100 until
    pagination.has_more is false, each page's $resp.data.items written to the pipeline.

    (a) 10,000 numbers, no added latency: items per second of the module (default and -ThrottleLimit 4), the loop
        and a bare HttpClient that only downloads the same pages (the floor), alternating within each round, after
        warm-up rounds (neither the module nor PowerShell as a dotnet tool is precompiled: the JIT needs a few
        hundred pages to settle, on both sides).
    (b) 2,000 numbers, 50 ms per response: wall time of the loop, the module by default and with -ThrottleLimit 4,
        against the latency floor (1 + ceil((pages - 1) / 4)) x 50 ms.
    (c) 100 / 10,000 / 100,000 numbers streamed to Measure-Object, each in a fresh pwsh: peak working set.
    (d) Import-Module in a fresh pwsh.
    (e) Time to the first object: in a fresh pwsh (after Import-Module) and in this warm session.
    Then a profile of one page: download, parse, fetch+parse without PowerShell, the pipeline write, per page.
    Then the writes (WriteBench.psm1): (f) 1,000 numbers piped into Set-MhPhoneNumber at 50 ms per answer and (g) at
    no added latency, against the loop of Invoke-RestMethod PATCHes; (h) peak working set of 1,000 / 10,000 numbers.

    Medians of the rounds; ratios are medians of the per-round ratios, so a noisy moment hits both sides of a ratio.
    Every listing asks for include_external=true (-IncludeExternal), so "10,000 numbers" are 10,000 items.
    Progress is off on both sides ($ProgressPreference = 'SilentlyContinue'): it is display, like formatting.
    Writes a markdown table to -OutFile (and the raw samples next to it as .json) and prints it.
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Bench
#>
[CmdletBinding()]
param(
    [string] $OutFile,
    [ValidateRange(1, 50)] [int] $ThroughputRounds = 5,
    [ValidateRange(0, 20)] [int] $WarmupRounds = 3,
    [ValidateRange(1, 50)] [int] $LatencyRounds = 3,
    [ValidateRange(1, 20)] [int] $ChildRounds = 3,
    [ValidateRange(1, 20)] [int] $MemoryRounds = 2
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$ProgressPreference = 'SilentlyContinue'

$RepoRoot = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
if (-not $OutFile) { $OutFile = Join-Path $RepoRoot 'out/bench.md' }
Import-Module (Join-Path $RepoRoot 'tools/FakeApi.psm1') -Force
Import-Module (Join-Path $RepoRoot 'tools/ChildPwsh.psm1') -Force
$ModulePath = Get-BuiltModulePath
if (-not (Test-Path $ModulePath)) { throw "The module is not built: $ModulePath is missing. Run ./build.ps1 -Task Build first." }

$Token = 'bench-token'
$PerPage = 100
$Inv = [cultureinfo]::InvariantCulture
$LatencyMs = 50
$Throttle = 4
$Sizes = @{ Throughput = 10000; Latency = 2000; MemorySmall = 100; MemoryMid = 10000; MemoryBig = 100000 }
$ChildTimeoutSec = 300

# ---------------------------------------------------------------------------------------------------------------
# The two contenders. Both return what they list; the harness counts it, so a short listing cannot pass as fast.

# What people do today without the module (bounded by -MaxPages so a broken server cannot keep it going).
$LoopList = {
    param([string] $BaseUri, [string] $Token, [int] $MaxPages)
    $headers = @{ Authorization = "Bearer $Token" }
    $page = 1
    do {
        $resp = Invoke-RestMethod -Uri "$BaseUri/api/v1/phone-numbers?page=$page&per_page=100&include_external=true" -Headers $headers
        $resp.data.items
        $page++
    } while ($resp.data.pagination.has_more -and $page -le $MaxPages)
}

function Get-MaxPages([int] $Count) { [int][math]::Ceiling($Count / $PerPage) + 1 }

# ---------------------------------------------------------------------------------------------------------------
# Helpers: medians, formatting, verdicts, one measured listing
Import-Module (Join-Path $PSScriptRoot 'BenchMath.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'WriteBench.psm1') -Force

function Set-FakeCount($Api, [int] $Count) {
    $null = Invoke-RestMethod -Method Put -Uri "$($Api.BaseUri)/_fake/count?value=$Count"
}

function Connect-Bench($Api) {
    Connect-MhAccount -Subdomain bench -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -BaseUri $Api.BaseUri
}

function Get-PageUris($Api, [int] $Count) {
    , [string[]]@(for ($p = 1; $p -le [math]::Ceiling($Count / $PerPage); $p++) { "$($Api.BaseUri)/api/v1/phone-numbers?page=$p&per_page=$PerPage&include_external=true" })
}

# ---------------------------------------------------------------------------------------------------------------
# Setup

# The helpers, compiled into out/bench/Baseline: also the baseline for (d), a one-cmdlet binary module with a manifest.
$BaselineDir = Join-Path $RepoRoot 'out/bench/Baseline'
$BaselineManifest = Join-Path $BaselineDir 'MindhuntersBenchBaseline.psd1'
if (-not ('Mindhunters.Bench.Floor' -as [type])) {
    Write-Host 'Compiling the benchmark helpers (tools/Bench/*.cs)...'
    if (Test-Path $BaselineDir) { Remove-Item $BaselineDir -Recurse -Force }
    $null = New-Item -ItemType Directory $BaselineDir -Force
    Add-Type -Path (Get-ChildItem $PSScriptRoot -Filter *.cs).FullName -OutputAssembly (Join-Path $BaselineDir 'Mindhunters.Bench.dll') -OutputType Library
    Set-Content -Path $BaselineManifest -Encoding utf8NoBOM -Value @'
@{
    RootModule        = 'Mindhunters.Bench.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '0b6f2a4e-3c1d-4f5e-9a7b-8c9d0e1f2a3b'
    CmdletsToExport   = @('Write-BenchObject')
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
'@
}
Import-Module $BaselineManifest -Force
Import-Module $ModulePath -Force
$ModuleAssembly = [Mindhunters.Model.PhoneNumber].Assembly

$load0 = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 1
$started = [DateTimeOffset]::Now
$raw = [ordered]@{}
$rows = [System.Collections.Generic.List[object]]::new()
function Add-Row([string] $Id, [string] $Measurement, [string] $Module, [string] $Baseline, [string] $Ratio, [string] $Target, [string] $Result) {
    $rows.Add([pscustomobject]@{ Id = $Id; Measurement = $Measurement; Module = $Module; Baseline = $Baseline; Ratio = $Ratio; Target = $Target; Result = $Result })
}

$fast = Start-FakeApi -Count $Sizes.Throughput -Token $Token
$slow = Start-FakeApi -Count $Sizes.Latency -Token $Token -ArgumentList '--latency-ms', "$LatencyMs"
try {
    # -----------------------------------------------------------------------------------------------------------
    # (a) Throughput, 10,000 numbers, no added latency
    Write-Host "(a) $($Sizes.Throughput) numbers, no added latency: $ThroughputRounds rounds of module / loop / floor"
    Connect-Bench $fast
    $n = $Sizes.Throughput
    $uris = Get-PageUris $fast $n
    $contenders = @(
        @{ Name = 'module'; Run = { $items = Get-MhPhoneNumber -IncludeExternal; $items.Count } }
        @{ Name = 'loop'; Run = { $items = & $LoopList $fast.BaseUri $Token (Get-MaxPages $n); $items.Count } }
        @{ Name = 'floor'; Run = { $null = [Mindhunters.Bench.Floor]::Download($uris, $Token, $null); $n } }
        @{ Name = 'module4'; Run = { $items = Get-MhPhoneNumber -IncludeExternal -ThrottleLimit $Throttle; $items.Count } }
    )
    $a = @{}
    foreach ($c in $contenders) { $a[$c.Name] = [System.Collections.Generic.List[object]]::new() }
    # Warm-up, the same for every contender: connections, and the JIT. Neither the module nor a PowerShell installed as
    # a dotnet tool is precompiled (ReadyToRun), and tiered compilation needs a few hundred pages to settle.
    for ($w = 0; $w -lt $WarmupRounds; $w++) { foreach ($c in $contenders) { $null = Measure-Listing $c.Run $fast $n } }
    for ($r = 0; $r -lt $ThroughputRounds; $r++) {
        foreach ($c in (Get-Rotated $contenders $r)) { $a[$c.Name].Add((Measure-Listing $c.Run $fast $n)) }
        Write-Host ('  round {0}: module {1}, loop {2}, floor {3}, module -ThrottleLimit {4}: {5}' -f ($r + 1),
            (Format-Ms $a.module[$r].WallMs), (Format-Ms $a.loop[$r].WallMs), (Format-Ms $a.floor[$r].WallMs), $Throttle, (Format-Ms $a.module4[$r].WallMs))
    }
    $raw.throughput = $a
    $med = @{}
    foreach ($k in $a.Keys) { $med[$k] = Get-Median @($a[$k] | ForEach-Object WallMs) }
    $ips = { param($ms) Format-Number ($n / ($ms / 1000)) '#,0' }
    $vsLoop = Get-Median @(for ($i = 0; $i -lt $ThroughputRounds; $i++) { $a.loop[$i].WallMs / $a.module[$i].WallMs })
    $vsFloor = Get-Median @(for ($i = 0; $i -lt $ThroughputRounds; $i++) { $a.module[$i].WallMs / $a.floor[$i].WallMs })
    $vsFloor4 = Get-Median @(for ($i = 0; $i -lt $ThroughputRounds; $i++) { $a.module4[$i].WallMs / $a.floor[$i].WallMs })
    $vsLoop4 = Get-Median @(for ($i = 0; $i -lt $ThroughputRounds; $i++) { $a.loop[$i].WallMs / $a.module4[$i].WallMs })
    Add-Row 'a' "$(Format-Number $n '#,0') numbers, no added latency, default (-ThrottleLimit 1): throughput vs the loop" `
        "$(& $ips $med.module) items/s ($(Format-Ms $med.module))" "loop: $(& $ips $med.loop) items/s ($(Format-Ms $med.loop))" `
        "$(Format-Number $vsLoop '0.0')x the loop" '>= 10x the loop' (Get-Verdict $vsLoop 10 AtLeast)
    Add-Row 'a' 'same, vs the floor (bare HttpClient, download only)' `
        "$(Format-Ms $med.module)" "floor: $(Format-Ms $med.floor) ($(& $ips $med.floor) items/s)" `
        "$(Format-Number $vsFloor '0.00')x the floor's time" '<= 2x the floor' (Get-Verdict $vsFloor 2 AtMost)
    Add-Row 'a' "same, -ThrottleLimit $Throttle`: throughput vs the loop" `
        "$(& $ips $med.module4) items/s ($(Format-Ms $med.module4))" "loop: $(& $ips $med.loop) items/s" `
        "$(Format-Number $vsLoop4 '0.0')x the loop" '>= 10x the loop' (Get-Verdict $vsLoop4 10 AtLeast)
    Add-Row 'a' "same, -ThrottleLimit $Throttle`: vs the floor" "$(Format-Ms $med.module4)" "floor: $(Format-Ms $med.floor)" `
        "$(Format-Number $vsFloor4 '0.00')x the floor's time" '<= 2x the floor' (Get-Verdict $vsFloor4 2 AtMost)

    # Profile: where a page's milliseconds go (module, default throttle limit, the same 10,000 numbers).
    Write-Host '    profile: parse alone, fetch+parse without PowerShell, pipeline write alone'
    $pages = $uris.Length
    $bodies = [System.Collections.Generic.List[byte[]]]::new()
    $bytes = [Mindhunters.Bench.Floor]::Download($uris, $Token, $bodies)
    $typeInfo = [Mindhunters.Bench.Parse]::ModuleTypeInfo($ModuleAssembly)
    $items = Get-MhPhoneNumber -IncludeExternal
    $parseMs = [System.Collections.Generic.List[double]]::new()
    $engineMs = [System.Collections.Generic.List[double]]::new()
    $writeMs = [System.Collections.Generic.List[double]]::new()
    for ($r = 0; $r -le $ThroughputRounds; $r++) {
        # Round 0 warms up; it is not counted.
        $p = if ($typeInfo) { [Mindhunters.Bench.Parse]::All($bodies, $typeInfo) } else { [double]::NaN }
        $engine = [Mindhunters.Bench.EngineOnly]::Fetch($ModuleAssembly, $pages, $PerPage)
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $sink = Write-BenchObject $items
        $w = $watch.Elapsed.TotalMilliseconds
        if ($sink.Count -ne $items.Count) { throw 'Write-BenchObject lost items.' }
        if ($r -gt 0) { $parseMs.Add($p); $engineMs.Add($(if ($null -eq $engine) { [double]::NaN } else { $engine })); $writeMs.Add($w) }
    }
    $msPerPage = { param([double] $ms) Format-Number ($ms / $pages) '0.00' }
    $cpuPerPage = { param($samples, $prop) Format-Number ((Get-Median @($samples | ForEach-Object $prop)) / $pages) '0.00' }
    $pageProfile = [ordered]@{
        Pages = $pages; BytesPerPage = [math]::Round($bytes / $pages)
        FloorMs = $med.floor; ParseMs = (Get-Median $parseMs); EngineMs = (Get-Median $engineMs); WriteMs = (Get-Median $writeMs)
        ModuleMs = $med.module; Module4Ms = $med.module4; LoopMs = $med.loop
    }
    $raw.profile = $pageProfile

    # -----------------------------------------------------------------------------------------------------------
    # (b) 2,000 numbers, 50 ms per response
    Write-Host "(b) $($Sizes.Latency) numbers, $LatencyMs ms per response: $LatencyRounds rounds of loop / module / module -ThrottleLimit $Throttle"
    Connect-Bench $slow
    $n = $Sizes.Latency
    $bPages = [int][math]::Ceiling($n / $PerPage)
    $latencyFloor = (1 + [math]::Ceiling(($bPages - 1) / $Throttle)) * $LatencyMs
    $contenders = @(
        @{ Name = 'loop'; Run = { $items = & $LoopList $slow.BaseUri $Token (Get-MaxPages $n); $items.Count } }
        @{ Name = 'module'; Run = { $items = Get-MhPhoneNumber -IncludeExternal; $items.Count } }
        @{ Name = 'module4'; Run = { $items = Get-MhPhoneNumber -IncludeExternal -ThrottleLimit $Throttle; $items.Count } }
    )
    $b = @{}
    foreach ($c in $contenders) { $b[$c.Name] = [System.Collections.Generic.List[object]]::new() }
    foreach ($c in $contenders) { $null = Measure-Listing $c.Run $slow $n } # warm-up: connections to this server
    for ($r = 0; $r -lt $LatencyRounds; $r++) {
        foreach ($c in (Get-Rotated $contenders $r)) { $b[$c.Name].Add((Measure-Listing $c.Run $slow $n)) }
        Write-Host ('  round {0}: loop {1}, module {2}, module -ThrottleLimit {3}: {4}' -f ($r + 1),
            (Format-Ms $b.loop[$r].WallMs), (Format-Ms $b.module[$r].WallMs), $Throttle, (Format-Ms $b.module4[$r].WallMs))
    }
    $raw.latency = $b
    $bm = @{}
    foreach ($k in $b.Keys) { $bm[$k] = Get-Median @($b[$k] | ForEach-Object WallMs) }
    $t4Floor = $bm.module4 / $latencyFloor
    $t4Loop = Get-Median @(for ($i = 0; $i -lt $LatencyRounds; $i++) { $b.module4[$i].WallMs / $b.loop[$i].WallMs })
    $t1Loop = Get-Median @(for ($i = 0; $i -lt $LatencyRounds; $i++) { $b.module[$i].WallMs / $b.loop[$i].WallMs })
    $what = "$(Format-Number $n '#,0') numbers ($bPages pages), $LatencyMs ms per response"
    Add-Row 'b' "${what}: -ThrottleLimit $Throttle vs the latency floor" (Format-Ms $bm.module4) `
        "floor: $(Format-Ms $latencyFloor) = (1 + ceil($($bPages - 1)/$Throttle)) x $LatencyMs ms" `
        "$(Format-Number $t4Floor '0.00')x the floor" '<= 1.5x the floor' (Get-Verdict $t4Floor 1.5 AtMost)
    Add-Row 'b' "same, -ThrottleLimit $Throttle vs the loop" (Format-Ms $bm.module4) "loop: $(Format-Ms $bm.loop)" `
        "$(Format-Number $t4Loop '0.00') of the loop's time" '<= 0.35 of the loop' (Get-Verdict $t4Loop 0.35 AtMost)
    Add-Row 'b' 'same, default (-ThrottleLimit 1) vs the loop' (Format-Ms $bm.module) "loop: $(Format-Ms $bm.loop)" `
        "$(Format-Number $t1Loop '0.00') of the loop's time" '<= 1.0 (no slower)' (Get-Verdict $t1Loop 1.0 AtMost)

    # -----------------------------------------------------------------------------------------------------------
    # (c) Peak working set, streamed to Measure-Object, each in a fresh pwsh
    Write-Host "(c) peak working set in fresh processes: $($Sizes.MemorySmall), $($Sizes.MemoryMid) and $($Sizes.MemoryBig) numbers, $MemoryRounds round(s)"
    $childEnv = @{ MIHU_TENANT = 'bench'; MIHU_API_TOKEN = $Token; MIHU_BASE_URI = $fast.BaseUri }
    # The peak first; then what the GC did, and what is still alive after a full collection (read after the peak).
    $peakLine = '$me = [System.Diagnostics.Process]::GetCurrentProcess(); $me.Refresh(); "peak=$($me.PeakWorkingSet64)"; "count=$count"; ' +
        '"gen0=$([GC]::CollectionCount(0))"; "allocated=$([GC]::GetTotalAllocatedBytes())"; "live=$([GC]::GetTotalMemory($true))"'
    $memoryScripts = @{
        module = @"
`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'
Import-Module '$ModulePath'
`$count = (Get-MhPhoneNumber -IncludeExternal | Measure-Object).Count
$peakLine
"@
        loop   = @"
`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'
`$count = (& { $LoopList } '$($fast.BaseUri)' '$Token' __MAXPAGES__ | Measure-Object).Count
$peakLine
"@
    }
    $mem = [ordered]@{}
    $gc = [ordered]@{}
    foreach ($size in @($Sizes.MemorySmall, $Sizes.MemoryMid, $Sizes.MemoryBig)) {
        Set-FakeCount $fast $size
        foreach ($who in 'module', 'loop') {
            $key = "$who$size"
            $mem[$key] = [System.Collections.Generic.List[double]]::new()
            for ($r = 0; $r -lt $MemoryRounds; $r++) {
                $values = Invoke-BenchChild ($memoryScripts[$who] -replace '__MAXPAGES__', (Get-MaxPages $size)) $childEnv $ChildTimeoutSec
                if ([int]$values['count'] -ne $size) { throw "The $who child listed $($values['count']) numbers instead of $size." }
                $mem[$key].Add((ConvertTo-Double $values['peak']))
                $gc[$key] = [pscustomobject]@{ Gen0 = [int]$values['gen0']; AllocatedMB = (ConvertTo-Double $values['allocated']) / 1MB; LiveMB = (ConvertTo-Double $values['live']) / 1MB }
            }
            Write-Host "  $who, $size numbers: $(Format-Mb (Get-Median $mem[$key]))"
        }
    }
    Set-FakeCount $fast $Sizes.Throughput
    $raw.memory = $mem
    $raw.memoryGc = $gc
    $cm = @{}
    foreach ($k in $mem.Keys) { $cm[$k] = Get-Median $mem[$k] }
    $growModule = ($cm["module$($Sizes.MemoryBig)"] - $cm["module$($Sizes.MemoryMid)"]) / 1MB
    $growLoop = ($cm["loop$($Sizes.MemoryBig)"] - $cm["loop$($Sizes.MemoryMid)"]) / 1MB
    $sizesText = { param($who) ($Sizes.MemorySmall, $Sizes.MemoryMid, $Sizes.MemoryBig | ForEach-Object { "$(Format-Number $_ '#,0'): $(Format-Mb $cm["$who$_"])" }) -join ', ' }
    Add-Row 'c' 'peak working set, streamed to Measure-Object (fresh pwsh each)' (& $sizesText 'module') "loop: $(& $sizesText 'loop')" `
        "growth 10k to 100k: module $(Format-Number $growModule '+0.0;-0.0') MB, loop $(Format-Number $growLoop '+0.0;-0.0') MB" '< 30 MB growth' (Get-Verdict $growModule 30 AtMost 'MB')

    # -----------------------------------------------------------------------------------------------------------
    # (d) Import-Module time and (e) time to the first object, in fresh processes
    Write-Host "(d) Import-Module and (e) time to the first object in fresh processes: $ChildRounds rounds"
    $importScript = @"
`$ErrorActionPreference = 'Stop'
`$watch = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module '__MODULE__'
"ms=`$(`$watch.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture))"
"@
    $importOf = @{ module = $ModulePath; baseline = $BaselineManifest }
    $firstScripts = @{
        module = @"
`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'
Import-Module '$ModulePath'
`$watch = [System.Diagnostics.Stopwatch]::StartNew()
Get-MhPhoneNumber -IncludeExternal | Select-Object -First 1 | ForEach-Object { `$first = `$watch.Elapsed.TotalMilliseconds }
"ms=`$(`$first.ToString([cultureinfo]::InvariantCulture))"
"@
        loop   = @"
`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'
`$watch = [System.Diagnostics.Stopwatch]::StartNew()
& { $LoopList } '$($fast.BaseUri)' '$Token' $(Get-MaxPages $Sizes.Throughput) | Select-Object -First 1 | ForEach-Object { `$first = `$watch.Elapsed.TotalMilliseconds }
"ms=`$(`$first.ToString([cultureinfo]::InvariantCulture))"
"@
    }
    $d = @{ module = [System.Collections.Generic.List[double]]::new(); baseline = [System.Collections.Generic.List[double]]::new() }
    $e = @{ module = [System.Collections.Generic.List[double]]::new(); loop = [System.Collections.Generic.List[double]]::new() }
    for ($r = 0; $r -lt $ChildRounds; $r++) {
        foreach ($who in (Get-Rotated @('module', 'baseline') $r)) { $d[$who].Add((ConvertTo-Double (Invoke-BenchChild ($importScript -replace '__MODULE__', $importOf[$who]) @{} $ChildTimeoutSec)['ms'])) }
        foreach ($who in (Get-Rotated @('module', 'loop') $r)) { $e[$who].Add((ConvertTo-Double (Invoke-BenchChild $firstScripts[$who] $childEnv $ChildTimeoutSec)['ms'])) }
    }
    # Warm: this session, after everything above.
    Connect-Bench $fast
    $ew = @{ module = [System.Collections.Generic.List[double]]::new(); loop = [System.Collections.Generic.List[double]]::new() }
    $warm = @{
        module = { Get-MhPhoneNumber -IncludeExternal | Select-Object -First 1 }
        loop   = { & $LoopList $fast.BaseUri $Token (Get-MaxPages $Sizes.Throughput) | Select-Object -First 1 }
    }
    for ($r = 0; $r -lt $ThroughputRounds; $r++) {
        foreach ($who in (Get-Rotated @('module', 'loop') $r)) {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $null = & $warm[$who]
            $ew[$who].Add($watch.Elapsed.TotalMilliseconds)
        }
    }
    $raw.import = $d; $raw.firstObjectFresh = $e; $raw.firstObjectWarm = $ew
    $importMs = Get-Median $d.module
    $baselineMs = Get-Median $d.baseline
    $importRatio = Get-Median @(for ($i = 0; $i -lt $ChildRounds; $i++) { $d.module[$i] / $d.baseline[$i] })
    Add-Row 'd' 'Import-Module (fresh pwsh)' (Format-Ms $importMs) "a one-cmdlet binary module with a manifest: $(Format-Ms $baselineMs)" `
        "$(Format-Number $importRatio '0.00')x the one-cmdlet module" '< 300 ms' (Get-Verdict $importMs 300 AtMost 'ms')
    $ttfo = @{}; foreach ($k in 'module', 'loop') { $ttfo[$k] = Get-Median $e[$k]; $ttfo["w$k"] = Get-Median $ew[$k] }
    Add-Row 'e' 'time to the first object, fresh pwsh (after Import-Module)' (Format-Ms $ttfo.module) "loop: $(Format-Ms $ttfo.loop)" `
        "$(Format-Number ($ttfo.module / $ttfo.loop) '0.00') of the loop's" '- (no target)' '-'
    Add-Row 'e' 'time to the first object, warm session' (Format-Ms $ttfo.wmodule) "loop: $(Format-Ms $ttfo.wloop)" `
        "$(Format-Number ($ttfo.wmodule / $ttfo.wloop) '0.00') of the loop's" '- (no target)' '-'
} finally {
    Stop-FakeApi $fast
    Stop-FakeApi $slow
}

$writes = Invoke-WriteBenchmark -ModulePath $ModulePath -Token $Token -WarmupRounds $WarmupRounds -ThroughputRounds $ThroughputRounds `
    -LatencyRounds $LatencyRounds -MemoryRounds $MemoryRounds -ChildTimeoutSec $ChildTimeoutSec
foreach ($row in $writes.Rows) { $rows.Add($row) }
$raw.writes = $writes.Raw

# ---------------------------------------------------------------------------------------------------------------
# Report

$load1 = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 1
$minutes = ([DateTimeOffset]::Now - $started).TotalMinutes
$md = [System.Text.StringBuilder]::new()
$null = $md.AppendLine('## Benchmark: Get-MhPhoneNumber and Set-MhPhoneNumber vs the Invoke-RestMethod loops')
$null = $md.AppendLine()
$null = $md.AppendLine("Run $($started.ToString('yyyy-MM-dd HH:mm zzz', $Inv)), $(Format-Number $minutes '0.0') min; $([Environment]::ProcessorCount) cores, load average $load0 at the start, $load1 at the end; " +
    "PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version); local fake API on 127.0.0.1, HTTP/1.1, per_page=100, include_external=true on both sides.")
$null = $md.AppendLine("Medians of $ThroughputRounds rounds for (a) and (g) after $WarmupRounds warm-up rounds, $LatencyRounds for (b) and (f), $MemoryRounds for (c) and (h), $ChildRounds fresh processes for (d) and (e); ratios are medians of per-round ratios, with module and loop alternating in each round.")
$null = $md.AppendLine()
$null = $md.AppendLine('| | Measurement | Module | Baseline | Ratio | Target | Result |')
$null = $md.AppendLine('| --- | --- | --- | --- | --- | --- | --- |')
foreach ($row in $rows) {
    $null = $md.AppendLine("| $($row.Id) | $($row.Measurement) | $($row.Module) | $($row.Baseline) | $($row.Ratio) | $($row.Target) | $($row.Result) |")
}
$null = $md.AppendLine()
$null = $md.AppendLine("### Where a page's milliseconds go ((a): $($pageProfile.Pages) pages of $(Format-Number ($pageProfile.BytesPerPage / 1KB) '0') KB, default -ThrottleLimit)")
$null = $md.AppendLine()
$null = $md.AppendLine('| Step | ms per page | Client CPU ms per page | Fake API CPU ms per page |')
$null = $md.AppendLine('| --- | --- | --- | --- |')
$null = $md.AppendLine("| download only (floor: bare HttpClient, no parse) | $(& $msPerPage $pageProfile.FloorMs) | $(& $cpuPerPage $a.floor ClientCpuMs) | $(& $cpuPerPage $a.floor ServerCpuMs) |")
$null = $md.AppendLine("| parse only (the module's JSON context, body in memory) | $(& $msPerPage $pageProfile.ParseMs) | | |")
$null = $md.AppendLine("| fetch + parse, the module's engine without PowerShell, one page after the other | $(& $msPerPage $pageProfile.EngineMs) | | |")
$null = $md.AppendLine("| download + parse, one after the other: the best one request at a time allows | $(& $msPerPage ($pageProfile.FloorMs + $pageProfile.ParseMs)) | | |")
$null = $md.AppendLine("| write $PerPage objects to the pipeline (a cmdlet that only calls WriteObject) | $(& $msPerPage $pageProfile.WriteMs) | | |")
$null = $md.AppendLine("| **Get-MhPhoneNumber** (next page in flight while one is written) | $(& $msPerPage $pageProfile.ModuleMs) | $(& $cpuPerPage $a.module ClientCpuMs) | $(& $cpuPerPage $a.module ServerCpuMs) |")
$null = $md.AppendLine("| Get-MhPhoneNumber -ThrottleLimit $Throttle | $(& $msPerPage $pageProfile.Module4Ms) | $(& $cpuPerPage $a.module4 ClientCpuMs) | $(& $cpuPerPage $a.module4 ServerCpuMs) |")
$null = $md.AppendLine("| Invoke-RestMethod loop | $(& $msPerPage $pageProfile.LoopMs) | $(& $cpuPerPage $a.loop ClientCpuMs) | $(& $cpuPerPage $a.loop ServerCpuMs) |")
$null = $md.AppendLine()
$null = $md.AppendLine('### Memory detail ((c): fresh pwsh each, last round)')
$null = $md.AppendLine()
$null = $md.AppendLine('| Listing | Peak working set | Gen0 collections | Allocated | Alive after a full GC at the end |')
$null = $md.AppendLine('| --- | --- | --- | --- | --- |')
foreach ($k in $gc.Keys) {
    $g = $gc[$k]
    $null = $md.AppendLine("| $($k -creplace '(\d+)$', ' $1') | $(Format-Mb $cm[$k]) | $($g.Gen0) | $(Format-Number $g.AllocatedMB '0') MB | $(Format-Number $g.LiveMB '0.0') MB |")
}
$null = $md.AppendLine()
$null = $md.AppendLine('Reproduce: `dotnet tool restore && dotnet pwsh ./build.ps1 -Task Bench` (writes out/bench.md and the raw samples in out/bench.json).')

$text = $md.ToString()
$null = New-Item -ItemType Directory (Split-Path $OutFile -Parent) -Force
Set-Content -Path $OutFile -Value $text -Encoding utf8NoBOM
$raw | ConvertTo-Json -Depth 6 | Set-Content -Path ([IO.Path]::ChangeExtension($OutFile, '.json')) -Encoding utf8NoBOM
Write-Host ''
Write-Host $text
Write-Host "Written to $OutFile"
