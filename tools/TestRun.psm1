# Runs the tests for build.ps1 and reads their results: xunit once per target (dotnet test, a trx file each) and Pester
# in workers side by side (an NUnit file per test file). Every run gives Passed, Failed, Skipped, the failed tests by
# name with the first line of their message, and how long it took.

Import-Module (Join-Path $PSScriptRoot 'ChildPwsh.psm1')

# xunit on one target of the test project, already built (-c $Configuration). A target that ran no test failed.
function Invoke-XunitRun {
    param([string] $Root, [string] $Configuration, [string] $Framework, [string] $ResultsDir)
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $trx = Join-Path $ResultsDir "xunit-$Framework.trx"
    Remove-Item $trx -ErrorAction Ignore
    Write-Host "xunit on $Framework"
    dotnet test (Join-Path $Root 'tests/Mindhunters.Tests/Mindhunters.Tests.csproj') -c $Configuration -f $Framework --no-build --nologo `
        --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' | Out-Host
    $exit = $LASTEXITCODE
    if (-not (Test-Path $trx)) {
        return New-RunResult "xunit $Framework" 0 1 0 @("dotnet test wrote no results (exit code $exit)") $watch
    }
    $xml = [xml](Get-Content $trx -Raw)
    $counters = $xml.TestRun.ResultSummary.Counters
    $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    # VSTest's trx leaves skipped tests out of notExecuted: they are the ones counted but not executed.
    $skipped = [Math]::Max([int]$counters.notExecuted, [int]$counters.total - [int]$counters.executed)
    $names = @(foreach ($result in $xml.TestRun.Results.UnitTestResult) {
            if ($result.outcome -ne 'Failed') { continue }
            $message = $result.SelectSingleNode("*[local-name()='Output']/*[local-name()='ErrorInfo']/*[local-name()='Message']")
            "$($result.testName): $(if ($message) { ($message.InnerText -split "`n")[0].Trim() })"
        })
    if ($exit -ne 0 -and $failed -eq 0) { $failed = 1; $names += "dotnet test exit code $exit" }
    if ([int]$counters.passed + $failed -eq 0) { $failed = 1; $names += 'no test ran' }
    New-RunResult "xunit $Framework" ([int]$counters.passed) $failed $skipped $names $watch
}

# Pester on the given files in $Workers fresh pwsh processes side by side; each takes the next file nobody has
# taken yet (longest first), so a slow file never holds up the rest. Each file runs in one process from start to
# end, as Pester runs it alone; files share nothing but the fake API, each in its scope.
function Invoke-PesterRun {
    param([string] $PesterPath, [string[]] $Files, [string] $ResultsDir, [string] $Hint, [int] $Workers = 3)
    Complete-PesterRun (Start-PesterRun @PSBoundParameters)
}

# Starts the workers of Invoke-PesterRun and returns at once, so that other tests can run meanwhile.
# The order comes from this clone's last run (out/test-results/pester-durations.json); for a file it has no time for
# (a fresh clone, a new file), from $Hint (tests/Pester/durations.json, seconds per file in a full run on the 2-core
# machine: only the order matters, so it needs refreshing, by copying the last run's file over it, only when a file
# is added or its time changes by much); failing that, from the file's size.
function Start-PesterRun {
    param([string] $PesterPath, [string[]] $Files, [string] $ResultsDir, [string] $Hint, [int] $Workers = 3)
    $work = Join-Path $ResultsDir 'pester'
    $durations = Join-Path $ResultsDir 'pester-durations.json'
    $known = @{}
    foreach ($path in $Hint, $durations) {
        if ($path -and (Test-Path $path)) { (Get-Content $path -Raw | ConvertFrom-Json -AsHashtable).GetEnumerator() | ForEach-Object { $known[$_.Key] = $_.Value } }
    }
    $queue = @($Files | Sort-Object { - [double]($known[(Split-Path $_ -Leaf)] ?? (Get-Item $_).Length / 1KB) })
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
    $null = New-Item -ItemType Directory (Join-Path $work 'claims') -Force

    $worker = {
        param($PesterPath, $Queue, $Work)
        Import-Module $PesterPath
        foreach ($file in $Queue) {
            $name = Split-Path $file -Leaf
            try { [IO.File]::Open((Join-Path $Work "claims/$name"), 'CreateNew').Dispose() } catch { continue }
            $config = New-PesterConfiguration
            $config.Run.Path = $file
            $config.Run.PassThru = $true
            $config.Output.Verbosity = 'Detailed'
            $config.Output.RenderMode = 'Plaintext'
            $config.TestResult.Enabled = $true
            $config.TestResult.OutputPath = Join-Path $Work "$name.xml"
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $r = Invoke-Pester -Configuration $config
            @{ File = $name; Passed = $r.PassedCount; Failed = $r.FailedCount + $r.FailedBlocksCount + $r.FailedContainersCount
                Skipped = $r.SkippedCount + $r.NotRunCount; Seconds = $clock.Elapsed.TotalSeconds } |
                ConvertTo-Json | Set-Content (Join-Path $Work "$name.json")
        }
    }
    $queueText = ($queue | ForEach-Object { "'" + ($_ -replace "'", "''") + "'" }) -join ','
    [pscustomobject]@{
        Watch      = [Diagnostics.Stopwatch]::StartNew()
        Queue      = $queue
        Work       = $work
        Durations  = $durations
        Children   = @(1..([Math]::Min($Workers, $queue.Count)) | ForEach-Object {
                Start-ChildPwsh -Script "& { $worker } -PesterPath '$PesterPath' -Queue @($queueText) -Work '$work'"
            })
    }
}

