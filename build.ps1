#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, demonstrates, packages and benchmarks the Mindhunters module.
.DESCRIPTION
    Build   publishes the module into out/Mindhunters (manifest, dll, dependencies, format file, about topics,
            the cmdlet help generated from docs/en-US by tools/New-MamlHelp.ps1) and the fake API into out/FakeApi.
    Test    Package, then xunit on net10.0 and on net472 (under Mono outside Windows, installed with apt-get when
            missing), then Pester in a fresh pwsh process against out/; prints "N passed, N failed, N skipped".
    Demo    Build, start the fake API on 127.0.0.1, list its numbers through the module as a runbook would.
    Package Build, then out/Mindhunters.<version>.nupkg (through Publish-PSResource, as the gallery gets it) and
            out/Mindhunters.zip (the module folder at its root, for Azure Automation).
    Bench   Build, then the benchmark against the Invoke-RestMethod loop; writes out/bench.md.
    Shell   Build, then a pwsh prompt with the module imported and connected to the local fake API (250 numbers),
            to try the module without a workspace; exit the prompt to stop the API.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Bench', 'Shell')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'Mindhunters'
$ResultsDir = Join-Path $Out 'test-results'
$PesterVersion = '5.7.1'
# Child processes (Invoke-ChildPwsh) and throwaway homes (New-IsolatedEnvironment) are made the same way for the
# build and for the tests.
Import-Module (Join-Path $Root 'tests/Pester/TestHelpers.psm1') -Force

# Runs $Script in a fresh pwsh with its output on this console; fails the task when it exits non-zero.
function Invoke-Child {
    param([string] $What, [string] $Script, [hashtable] $Environment = @{})
    $result = Invoke-ChildPwsh -Stream -Script $Script -Environment $Environment
    if ($result.ExitCode -ne 0) { throw "$What failed (exit code $($result.ExitCode))." }
}

function Invoke-Native {
    param([string] $What, [scriptblock] $Command)
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile (Join-Path $Root 'Mindhunters.psd1')).ModuleVersion
}

function Invoke-Build {
    $version = Get-ModuleVersion
    Write-Host "Building Mindhunters $version ($Configuration)"
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $publish = Join-Path $Out 'publish'
    Invoke-Native 'Publishing the module' {
        dotnet publish (Join-Path $Root 'src/Mindhunters/Mindhunters.csproj') -c $Configuration -o $publish "-p:Version=$version" --nologo -v quiet
    }
    $null = New-Item -ItemType Directory $ModuleOut -Force
    # The module folder holds what a user installs: no PowerShell assemblies (the host brings its own), no symbols.
    Get-ChildItem $publish -Filter *.dll |
        Where-Object Name -NotIn 'System.Management.Automation.dll' |
        Copy-Item -Destination $ModuleOut
    Copy-Item (Join-Path $Root 'Mindhunters.psd1'), (Join-Path $Root 'LICENSE') $ModuleOut
    Copy-Item (Join-Path $Root 'src/Mindhunters/Mindhunters.Format.ps1xml') $ModuleOut
    Copy-Item (Join-Path $Root 'src/Mindhunters/en-US') $ModuleOut -Recurse
    Remove-Item $publish -Recurse -Force
    # The cmdlet help (MAML) from docs/en-US and the built cmdlets, in a fresh pwsh: this one never loads the module.
    Invoke-Native 'Generating the cmdlet help' {
        dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $Root 'tools/New-MamlHelp.ps1') -ModulePath (Join-Path $ModuleOut 'Mindhunters.psd1') -MarkdownPath (Join-Path $Root 'docs/en-US')
    }

    Invoke-Native 'Publishing the fake API' {
        dotnet publish (Join-Path $Root 'tests/Mindhunters.FakeApi/Mindhunters.FakeApi.csproj') -c $Configuration -o (Join-Path $Out 'FakeApi') --nologo -v quiet
    }
    Write-Host "Module: $ModuleOut"
}

