# Helpers for the Pester tests, the demo and the benchmark: the local fake Mindhunters API
# (tests/Mindhunters.FakeApi, built into out/FakeApi by build.ps1) as a child process on 127.0.0.1,
# and a fresh pwsh process for what must not share this one's state.

$script:RepoRoot = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent

function Start-FakeApi {
    [CmdletBinding()]
    param(
        [int] $Count = 250,
        [string] $Token = 'test-token',
        # Any further fake options, as on its command line: '--latency-ms', '50'
        [string[]] $ArgumentList = @()
    )
    $dll = Join-Path $script:RepoRoot 'out/FakeApi/Mindhunters.FakeApi.dll'
    if (-not (Test-Path $dll)) { throw "The fake API is not built: $dll is missing. Run ./build.ps1 -Task Build first." }

    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll, '--port', '0', '--count', "$Count", '--token', $Token) + $ArgumentList) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.RedirectStandardInput = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)

    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait([TimeSpan]::FromSeconds(30)) -or $null -eq $read.Result) {
        $errorText = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
        try { $process.Kill($true) } catch { }
        throw "The fake API did not start within 30 s. $errorText"
    }
    if ($read.Result -notmatch 'listening on (http://\S+)') {
        try { $process.Kill($true) } catch { }
        throw "The fake API printed '$($read.Result)' instead of its address."
    }
    # Keep draining its output so it can never block on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()

    [pscustomobject]@{
        PSTypeName = 'Mindhunters.Tests.FakeApi'
        BaseUri    = $Matches[1].TrimEnd('/')
        Token      = $Token
        Count      = $Count
        Process    = $process
    }
}

function Stop-FakeApi {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] $Api)
    process {
        if ($Api -and $Api.Process -and -not $Api.Process.HasExited) {
            try { $Api.Process.Kill($true) } catch { }
            $null = $Api.Process.WaitForExit(10000)
        }
    }
}

# The requests the fake API received (of every /api/v1/... endpoint), oldest first; a PATCH also has content_type and body.
function Get-FakeApiRequest {
    param([Parameter(Mandatory)] $Api)
    # Invoke-RestMethod writes a JSON array as one object; enumerate it, so [] gives nothing at all.
    $requests = Invoke-RestMethod -Uri "$($Api.BaseUri)/_fake/requests" -Method Get
    $requests | ForEach-Object { $_ }
}

function Clear-FakeApiRequest {
    param([Parameter(Mandatory)] $Api)
    $null = Invoke-RestMethod -Uri "$($Api.BaseUri)/_fake/requests" -Method Delete
}

# Forgets what PATCH requests changed: every number has its computed channel settings again.
function Reset-FakeApiChannelSetting {
    param([Parameter(Mandatory)] $Api)
    $null = Invoke-RestMethod -Uri "$($Api.BaseUri)/_fake/channel-settings" -Method Delete
}

# Replaces the fake's fault settings: Set-FakeApiFault $api @{ fail_5xx = 2; fail_status = 503 }; no hashtable resets them.
function Set-FakeApiFault {
    param([Parameter(Mandatory)] $Api, [hashtable] $Fault)
    if ($Fault) {
        $null = Invoke-RestMethod -Uri "$($Api.BaseUri)/_fake/faults" -Method Post -ContentType 'application/json' -Body ($Fault | ConvertTo-Json)
    } else {
        $null = Invoke-RestMethod -Uri "$($Api.BaseUri)/_fake/faults" -Method Delete
    }
}

# The built module's manifest: tests always import what build.ps1 produced, never src/.
function Get-BuiltModulePath {
    Join-Path $script:RepoRoot 'out/Mindhunters/Mindhunters.psd1'
}