# Ends the workers of Start-PesterRun and whatever they started, for a run that has already failed.
function Stop-PesterRun {
    param([Parameter(Mandatory)] $Run)
    foreach ($child in $Run.Children) { Stop-ChildProcess $child }
}

# Waits for the workers of Start-PesterRun, prints what they wrote, and sums their results.
function Complete-PesterRun {
    param([Parameter(Mandatory)] $Run)
    foreach ($child in $Run.Children) {
        $child.Process.WaitForExit()
        Write-Host $child.Output.Result
        if ($child.Error.Result) { Write-Host $child.Error.Result }
    }

    # The times of files this run left out stay as the last run that had them measured them.
    $times = if (Test-Path $Run.Durations) { Get-Content $Run.Durations -Raw | ConvertFrom-Json -AsHashtable } else { @{} }
    $passed = 0; $failed = 0; $skipped = 0; $names = @()
    foreach ($file in $Run.Queue) {
        $name = Split-Path $file -Leaf
        $summary = Join-Path $Run.Work "$name.json"
        if (-not (Test-Path $summary)) { $failed++; $names += "${name}: wrote no summary (its worker failed)"; continue }
        $s = Get-Content $summary -Raw | ConvertFrom-Json
        $passed += $s.Passed; $failed += $s.Failed; $skipped += $s.Skipped; $times[$name] = [Math]::Round($s.Seconds, 1)
        $named = @(Get-PesterFailure (Join-Path $Run.Work "$name.xml"))
        $names += $named
        if ($s.Failed -gt 0 -and $named.Count -eq 0) { $names += "${name}: a BeforeAll or AfterAll failed" }
    }
    $times | ConvertTo-Json | Set-Content $Run.Durations
    New-RunResult 'Pester' $passed $failed $skipped $names $Run.Watch
}

function Get-PesterFailure {
    param([string] $Path)
    if (-not (Test-Path $Path)) { return }
    foreach ($case in ([xml](Get-Content $Path -Raw)).SelectNodes("//test-case[@result='Failure']")) {
        $message = $case.SelectSingleNode('failure/message')
        "$($case.name): $(if ($message) { ($message.InnerText -split "`n")[0].Trim() })"
    }
}

function New-RunResult([string] $Name, [int] $Passed, [int] $Failed, [int] $Skipped, [string[]] $FailedTests, $Watch) {
    [pscustomobject]@{ Name = $Name; Passed = $Passed; Failed = $Failed; Skipped = $Skipped; FailedTests = @($FailedTests); Seconds = $Watch.Elapsed.TotalSeconds }
}

# One line per run, each failed test by name (CI shows only the tail of the output: a failure must be named there),
# and the sum: "N passed, N failed, N skipped". Returns whether everything passed.
function Write-TestSummary {
    param([object[]] $Runs)
    Write-Host ''
    foreach ($run in $Runs) {
        Write-Host ("{0}: {1} passed, {2} failed, {3} skipped ({4:N0} s)" -f $run.Name, $run.Passed, $run.Failed, $run.Skipped, $run.Seconds)
        foreach ($failure in $run.FailedTests) {
            $line = "  failed: $failure"
            Write-Host ($line.Length -gt 300 ? $line.Substring(0, 300) + '…' : $line)
        }
    }
    $passed = ($Runs | Measure-Object Passed -Sum).Sum
    $failed = ($Runs | Measure-Object Failed -Sum).Sum
    Write-Host "$passed passed, $failed failed, $(($Runs | Measure-Object Skipped -Sum).Sum) skipped"
    $failed -eq 0 -and $passed -gt 0
}

Export-ModuleMember -Function Invoke-XunitRun, Invoke-PesterRun, Start-PesterRun, Stop-PesterRun, Complete-PesterRun, Write-TestSummary