function Invoke-Package {
    Invoke-Build
    $version = Get-ModuleVersion
    $nupkg = Join-Path $Out "Mindhunters.$version.nupkg"
    $zip = Join-Path $Out 'Mindhunters.zip'
    Remove-Item $nupkg, $zip -ErrorAction Ignore

    # The gallery's package, made the way the gallery gets it: Publish-PSResource into a (local, temporary) repository.
    $work = Join-Path ([IO.Path]::GetTempPath()) ('mindhunters-package-' + [guid]::NewGuid().ToString('N'))
    $repository = New-Item -ItemType Directory (Join-Path $work 'repository') -Force
    try {
        # In a throwaway HOME: registering the temporary repository never changes this machine's settings.
        Invoke-Child 'Publish-PSResource' -Environment (New-IsolatedEnvironment -Path $work) -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name MindhuntersBuild -Uri '$repository' -Trusted
Publish-PSResource -Path '$ModuleOut' -Repository MindhuntersBuild -SkipDependenciesCheck
"@
        Move-Item (Join-Path $repository "Mindhunters.$version.nupkg") $nupkg
    } finally {
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    # Azure Automation imports a zip whose root holds the module folder.
    Compress-Archive -Path $ModuleOut -DestinationPath $zip
    Write-Host "Package: $nupkg"
    Write-Host "Zip:     $zip"
}

function Get-PesterModulePath {
    Invoke-Native 'Restoring Pester from NuGet' { dotnet restore (Join-Path $Root 'tests/Pester/Pester.proj') --nologo -v quiet | Out-Host }
    $packages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $path = Join-Path $packages.Trim() "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $path)) { throw "Pester $PesterVersion was not found at $path after the restore." }
    $path
}

# The xunit project's target frameworks, each run as its own `dotnet test -f` with its own results file: net10.0
# (PowerShell 7) and net472 (.NET Framework, what Windows PowerShell 5.1 runs on; under Mono outside Windows).
$XunitFrameworks = 'net10.0', 'net472'

# The net472 tests need a .NET Framework runtime: Windows has one; elsewhere it is Mono, installed here when it is
# missing (Debian/Ubuntu, as root), or a clear failure. mono-devel, not just mono-runtime: the netstandard facade
# that a netstandard2.0 library needs on Mono comes only with it.
function Test-MonoForNetStandard {
    $mono = Get-Command mono -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if (-not $mono) { return $false }
    # bin/mono and lib/mono/4.5/Facades share a prefix (/usr on Debian, the framework folder on macOS).
    $item = Get-Item $mono.Source
    $path = if ($item.LinkTarget) { $item.ResolveLinkTarget($true).FullName } else { $item.FullName }
    $prefix = Split-Path (Split-Path $path)
    Test-Path (Join-Path $prefix 'lib/mono/4.5/Facades/netstandard.dll')
}

function Assert-NetFrameworkRuntime {
    if ($IsWindows) { return }
    if (Test-MonoForNetStandard) { return }
    $apt = Get-Command apt-get -CommandType Application -ErrorAction Ignore
    $isRoot = (& id -u) -eq '0'
    if (-not $apt -or -not $isRoot) {
        throw ("The net472 tests run under Mono, which is not installed (or lacks lib/mono/4.5/Facades/netstandard.dll), and it cannot be installed here " +
            "(needs apt-get and root). Install it (Debian/Ubuntu: apt-get install mono-devel; macOS: brew install mono), then run the tests again.")
    }
    $log = Join-Path $Out 'mono-install.log'
    Write-Host "Mono (with its netstandard facade) is missing: installing mono-devel with apt-get for the net472 tests (about 50 MB, a few minutes; log: $log)."
    $null = New-Item -ItemType Directory $Out -Force
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $env:DEBIAN_FRONTEND = 'noninteractive'
    # Waits for the package lock rather than failing while another install on the machine holds it.
    & apt-get -o DPkg::Lock::Timeout=300 update *> $log
    & apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends mono-devel *>> $log
    $exit = $LASTEXITCODE
    if ($exit -ne 0 -or -not (Test-MonoForNetStandard)) {
        Get-Content $log -Tail 20 | Out-Host
        throw "Installing Mono failed (apt-get exit code $exit; log: $log): the net472 tests cannot run. Install mono-devel by hand, then run the tests again."
    }
    Write-Host ("Mono installed in {0:N0} s: {1}" -f $watch.Elapsed.TotalSeconds, ((& mono --version) | Select-Object -First 1))
}

function Invoke-XunitTests {
    param([string] $Framework)
    $trx = Join-Path $ResultsDir "xunit-$Framework.trx"
    if (Test-Path $trx) { Remove-Item $trx }
    Write-Host "xunit on $Framework"
    dotnet test (Join-Path $Root 'tests/Mindhunters.Tests/Mindhunters.Tests.csproj') -c $Configuration -f $Framework --nologo `
        --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' | Out-Host
    $exit = $LASTEXITCODE
    if (-not (Test-Path $trx)) { throw "xunit on $Framework wrote no results (dotnet test exit code $exit): the build of the tests failed." }
    $counters = ([xml](Get-Content $trx -Raw)).TestRun.ResultSummary.Counters
    $result = [pscustomobject]@{
        Passed  = [int]$counters.passed
        Failed  = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        # VSTest's trx leaves skipped tests out of notExecuted: they are the ones counted but not executed.
        Skipped = [Math]::Max([int]$counters.notExecuted, [int]$counters.total - [int]$counters.executed)
    }
    if ($exit -ne 0 -and $result.Failed -eq 0) { $result.Failed = 1 }
    $result | Add-Member FailedTests @(Get-TrxFailure $trx)
    # A target that ran nothing (a runtime that found no tests) is not a pass.
    if ($result.Passed + $result.Failed -eq 0) {
        Write-Host "xunit on $Framework ran no test: counted as a failure."
        $result.Failed = 1
    }
    $result
}

# The names and first message lines of the failed tests, repeated beside the summary: CI shows only the tail of the
# output, and a failure must be named there.
function Get-TrxFailure {
    param([string] $Path)
    $xml = [xml](Get-Content $Path -Raw)
    foreach ($result in $xml.TestRun.Results.UnitTestResult) {
        if ($result.outcome -ne 'Failed') { continue }
        $message = $result.SelectSingleNode("*[local-name()='Output']/*[local-name()='ErrorInfo']/*[local-name()='Message']")
        $first = if ($message) { ($message.InnerText -split "`n")[0].Trim() } else { '' }
        "$($result.testName): $first"
    }
}

