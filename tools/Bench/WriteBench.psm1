# The write rows of the benchmark (Invoke-Benchmark.ps1): Set-MhPhoneNumber against the loop of PATCHes people write
# without the module, on the same fake API and in the same report.
#
#   (f) 1,000 numbers, 50 ms per answer: -ThrottleLimit 8 against the latency floor ceil(1000 / 8) x 50 ms and the loop.
#   (g) 1,000 numbers, no added latency: -ThrottleLimit 8 (and the default) against the loop.
#   (h) Get-MhPhoneNumber | Set-MhPhoneNumber of 1,000 and 10,000 numbers, each in a fresh pwsh: peak working set.
#
# The numbers piped in (f) and (g) are PhoneNumber objects listed with their SMS channel on, so each needs the change
# and is sent (nothing is skipped as unchanged); the channel settings are reset before every run. (h) streams every
# number of the listing with -Force, since some already have SMS off. Each run is checked at the fake: exactly one
# PATCH per number, every one answered 200.

Import-Module (Join-Path $PSScriptRoot 'BenchMath.psm1')
Import-Module (Join-Path (Split-Path $PSScriptRoot -Parent) 'FakeApi.psm1')
# The floor, [Mindhunters.Bench.WriteFloor] (WriteFloor.cs), is compiled by Invoke-Benchmark.ps1 with the other helpers.

# What people write without the module: one Invoke-RestMethod PATCH per number.
$script:LoopPatch = {
    param([string] $BaseUri, [string] $Token, [guid[]] $Uuids)
    $headers = @{ Authorization = "Bearer $Token" }
    $body = '{"channel_settings":{"sms":{"enabled":false}}}'
    foreach ($uuid in $Uuids) {
        $null = Invoke-RestMethod -Method Patch -Uri "$BaseUri/api/v1/phone-numbers/$uuid" -Headers $headers -ContentType 'application/json' -Body $body
    }
}

# The control requests between runs go through one HttpClient: Invoke-RestMethod leaves the JIT compiling on a
# background thread for a while after each call, which would run into the next measurement.
$script:Control = [System.Net.Http.HttpClient]::new()

function Reset-WriteState($Api) {
    foreach ($what in 'channel-settings', 'requests') { $null = $script:Control.DeleteAsync("$($Api.BaseUri)/_fake/$what").GetAwaiter().GetResult().EnsureSuccessStatusCode() }
}

function Get-Patch($Api) {
    @($script:Control.GetStringAsync("$($Api.BaseUri)/_fake/requests").GetAwaiter().GetResult() | ConvertFrom-Json | ForEach-Object { $_ } | Where-Object method -EQ 'PATCH')
}

# Runs one bulk change and checks at the fake that every number got exactly one PATCH, answered 200.
function Measure-Write {
    param([scriptblock] $Run, $Api, [int] $Expected)
    Reset-WriteState $Api
    $result = Measure-Listing { & $Run; $Expected } $Api $Expected
    $patches = Get-Patch $Api
    $failed = @($patches | Where-Object status -NE 200)
    if ($patches.Count -ne $Expected -or $failed.Count -gt 0) { throw "A bulk change sent $($patches.Count) PATCHes ($($failed.Count) not 200) instead of $Expected." }
    $result
}

