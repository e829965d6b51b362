# Fresh pwsh processes for the build, the demo, the shell, the benchmark and the tests: a child that runs a script, a
# throwaway HOME for it, and a prompt with the built module connected to the fake API.

$script:RepoRoot = Split-Path $PSScriptRoot -Parent
Import-Module (Join-Path $PSScriptRoot 'FakeApi.psm1')

# The built module's manifest: what build.ps1 produced, never src/.
function Get-BuiltModulePath {
    Join-Path $script:RepoRoot 'out/Mindhunters/Mindhunters.psd1'
}

# Runs a script in a new pwsh process (the same PowerShell as this one, run directly rather than through the
# dotnet tool lookup, which needs the real HOME). Environment variables set here are inherited; -Environment adds
# or overrides some for the child only. Returns the exit code and the output lines; with -Stream the output goes
# straight to this console instead (long runs).
function Invoke-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string[]] $ExtraArgument = @(),
        [switch] $Stream,
        # 0: wait as long as it takes; otherwise the child is killed and this throws.
        [int] $TimeoutSec = 0
    )
    $child = Start-ChildPwsh -Script $Script -Environment $Environment -ExtraArgument $ExtraArgument -Stream:$Stream
    $process = $child.Process
    try {
        if ($TimeoutSec -gt 0 -and -not $process.WaitForExit($TimeoutSec * 1000)) {
            $process.Kill($true)
            throw "A child pwsh did not finish within $TimeoutSec s."
        }
        $process.WaitForExit()
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Output   = @(if ($child.Output) { $child.Output.Result -split "`r?`n" | Where-Object { $_ -ne '' } })
            Error    = if ($child.Error) { $child.Error.Result } else { '' }
        }
    } finally {
        $process.Dispose()
    }
}

# Starts a child pwsh and returns at once: its Process and, unless -Stream, the tasks that read its Output and Error
# to their end (so it never blocks on a full pipe). Invoke-ChildPwsh waits for one; build.ps1 runs several side by side.
function Start-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string[]] $ExtraArgument = @(),
        [switch] $Stream
    )
    $arguments = @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-OutputFormat', 'Text') + $ExtraArgument +
        @('-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script)))
    Start-ChildProcess -FilePath dotnet -ArgumentList $arguments -Environment $Environment -Stream:$Stream
}

# Starts any program (dotnet build, dotnet restore, a pwsh) in the repository's root and returns at once, as
# Start-ChildPwsh does: build.ps1 builds the xunit project while the Pester files run.
function Start-ChildProcess {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [hashtable] $Environment = @{},
        [switch] $Stream
    )
    $info = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($a in $ArgumentList) { $info.ArgumentList.Add($a) }
    foreach ($name in $Environment.Keys) { $info.Environment[$name] = [string]$Environment[$name] }
    $info.RedirectStandardOutput = -not $Stream
    $info.RedirectStandardError = -not $Stream
    $info.UseShellExecute = $false
    $info.WorkingDirectory = $script:RepoRoot
    $process = [System.Diagnostics.Process]::Start($info)
    [pscustomobject]@{
        Process = $process
        Output  = if ($Stream) { $null } else { $process.StandardOutput.ReadToEndAsync() }
        Error   = if ($Stream) { $null } else { $process.StandardError.ReadToEndAsync() }
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

# A pwsh prompt with the built module imported and connected (through the MIHU_* variables) to a scope of the fake
# API of its own, for trying the module without a workspace; the scope is dropped when the prompt exits.
# build.ps1 -Task Shell runs it. -Command runs that command instead of a prompt and returns its output (for the tests).
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

# Runs a script in a pwsh that reads its answers from standard input, as a person at the console types them: for
# -Confirm. Each of -Answer is one line, for one prompt. Returns the exit code, the output (prompts included) and
# the error text.
function Invoke-AnsweringPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [Parameter(Mandatory)] [string[]] $Answer,
        [hashtable] $Environment = @{},
        [int] $TimeoutSec = 120
    )
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-Command', '-')) { $info.ArgumentList.Add($a) }
    foreach ($name in $Environment.Keys) { $info.Environment[$name] = [string]$Environment[$name] }
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    try {
        $outputRead = $process.StandardOutput.ReadToEndAsync()
        $errorRead = $process.StandardError.ReadToEndAsync()
        # With -Command -, pwsh reads the script and then the prompts' answers from standard input, line by line.
        $process.StandardInput.WriteLine("Import-Module '$(Get-BuiltModulePath)'; $Script")
        foreach ($line in $Answer) { $process.StandardInput.WriteLine($line) }
        $process.StandardInput.Close()
        if (-not $process.WaitForExit($TimeoutSec * 1000)) { $process.Kill($true); throw "The answering pwsh did not finish within $TimeoutSec s." }
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $outputRead.Result; Error = $errorRead.Result }
    } finally {
        $process.Dispose()
    }
}

# Ends a child of Start-ChildProcess or Start-ChildPwsh and whatever it started, if it is still running.
function Stop-ChildProcess {
    param([Parameter(Mandatory)] $Child)
    if (-not $Child.Process.HasExited) { try { $Child.Process.Kill($true) } catch { } }
}

Export-ModuleMember -Function Get-BuiltModulePath, Invoke-ChildPwsh, Start-ChildPwsh, Start-ChildProcess, Stop-ChildProcess, Invoke-AnsweringPwsh, New-IsolatedEnvironment, Enter-FakeApiShell