# Runs a script in a new pwsh process (the same PowerShell as this one, run directly rather than through the
# dotnet tool lookup, which needs the real HOME). Environment variables set here are inherited; -Environment adds
# or overrides some for the child only. Returns the exit code and the output lines; with -Stream the output goes
# straight to this console instead (long runs, such as the Pester run of build.ps1).
function Invoke-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string[]] $ExtraArgument = @(),
        [switch] $Stream,
        # 0: wait as long as it takes; otherwise the child is killed and this throws.
        [int] $TimeoutSec = 0
    )
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $info.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll'))
    $arguments = @('-NoProfile', '-NonInteractive', '-OutputFormat', 'Text') + $ExtraArgument +
        @('-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script)))
    foreach ($a in $arguments) { $info.ArgumentList.Add($a) }
    foreach ($name in $Environment.Keys) { $info.Environment[$name] = [string]$Environment[$name] }
    $info.RedirectStandardOutput = -not $Stream
    $info.RedirectStandardError = -not $Stream
    $info.UseShellExecute = $false
    $info.WorkingDirectory = $script:RepoRoot
    $process = [System.Diagnostics.Process]::Start($info)
    try {
        $outputRead = if ($Stream) { $null } else { $process.StandardOutput.ReadToEndAsync() }
        $errorRead = if ($Stream) { $null } else { $process.StandardError.ReadToEndAsync() }
        if ($TimeoutSec -gt 0 -and -not $process.WaitForExit($TimeoutSec * 1000)) {
            $process.Kill($true)
            throw "A child pwsh did not finish within $TimeoutSec s."
        }
        $process.WaitForExit()
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Output   = @(if ($outputRead) { $outputRead.Result -split "`r?`n" | Where-Object { $_ -ne '' } })
            Error    = if ($errorRead) { $errorRead.Result } else { '' }
        }
    } finally {
        $process.Dispose()
    }
}

# Environment variables for a child process whose HOME and per-user folders are a new folder below $Path, so
# registering a repository or installing a module there never changes this machine's settings.
function New-IsolatedEnvironment {
    param([Parameter(Mandatory)] [string] $Path)
    $isolated = Join-Path $Path ([guid]::NewGuid().ToString('N'))
    $environment = @{
        HOME = $isolated; USERPROFILE = $isolated
        XDG_DATA_HOME = "$isolated/.local/share"; XDG_CONFIG_HOME = "$isolated/.config"; XDG_CACHE_HOME = "$isolated/.cache"
        LOCALAPPDATA = "$isolated/AppData/Local"; APPDATA = "$isolated/AppData/Roaming"
    }
    # Each folder must exist: .NET reports a missing one as "", and PSResourceGet would then write below the current directory.
    foreach ($folder in $environment.Values) { $null = New-Item -ItemType Directory $folder -Force }
    $environment
}

# A pwsh prompt with the built module imported and connected (through the MIHU_* variables) to a fake API of its
# own, for trying the module without a workspace; the API stops when the prompt exits. build.ps1 -Task Shell runs it.
# -Command runs that command instead of a prompt and returns its output (for the tests).
function Enter-FakeApiShell {
    [CmdletBinding()]
    param(
        [string] $ModulePath = (Get-BuiltModulePath),
        [int] $Count = 250,
        [string] $Command
    )
    $api = Start-FakeApi -Count $Count -Token 'shell-token'
    $saved = @{ MIHU_TENANT = $env:MIHU_TENANT; MIHU_API_TOKEN = $env:MIHU_API_TOKEN; MIHU_BASE_URI = $env:MIHU_BASE_URI }
    try {
        # The child inherits these; they are put back afterwards, so this session is left as it was.
        $env:MIHU_TENANT = 'demo'; $env:MIHU_API_TOKEN = $api.Token; $env:MIHU_BASE_URI = $api.BaseUri
        $init = @"
Import-Module '$($ModulePath -replace "'", "''")'
Write-Host "Mindhunters is imported and connected to a local fake API at `$env:MIHU_BASE_URI ($Count numbers; token '$($api.Token)' in MIHU_API_TOKEN)."
Write-Host 'Try: Get-MhContext; Get-MhPhoneNumber -Status active -CountryCode us; Get-Help about_Mindhunters. Type exit to stop the API and leave.'
"@
        $script = if ($Command) { "$init`n$Command" } else { $init }
        $arguments = @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NoLogo', '-OutputFormat', 'Text') +
            @(if ($Command) { '-NonInteractive' } else { '-NoExit' }) +
            @('-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script)))
        # A native call, not Process.Start: the prompt gets this console, and Ctrl+C goes to it.
        & dotnet @arguments
    } finally {
        Stop-FakeApi $api
        foreach ($name in $saved.Keys) { Set-Item "Env:$name" $saved[$name] }
    }
}

# Waits until $Condition is true, for at most $TimeoutSec; the caller asserts what it needs afterwards.
function Wait-Until {
    param([Parameter(Mandatory)] [scriptblock] $Condition, [int] $TimeoutSec = 30)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not (& $Condition) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
}

Export-ModuleMember -Function Enter-FakeApiShell, Start-FakeApi, Stop-FakeApi, Get-FakeApiRequest, Clear-FakeApiRequest, Reset-FakeApiChannelSetting, Set-FakeApiFault, Get-BuiltModulePath, Invoke-ChildPwsh, New-IsolatedEnvironment, Wait-Until