function Invoke-WriteBenchmark {
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        [Parameter(Mandatory)] [string] $Token,
        [int] $Count = 1000,
        [int] $LatencyMs = 50,
        [int] $Throttle = 8,
        [int] $WarmupRounds = 3,
        [int] $ThroughputRounds = 5,
        [int] $LatencyRounds = 3,
        [int] $MemoryRounds = 2,
        [int[]] $MemorySizes = @(1000, 10000),
        [int] $ChildTimeoutSec = 300
    )
    $rows = [System.Collections.Generic.List[object]]::new()
    $raw = [ordered]@{}
    function Add-Row($Id, $Measurement, $Module, $Baseline, $Ratio, $Target, $Result) {
        $rows.Add([pscustomobject]@{ Id = $Id; Measurement = $Measurement; Module = $Module; Baseline = $Baseline; Ratio = $Ratio; Target = $Target; Result = $Result })
    }
    $connect = { param($Api) Connect-MhAccount -Subdomain bench -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -BaseUri $Api.BaseUri }

    # The data set is a function of the index alone: numbers listed from one scope are the same numbers in another.
    $size = [math]::Max(10000, ($MemorySizes | Measure-Object -Maximum).Maximum)
    $fast = Start-FakeApi -Count $size -Token $Token
    $slow = Start-FakeApi -Count $size -Token $Token -ArgumentList '--latency-ms', "$LatencyMs"
    try {
        & $connect $fast
        $numbers = @(Get-MhPhoneNumber -IncludeExternal | Where-Object { $_.ChannelSettings.Sms.Enabled } | Select-Object -First $Count)
        if ($numbers.Count -ne $Count) { throw "The fake API has only $($numbers.Count) numbers with SMS on; $Count were needed." }
        $uuids = [guid[]]$numbers.PhoneNumberUuid
        $body = '{"channel_settings":{"sms":{"enabled":false}}}'
        $patchUris = { param($Api) [string[]]@($uuids | ForEach-Object { "$($Api.BaseUri)/api/v1/phone-numbers/$_" }) }
        $what = "$(Format-Number $Count '#,0') numbers (listed with SMS on: each is sent) piped into Set-MhPhoneNumber -SmsEnabled `$false"

        # ---------------------------------------------------------------------------------------------------------
        # (g) no added latency
        Write-Host "(g) $what, no added latency: $ThroughputRounds rounds of module -ThrottleLimit $Throttle / module / loop / floor"
        $fastUris = & $patchUris $fast
        $contenders = @(
            @{ Name = 'module8'; Run = { $numbers | Set-MhPhoneNumber -SmsEnabled $false -ThrottleLimit $Throttle -Confirm:$false } }
            @{ Name = 'module'; Run = { $numbers | Set-MhPhoneNumber -SmsEnabled $false -Confirm:$false } }
            @{ Name = 'loop'; Run = { & $script:LoopPatch $fast.BaseUri $Token $uuids } }
            @{ Name = 'floor'; Run = { $null = [Mindhunters.Bench.WriteFloor]::Send($fastUris, $Token, $body, $Throttle) } }
        )
        $g = @{}
        foreach ($c in $contenders) { $g[$c.Name] = [System.Collections.Generic.List[object]]::new() }
        for ($w = 0; $w -lt $WarmupRounds; $w++) { foreach ($c in $contenders) { $null = Measure-Write $c.Run $fast $Count } }
        for ($r = 0; $r -lt $ThroughputRounds; $r++) {
            foreach ($c in (Get-Rotated $contenders $r)) { $g[$c.Name].Add((Measure-Write $c.Run $fast $Count)) }
            Write-Host ('  round {0}: module -ThrottleLimit {1} {2}, module {3}, loop {4}, floor {5}' -f ($r + 1), $Throttle,
                (Format-Ms $g.module8[$r].WallMs), (Format-Ms $g.module[$r].WallMs), (Format-Ms $g.loop[$r].WallMs), (Format-Ms $g.floor[$r].WallMs))
        }
        $raw.writeThroughput = $g
        $gm = @{}
        foreach ($k in $g.Keys) { $gm[$k] = Get-Median @($g[$k] | ForEach-Object WallMs) }
        $wps = { param($ms) Format-Number ($Count / ($ms / 1000)) '#,0' }
        $vsLoop8 = Get-Median @(for ($i = 0; $i -lt $ThroughputRounds; $i++) { $g.loop[$i].WallMs / $g.module8[$i].WallMs })
        $vsLoop1 = Get-Median @(for ($i = 0; $i -lt $ThroughputRounds; $i++) { $g.loop[$i].WallMs / $g.module[$i].WallMs })
        Add-Row 'g' "${what}, no added latency: -ThrottleLimit $Throttle vs the Invoke-RestMethod loop of PATCHes" `
            "$(& $wps $gm.module8) writes/s ($(Format-Ms $gm.module8))" "loop: $(& $wps $gm.loop) writes/s ($(Format-Ms $gm.loop))" `
            "$(Format-Number $vsLoop8 '0.0')x the loop" '>= 10x the loop' (Get-Verdict $vsLoop8 10 AtLeast)
        Add-Row 'g' 'same, default (-ThrottleLimit 1) vs the loop' "$(& $wps $gm.module) writes/s ($(Format-Ms $gm.module))" "loop: $(& $wps $gm.loop) writes/s" `
            "$(Format-Number $vsLoop1 '0.0')x the loop" '- (no target)' '-'
        $vsFloor8 = Get-Median @(for ($i = 0; $i -lt $ThroughputRounds; $i++) { $g.module8[$i].WallMs / $g.floor[$i].WallMs })
        $floorVsLoop = Get-Median @(for ($i = 0; $i -lt $ThroughputRounds; $i++) { $g.loop[$i].WallMs / $g.floor[$i].WallMs })
        Add-Row 'g' "same, -ThrottleLimit $Throttle vs the floor (bare HttpClient, $Throttle PATCHes in flight, nothing parsed)" (Format-Ms $gm.module8) `
            "floor: $(& $wps $gm.floor) writes/s ($(Format-Ms $gm.floor)), itself $(Format-Number $floorVsLoop '0.0')x the loop" `
            "$(Format-Number $vsFloor8 '0.00')x the floor's time" '- (no target)' '-'

        # ---------------------------------------------------------------------------------------------------------
        # (f) 50 ms per answer
        Write-Host "(f) $what, $LatencyMs ms per answer: $LatencyRounds rounds of module -ThrottleLimit $Throttle / loop"
        & $connect $slow
        $contenders = @(
            @{ Name = 'module8'; Run = { $numbers | Set-MhPhoneNumber -SmsEnabled $false -ThrottleLimit $Throttle -Confirm:$false } }
            @{ Name = 'loop'; Run = { & $script:LoopPatch $slow.BaseUri $Token $uuids } }
        )
        $f = @{}
        foreach ($c in $contenders) { $f[$c.Name] = [System.Collections.Generic.List[object]]::new() }
        # Warm-up: connections to this server.
        $null = Measure-Write { $numbers | Select-Object -First ($Throttle * 2) | Set-MhPhoneNumber -SmsEnabled $false -ThrottleLimit $Throttle -Confirm:$false } $slow ($Throttle * 2)
        for ($r = 0; $r -lt $LatencyRounds; $r++) {
            foreach ($c in (Get-Rotated $contenders $r)) { $f[$c.Name].Add((Measure-Write $c.Run $slow $Count)) }
            Write-Host ('  round {0}: module -ThrottleLimit {1} {2}, loop {3}' -f ($r + 1), $Throttle, (Format-Ms $f.module8[$r].WallMs), (Format-Ms $f.loop[$r].WallMs))
        }
        $raw.writeLatency = $f
        $fm = @{}
        foreach ($k in $f.Keys) { $fm[$k] = Get-Median @($f[$k] | ForEach-Object WallMs) }
        $floor = [math]::Ceiling($Count / $Throttle) * $LatencyMs
        $vsFloor = $fm.module8 / $floor
        $vsLoop = Get-Median @(for ($i = 0; $i -lt $LatencyRounds; $i++) { $f.module8[$i].WallMs / $f.loop[$i].WallMs })
        Add-Row 'f' "${what}, $LatencyMs ms per answer: -ThrottleLimit $Throttle vs the latency floor" (Format-Ms $fm.module8) `
            "floor: $(Format-Ms $floor) = ceil($Count/$Throttle) x $LatencyMs ms" "$(Format-Number $vsFloor '0.00')x the floor" '<= 1.3x the floor' (Get-Verdict $vsFloor 1.3 AtMost)
        Add-Row 'f' "same, -ThrottleLimit $Throttle vs the Invoke-RestMethod loop of PATCHes" (Format-Ms $fm.module8) "loop: $(Format-Ms $fm.loop)" `
            "$(Format-Number $vsLoop '0.00') of the loop's time" '<= 0.2 of the loop' (Get-Verdict $vsLoop 0.2 AtMost)

        # ---------------------------------------------------------------------------------------------------------
        # (h) peak working set while numbers stream through Set-MhPhoneNumber, each in a fresh pwsh
        Write-Host "(h) peak working set, Get-MhPhoneNumber | Set-MhPhoneNumber in fresh processes: $($MemorySizes -join ', ') numbers, $MemoryRounds round(s)"
        $childEnv = @{ MIHU_TENANT = 'bench'; MIHU_API_TOKEN = $Token; MIHU_BASE_URI = $fast.BaseUri }
        $mem = [ordered]@{}
        foreach ($n in $MemorySizes) {
            $mem["$n"] = [System.Collections.Generic.List[double]]::new()
            for ($r = 0; $r -lt $MemoryRounds; $r++) {
                $script = @"
`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'
Import-Module '$ModulePath'
Get-MhPhoneNumber -IncludeExternal -First $n | Set-MhPhoneNumber -SmsEnabled `$false -Force -ThrottleLimit $Throttle -Confirm:`$false
`$me = [System.Diagnostics.Process]::GetCurrentProcess(); `$me.Refresh(); "peak=`$(`$me.PeakWorkingSet64)"
"@
                Reset-WriteState $fast
                $values = Invoke-BenchChild $script $childEnv $ChildTimeoutSec
                $sent = @(Get-Patch $fast | Where-Object status -EQ 200).Count
                if ($sent -ne $n) { throw "The memory child changed $sent numbers instead of $n." }
                $mem["$n"].Add((ConvertTo-Double $values['peak']))
            }
            Write-Host "  $n numbers: $(Format-Mb (Get-Median $mem["$n"]))"
        }
        $raw.writeMemory = $mem
        $small = Get-Median $mem["$($MemorySizes[0])"]
        $big = Get-Median $mem["$($MemorySizes[-1])"]
        $growth = ($big - $small) / 1MB
        Add-Row 'h' "peak working set, Get-MhPhoneNumber \| Set-MhPhoneNumber -SmsEnabled `$false -Force -ThrottleLimit $Throttle (fresh pwsh each)" `
            (($MemorySizes | ForEach-Object { "$(Format-Number $_ '#,0'): $(Format-Mb (Get-Median $mem["$_"]))" }) -join ', ') '-' `
            "growth $(Format-Number $MemorySizes[0] '#,0') to $(Format-Number $MemorySizes[-1] '#,0'): $(Format-Number $growth '+0.0;-0.0') MB" '< 30 MB growth' (Get-Verdict $growth 30 AtMost 'MB')
    } finally {
        Stop-FakeApi $fast
        Stop-FakeApi $slow
    }
    # (g) runs first, so that its warm-up rounds also warm up (f); the report lists them in order.
    [pscustomobject]@{ Rows = @($rows | Sort-Object Id -Stable); Raw = $raw }
}

Export-ModuleMember -Function Invoke-WriteBenchmark