function Get-PesterFailure {
    param([string] $Path)
    if (-not (Test-Path $Path)) { return }
    foreach ($case in ([xml](Get-Content $Path -Raw)).SelectNodes("//test-case[@result='Failure']")) {
        $message = $case.SelectSingleNode('failure/message')
        $first = if ($message) { ($message.InnerText -split "`n")[0].Trim() } else { '' }
        "$($case.name): $first"
    }
}

function Invoke-PesterTests {
    $pester = Get-PesterModulePath
    $summary = Join-Path $ResultsDir 'pester-summary.json'
    $runner = {
        param($PesterPath, $TestPath, $SummaryPath, $ResultPath)
        Import-Module $PesterPath -Force
        $config = New-PesterConfiguration
        $config.Run.Path = $TestPath
        $config.Run.PassThru = $true
        $config.Output.Verbosity = 'Detailed'
        $config.TestResult.Enabled = $true
        $config.TestResult.OutputPath = $ResultPath
        $result = Invoke-Pester -Configuration $config
        @{ Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount; Skipped = $result.SkippedCount + $result.NotRunCount } |
            ConvertTo-Json | Set-Content $SummaryPath
    }
    if (Test-Path $summary) { Remove-Item $summary }
    # A fresh process: the tests import the built module from out/, never a copy this session already loaded.
    # Its exit code is not the verdict: the summary file is, and a missing one counts as a failure.
    $null = Invoke-ChildPwsh -Stream -Script "& { $runner } -PesterPath '$pester' -TestPath '$(Join-Path $Root 'tests/Pester')' -SummaryPath '$summary' -ResultPath '$(Join-Path $ResultsDir 'pester.xml')'"
    $failures = @(Get-PesterFailure (Join-Path $ResultsDir 'pester.xml'))
    if (-not (Test-Path $summary)) { return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; FailedTests = @('Pester wrote no summary') } }
    $counts = Get-Content $summary -Raw | ConvertFrom-Json
    [pscustomobject]@{ Passed = [int]$counts.Passed; Failed = [int]$counts.Failed; Skipped = [int]$counts.Skipped; FailedTests = $failures }
}

