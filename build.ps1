<#
.SYNOPSIS
    Builds, tests, demonstrates, packages and benchmarks the Mindhunters module.
.DESCRIPTION
    Bootstrap  The .NET Framework runtime the net472 tests need: Mono outside Windows, installed with apt-get when missing.
    Build      Builds the solution once: the module into out/Mindhunters (manifest, dll, dependencies, format file,
               about topics, the cmdlet help generated from docs/en-US by tools/New-MamlHelp.ps1), the fake API into
               out/FakeApi, and the xunit project (which the tasks that run no xunit leave out).
    UnitTest   Build, then xunit on -Framework net10.0 or net472 (both when not given).
    Pester     Build, then the Pester files of -Path (a file or a folder; tests/Pester when not given) against out/.
    Test       Bootstrap, Build and Package once, then every Pester file and xunit on both targets, all against one
               fake API process (the xunit project builds while the Pester files run); prints "N passed, N failed,
               N skipped" and exits non-zero on any failure.
    Package    Build, then out/Mindhunters.<version>.nupkg (through Publish-PSResource, as the gallery gets it) and
               out/Mindhunters.zip (the module folder at its root, for Azure Automation).
    Demo       Build, then tools/Demo.ps1: the module against the local fake API, as a runbook uses it.
    Shell      Build, then a pwsh prompt with the module imported and connected to the local fake API (250 numbers),
               to try the module without a workspace; exit the prompt to leave.
    Bench      Build, then tools/Bench/Invoke-Benchmark.ps1 against the Invoke-RestMethod loop; writes out/bench.md.
    Clean      Removes out/ and every bin/ and obj/ folder.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Pester -Path tests/Pester/Faults.Tests.ps1
