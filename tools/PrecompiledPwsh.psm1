# The PowerShell the test tasks run on: the pinned one, compiled ahead of time.
#
# The pinned PowerShell is a dotnet tool, whose assemblies are IL only, unlike the release packages users install,
# which are ReadyToRun. Every pwsh the tests start (the Pester workers, some thirty runbooks, installs, Ctrl+C cases)
# then JIT-compiles PowerShell itself first: measured on the 2-core machine, a fresh `pwsh -Command '$null = 1'` burns
# about 0.95 core-s as the tool ships and 0.45 once its main assemblies are ReadyToRun. The test tasks therefore run on
# a copy of the same PowerShell whose main assemblies crossgen2 (the SDK's ReadyToRun compiler, from NuGet) compiled:
# the same code, run as users' pwsh runs it. The copy is made once per machine, PowerShell version and .NET runtime
# (about 15 s, outside the clone, in the user's local application data); anything that keeps it from being made
# leaves the tests on the tool's own pwsh, with a line that says why.

Import-Module (Join-Path $PSScriptRoot 'RestoredPackage.psm1')

$script:Compiled = 'System.Management.Automation', 'pwsh', 'Microsoft.PowerShell.ConsoleHost', 'Microsoft.PowerShell.Commands.Utility',
    'Microsoft.PowerShell.Commands.Management', 'Microsoft.PowerShell.Security', 'Newtonsoft.Json'

function Get-PrecompiledPwsh {
    param([Parameter(Mandatory)] [string] $ProjectPath)
    $runtime = [Environment]::Version.ToString()
    $os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
    $rid = "$os-$([Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString().ToLowerInvariant())"
    # Without a home (some CI runners), the temp folder: never the clone.
    $base = [Environment]::GetFolderPath('LocalApplicationData')
    if (-not $base) { $base = [IO.Path]::GetTempPath() }
    $target = Join-Path $base "mindhunters-build/pwsh-$($PSVersionTable.PSVersion)-$rid-net$runtime-r2r"
    if (Test-Path (Join-Path $target 'made')) { return $target }
    try {
        Write-Host "Compiling PowerShell $($PSVersionTable.PSVersion) ahead of time for the tests, once for this machine: $target"
        $output = dotnet restore $ProjectPath --nologo -v quiet "-p:CrossgenRuntime=$runtime" "-p:CrossgenRid=$rid" 2>&1
        if ($LASTEXITCODE -ne 0) { throw "restoring crossgen2 $runtime for $rid failed: $output" }
        $package = "microsoft.netcore.app.crossgen2.$rid/$runtime"
        $tool = Find-RestoredPackageFile -ProjectPath $ProjectPath -RelativePath "$package/tools/crossgen2$(if ($IsWindows) { '.exe' })"
        if (-not $tool) { throw "crossgen2 is not where the restore put $package." }
        $framework = Split-Path ([object].Assembly.Location)
        $work = "$target.$PID"
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
        Copy-Item $PSHOME $work -Recurse
        foreach ($name in $script:Compiled) {
            $il = Join-Path $PSHOME "$name.dll"
            # In a response file: on Unix, pwsh would expand the references' wildcards into input files.
            $rsp = Join-Path $work "$name.rsp"
            Set-Content $rsp -Value $il, "--out:$(Join-Path $work "$name.dll")", "--reference:$(Join-Path $framework '*.dll')",
                "--reference:$(Join-Path $PSHOME '*.dll')", "--targetos:$os", "--targetarch:$(($rid -split '-')[1])", '-O'
            $output = & $tool "@$rsp" 2>&1
            Remove-Item $rsp
            if ($LASTEXITCODE -ne 0) { throw "crossgen2 failed on $name.dll: $output" }
        }
        $null = New-Item -ItemType File (Join-Path $work 'made')
        Remove-Item $target -Recurse -Force -ErrorAction Ignore
        Move-Item $work $target
        $target
    } catch {
        Write-Host "The tests run on the tool's own pwsh, not compiled ahead of time: $_"
        if ($work) { Remove-Item $work -Recurse -Force -ErrorAction Ignore }
        $null
    }
}

Export-ModuleMember -Function Get-PrecompiledPwsh
