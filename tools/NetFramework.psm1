# The .NET Framework runtime the net472 tests need (build.ps1 -Task Bootstrap): Windows has one; elsewhere it is Mono,
# installed here when it is missing (Debian/Ubuntu, as root), or a clear failure. mono-devel, not just mono-runtime:
# the netstandard facade that a netstandard2.0 library needs on Mono comes only with it.

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
    param([Parameter(Mandatory)] [string] $LogPath)
    if ($IsWindows) { return }
    if (Test-MonoForNetStandard) { return }
    $apt = Get-Command apt-get -CommandType Application -ErrorAction Ignore
    $isRoot = (& id -u) -eq '0'
    if (-not $apt -or -not $isRoot) {
        throw ("The net472 tests run under Mono, which is not installed (or lacks lib/mono/4.5/Facades/netstandard.dll), and it cannot be installed here " +
            "(needs apt-get and root). Install it (Debian/Ubuntu: apt-get install mono-devel; macOS: brew install mono), then run the tests again.")
    }
    Write-Host "Mono (with its netstandard facade) is missing: installing mono-devel with apt-get for the net472 tests (about 50 MB, a few minutes; log: $LogPath)."
    $null = New-Item -ItemType Directory (Split-Path $LogPath) -Force
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $env:DEBIAN_FRONTEND = 'noninteractive'
    # Waits for the package lock rather than failing while another install on the machine holds it.
    & apt-get -o DPkg::Lock::Timeout=300 update *> $LogPath
    & apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends mono-devel *>> $LogPath
    $exit = $LASTEXITCODE
    if ($exit -ne 0 -or -not (Test-MonoForNetStandard)) {
        Get-Content $LogPath -Tail 20 | Out-Host
        throw "Installing Mono failed (apt-get exit code $exit; log: $LogPath): the net472 tests cannot run. Install mono-devel by hand, then run the tests again."
    }
    Write-Host ("Mono installed in {0:N0} s: {1}" -f $watch.Elapsed.TotalSeconds, ((& mono --version) | Select-Object -First 1))
}

Export-ModuleMember -Function Assert-NetFrameworkRuntime