#>
#Requires -Version 7.4
[CmdletBinding()]
param(
    [ValidateSet('Bootstrap', 'Build', 'UnitTest', 'Pester', 'Test', 'Package', 'Demo', 'Shell', 'Bench', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # UnitTest: one target of the xunit project.
    [ValidateSet('net10.0', 'net472')]
    [string] $Framework,

    # Pester: a test file or a folder of them.
    [string] $Path = 'tests/Pester'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'Mindhunters'
$ResultsDir = Join-Path $Out 'test-results'
# How long each Pester file took, for a clone that has not run them yet (tools/TestRun.psm1, Start-PesterRun).
$PesterDurationsHint = Join-Path $Root 'tests/Pester/durations.json'
$PesterVersion = '5.7.1'
# The xunit project's targets: net10.0 (PowerShell 7) and net472 (.NET Framework, what Windows PowerShell 5.1 runs on).
$XunitFrameworks = 'net10.0', 'net472'
# The test tasks run on the pinned PowerShell compiled ahead of time (tools/PrecompiledPwsh.psm1): this script starts
# again on that copy, and every pwsh it starts ($PSHOME's) is the copy too.
if ($Task -in 'Test', 'Pester') {
    Import-Module (Join-Path $Root 'tools/PrecompiledPwsh.psm1') -Force
    $precompiled = Get-PrecompiledPwsh -ProjectPath (Join-Path $Root 'tools/Crossgen2.proj')
    if ($precompiled -and $PSHOME -ne $precompiled) {
        & dotnet (Join-Path $precompiled 'pwsh.dll') -NoProfile -NonInteractive -File $PSCommandPath @PSBoundParameters
        exit $LASTEXITCODE
    }
}
# The tests start about a hundred short-lived processes (pwsh, dotnet) on a machine with two cores, where the time
# they take is the CPU they burn: none reports telemetry, and none profiles its own code for a recompilation it will
# not live to use (tiered PGO), about 12% of a fresh pwsh's start; nor recompiles its hot methods in the background
# (call counting: with PowerShell compiled ahead of time, tiering up is most of the JIT left, and a test process ends
# before it pays off: Faults.Tests.ps1 9.9 -> 5.8 core-s, the same wall time). The benchmark measures the defaults.
# Put back as they were at the end, for a build.ps1 run inside an interactive session.
$ProcessSettings = @{ POWERSHELL_TELEMETRY_OPTOUT = '1'; DOTNET_CLI_TELEMETRY_OPTOUT = '1'; DOTNET_TieredPGO = '0'; DOTNET_TC_CallCounting = '0' }
$SavedSettings = @{}
if ($Task -ne 'Bench') {
    foreach ($name in $ProcessSettings.Keys) { $SavedSettings[$name] = [Environment]::GetEnvironmentVariable($name); Set-Item "Env:$name" $ProcessSettings[$name] }
}
Import-Module (Join-Path $Root 'tools/ChildPwsh.psm1') -Force
Import-Module (Join-Path $Root 'tools/FakeApi.psm1') -Force
Import-Module (Join-Path $Root 'tools/TestRun.psm1') -Force
Import-Module (Join-Path $Root 'tools/NetFramework.psm1') -Force
Import-Module (Join-Path $Root 'tools/RestoredPackage.psm1') -Force

# Each stage's time, for the summary (each run's own time is on its line).
$Timings = [ordered]@{}
function Measure-Stage([string] $Name, [scriptblock] $Stage) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    try { & $Stage } finally { $Timings[$Name] = $watch.Elapsed.TotalSeconds }
}

function Invoke-Native {
    param([string] $What, [scriptblock] $Command)
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile (Join-Path $Root 'Mindhunters.psd1')).ModuleVersion
}

# The Pester files need only the module and the fake API (as the solution's targets name them: folder\project, dots
# as underscores), so those build first, restoring the whole solution. The xunit project (both targets, about half
# the compiling) builds after them, on what that build made (--no-dependencies: its references are not checked
# again), beside the help generation, the package and the Pester files.
$ModuleBuildArguments = (Join-Path $Root 'MindhuntersPS.sln'), '-t:src\Mindhunters;tests\Mindhunters_FakeApi'
$XunitBuildArguments = (Join-Path $Root 'tests/Mindhunters.Tests/Mindhunters.Tests.csproj'), '--no-restore', '--no-dependencies'

# Starts dotnet build and returns at once. $Stage: the name of its time in the summary, when it has one of its own
# (a build running beside other stages). The builds share one compiler server even where the environment turns it off
# (UseSharedCompilation=false, as this machine's does, so that no server outlives a job): the five compilations of a
# run then start the compiler once, not five times (a fresh clone's Build 25 s -> 18-22 s; in the test command the
# xunit build 14-17 s -> 6-8 s). This script shuts the server down before it ends (Stop-CompilerServer).
$script:CompilerServerStarted = $false
function Start-DotnetBuild([string] $What, [string[]] $Arguments, [string] $Stage) {
    # Warnings are errors here: the output matters only when the build fails.
    $arguments = @('build') + $Arguments + @('-c', $Configuration, "-p:Version=$(Get-ModuleVersion)", '-p:UseSharedCompilation=true', '--nologo', '-v', 'quiet')
    $script:CompilerServerStarted = $true
    [pscustomobject]@{ What = $What; Stage = $Stage; Started = [datetime]::Now; Child = Start-ChildProcess -FilePath dotnet -ArgumentList $arguments }
}

function Wait-DotnetBuild($Build) {
    $process = $Build.Child.Process
    $process.WaitForExit()
    if ($Build.Stage) { $Timings[$Build.Stage] = ($process.ExitTime - $Build.Started).TotalSeconds }
    if ($process.ExitCode -ne 0) {
        $Build.Child.Output.Result, $Build.Child.Error.Result | Out-Host
        throw "Building $($Build.What) failed (exit code $($process.ExitCode))."
    }
}

function Stop-DotnetBuild($Build) {
    if ($Build) { Stop-ChildProcess $Build.Child }
}

function Stop-CompilerServer {
    if (-not $script:CompilerServerStarted) { return }
    $null = & dotnet build-server shutdown --vbcscompiler 2>&1
}

# Builds the module into out/Mindhunters and the fake API into out/FakeApi. With -StartXunit, also starts building the
# xunit project and returns that build, for Wait-DotnetBuild: it goes on while the caller runs what needs only out/.
function Invoke-Build([switch] $StartXunit) {
    Write-Host "Building Mindhunters $(Get-ModuleVersion) ($Configuration)"
    Wait-DotnetBuild (Start-DotnetBuild 'the module' $ModuleBuildArguments)

    # The module folder holds what a user installs: no PowerShell assemblies (the host brings its own), no symbols.
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $null = New-Item -ItemType Directory $ModuleOut -Force
    Get-ChildItem (Join-Path $Root "src/Mindhunters/bin/$Configuration/netstandard2.0") -Filter *.dll |
        Where-Object Name -NotIn 'System.Management.Automation.dll' |
        Copy-Item -Destination $ModuleOut
    Copy-Item (Join-Path $Root 'Mindhunters.psd1'), (Join-Path $Root 'LICENSE') $ModuleOut
    Copy-Item (Join-Path $Root 'src/Mindhunters/Mindhunters.Format.ps1xml') $ModuleOut
    Copy-Item (Join-Path $Root 'src/Mindhunters/en-US') $ModuleOut -Recurse
    $fakeOut = Join-Path $Out 'FakeApi'
    if (Test-Path $fakeOut) { Remove-Item $fakeOut -Recurse -Force }
    Copy-Item (Join-Path $Root "tests/Mindhunters.FakeApi/bin/$Configuration/net10.0") $fakeOut -Recurse

    $xunitBuild = if ($StartXunit) { Start-DotnetBuild 'the xunit project' $XunitBuildArguments -Stage 'xunit build' }
    try {
        # The cmdlet help (MAML) from docs/en-US and the built cmdlets, in a fresh pwsh: this one never loads the module.
        Invoke-Native 'Generating the cmdlet help' {
            dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $Root 'tools/New-MamlHelp.ps1') -ModulePath (Join-Path $ModuleOut 'Mindhunters.psd1') -MarkdownPath (Join-Path $Root 'docs/en-US') | Out-Host
        }
    } catch {
        Stop-DotnetBuild $xunitBuild
        throw
    }
    Write-Host "Module: $ModuleOut"
    $xunitBuild
}