function Invoke-Test {
    # First: a missing runtime fails the run before minutes of building.
    Assert-NetFrameworkRuntime
    # The package too: the Pester tests install it the way users do.
    Invoke-Package
    $null = New-Item -ItemType Directory $ResultsDir -Force
    $runs = [ordered]@{}
    foreach ($framework in $XunitFrameworks) { $runs["xunit $framework"] = Invoke-XunitTests -Framework $framework }
    $runs['Pester'] = Invoke-PesterTests
    $passed = ($runs.Values | Measure-Object Passed -Sum).Sum
    $failed = ($runs.Values | Measure-Object Failed -Sum).Sum
    $skipped = ($runs.Values | Measure-Object Skipped -Sum).Sum
    Write-Host ''
    foreach ($run in $runs.GetEnumerator()) {
        Write-Host "$($run.Key): $($run.Value.Passed) passed, $($run.Value.Failed) failed, $($run.Value.Skipped) skipped"
        foreach ($failure in $run.Value.FailedTests) {
            $line = "  failed: $failure"
            Write-Host ($line.Length -gt 300 ? $line.Substring(0, 300) + '…' : $line)
        }
    }
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $demo = {
        param($RepoRoot)
        $ErrorActionPreference = 'Stop'
        Import-Module (Join-Path $RepoRoot 'tests/Pester/TestHelpers.psm1')
        $api = Start-FakeApi -Count 250 -Token 'demo-token'
        try {
            # What a runbook does: no Connect-MhAccount, only the MIHU_* variables.
            $env:MIHU_TENANT = 'demo'
            $env:MIHU_API_TOKEN = $api.Token
            $env:MIHU_BASE_URI = $api.BaseUri
            Import-Module (Join-Path $RepoRoot 'out/Mindhunters/Mindhunters.psd1')
            Write-Host "Fake Mindhunters API at $($api.BaseUri) with $($api.Count) numbers`n"
            Write-Host '> Get-MhContext'
            # The views are made for a 120-column console; say so, whatever terminal runs the demo.
            function Show { $input | Out-String -Width 120 | Write-Host }
            Get-MhContext | Format-List | Show
            Write-Host '> Get-MhPhoneNumber -Status active -CountryCode us'
            Get-MhPhoneNumber -Status active -CountryCode us | Format-Table | Show
            Write-Host '> Get-MhPhoneNumber -Skip 40 -First 5 -IncludeTotalCount'
            Get-MhPhoneNumber -Skip 40 -First 5 -IncludeTotalCount | Show
            Write-Host '> Get-MhPhoneNumber | Measure-Object'
            Get-MhPhoneNumber | Measure-Object | Select-Object Count | Show
            Write-Host "> Get-MhAgent -Name 'Support*' | Get-MhPhoneNumber -Status active | Select-Object -First 3 | Set-MhPhoneNumber -SmsEnabled `$false -WhatIf"
            Get-MhAgent -Name 'Support*' | Get-MhPhoneNumber -Status active | Select-Object -First 3 | Set-MhPhoneNumber -SmsEnabled $false -WhatIf
            Write-Host ''
            Write-Host "Requests made: $((Get-FakeApiRequest $api).Count)"
        } finally {
            Stop-FakeApi $api
        }
    }
    Invoke-Child 'The demo' -Script "& { $demo } -RepoRoot '$Root'"
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
    'Shell' { Invoke-Build; Enter-FakeApiShell -ModulePath (Join-Path $ModuleOut 'Mindhunters.psd1') }
    'Bench' { Invoke-Build; & (Join-Path $Root 'tests/Bench/Invoke-Benchmark.ps1') -OutFile (Join-Path $Out 'bench.md') }
}