function Invoke-Package {
    $version = Get-ModuleVersion
    $nupkg = Join-Path $Out "Mindhunters.$version.nupkg"
    $zip = Join-Path $Out 'Mindhunters.zip'
    Remove-Item $nupkg, $zip -ErrorAction Ignore

    # The gallery's package, made the way the gallery gets it: Publish-PSResource into a (local, temporary) repository.
    $work = Join-Path ([IO.Path]::GetTempPath()) ('mindhunters-package-' + [guid]::NewGuid().ToString('N'))
    $repository = New-Item -ItemType Directory (Join-Path $work 'repository') -Force
    try {
        # In a throwaway HOME: registering the temporary repository never changes this machine's settings.
        $result = Invoke-ChildPwsh -Stream -Environment (New-IsolatedEnvironment -Path $work) -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name MindhuntersBuild -Uri '$repository' -Trusted
Publish-PSResource -Path '$ModuleOut' -Repository MindhuntersBuild -SkipDependenciesCheck
"@
        if ($result.ExitCode -ne 0) { throw "Publish-PSResource failed (exit code $($result.ExitCode))." }
        Move-Item (Join-Path $repository "Mindhunters.$version.nupkg") $nupkg
    } finally {
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    # Azure Automation imports a zip whose root holds the module folder.
    Compress-Archive -Path $ModuleOut -DestinationPath $zip
    Write-Host "Package: $nupkg"
    Write-Host "Zip:     $zip"
}

# Pester comes from NuGet: the restore runs beside the build, and says in its assets file where it put the package.
$PesterProject = Join-Path $Root 'tests/Pester/Pester.proj'
function Start-PesterRestore {
    Start-ChildProcess -FilePath dotnet -ArgumentList 'restore', $PesterProject, '--nologo', '-v', 'quiet'
}

function Get-PesterModulePath($Restore) {
    $Restore.Process.WaitForExit()
    if ($Restore.Process.ExitCode -ne 0) {
        $Restore.Output.Result, $Restore.Error.Result | Out-Host
        throw "Restoring Pester from NuGet failed (exit code $($Restore.Process.ExitCode))."
    }
    $pester = Find-RestoredPackageFile -ProjectPath $PesterProject -RelativePath "pester/$PesterVersion/tools/Pester.psd1"
    if (-not $pester) { throw "Pester $PesterVersion was not found in the package folders of $PesterProject after the restore." }
    $pester
}

function Get-PesterFile {
    $full = Join-Path $Root $Path
    if (-not (Test-Path $full)) { $full = $Path }
    if (-not (Test-Path $full)) { throw "-Path $Path is neither a Pester file nor a folder of them." }
    @(if (Test-Path $full -PathType Leaf) { (Resolve-Path $full).Path } else { (Get-ChildItem $full -Filter *.Tests.ps1 -Recurse).FullName })
}

# Runs $Runs (a scriptblock that returns run results) against one fake API process that every test shares through
# scopes (MINDHUNTERS_FAKE_API), then prints the summary and exits non-zero when anything failed.
function Invoke-Tests([scriptblock] $Runs) {
    $null = New-Item -ItemType Directory $ResultsDir -Force
    $fake = Start-FakeApiProcess
    $env:MINDHUNTERS_FAKE_API = $fake.Root
    try {
        $results = @(Measure-Stage 'tests' $Runs)
    } finally {
        Stop-FakeApiProcess $fake
        Remove-Item Env:MINDHUNTERS_FAKE_API
    }
    $stages = ($Timings.GetEnumerator() | ForEach-Object { '{0} {1:N0} s' -f $_.Key, $_.Value }) -join ', '
    if ($stages) { Write-Host "`nStages: $stages" }
    if (-not (Write-TestSummary $results)) { exit 1 }
}

function Invoke-Demo {
    $result = Invoke-ChildPwsh -Stream -Script "& '$(Join-Path $Root 'tools/Demo.ps1')'"
    if ($result.ExitCode -ne 0) { throw "The demo failed (exit code $($result.ExitCode))." }
}

try {
    switch ($Task) {
        'Bootstrap' { Assert-NetFrameworkRuntime -LogPath (Join-Path $Out 'mono-install.log') }
        'Build' { Wait-DotnetBuild (Invoke-Build -StartXunit) }
        'UnitTest' {
            $frameworks = if ($Framework) { @($Framework) } else { $XunitFrameworks }
            if ($frameworks -contains 'net472') { Assert-NetFrameworkRuntime -LogPath (Join-Path $Out 'mono-install.log') }
            Wait-DotnetBuild (Invoke-Build -StartXunit)
            Invoke-Tests { foreach ($f in $frameworks) { Invoke-XunitRun $Root $Configuration $f $ResultsDir } }
        }
        'Pester' {
            $files = Get-PesterFile
            $restore = Start-PesterRestore
            Invoke-Build
            if ($files | Where-Object { $_ -like '*Package.Tests.ps1' }) { Invoke-Package }
            $pester = Get-PesterModulePath $restore
            Invoke-Tests { Invoke-PesterRun -PesterPath $pester -Files $files -ResultsDir $ResultsDir -Hint $PesterDurationsHint }
        }
        'Test' {
            # First: a missing runtime fails the run before minutes of building.
            Assert-NetFrameworkRuntime -LogPath (Join-Path $Out 'mono-install.log')
            $restore = Start-PesterRestore
            $xunitBuild = Measure-Stage 'build' { Invoke-Build -StartXunit }
            try {
                # The package too: Package.Tests.ps1 installs it the way users do.
                Measure-Stage 'package' { Invoke-Package }
                $pester = Get-PesterModulePath $restore
            } catch {
                Stop-DotnetBuild $xunitBuild
                throw
            }
            Invoke-Tests {
                # The Pester files start first, as they take the longest; their workers spend much of their time
                # waiting (timeouts, retry waits, fresh processes starting): the xunit project builds meanwhile, then
                # runs on both targets one after the other.
                $pesterRun = Start-PesterRun -PesterPath $pester -Files (Get-PesterFile) -ResultsDir $ResultsDir -Hint $PesterDurationsHint
                try {
                    Wait-DotnetBuild $xunitBuild
                } catch {
                    Stop-PesterRun $pesterRun
                    Write-Host 'The Pester run was stopped: the xunit project did not build.'
                    throw
                }
                foreach ($f in $XunitFrameworks) { Invoke-XunitRun $Root $Configuration $f $ResultsDir }
                Complete-PesterRun $pesterRun
            }
        }
        'Package' { Invoke-Build; Invoke-Package }
        'Demo' { Invoke-Build; Invoke-Demo }
        'Shell' { Invoke-Build; Enter-FakeApiShell -ModulePath (Join-Path $ModuleOut 'Mindhunters.psd1') }
        'Bench' { Invoke-Build; & (Join-Path $Root 'tools/Bench/Invoke-Benchmark.ps1') -OutFile (Join-Path $Out 'bench.md') }
        'Clean' {
            Remove-Item $Out -Recurse -Force -ErrorAction Ignore
            Get-ChildItem $Root -Directory -Recurse -Include bin, obj | Where-Object FullName -NotLike '*/.git/*' | Remove-Item -Recurse -Force
            Write-Host 'Removed out/ and every bin/ and obj/.'
        }
    }
} finally {
    Stop-CompilerServer
    foreach ($name in $SavedSettings.Keys) { [Environment]::SetEnvironmentVariable($name, $SavedSettings[$name]) }
}
