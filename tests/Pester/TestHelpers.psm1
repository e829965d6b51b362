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

# The requests the fake API received (of /api/v1/phone-numbers), oldest first.
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

# Runs a script in a new pwsh process (the same PowerShell as this one) and returns its output lines.
# Environment variables set here are inherited; -Environment adds or overrides some for the child only.
function Invoke-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string[]] $ExtraArgument = @()
    )
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $info.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll'))
    foreach ($a in @('-NoProfile', '-NonInteractive') + $ExtraArgument + @('-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script)))) {
        $info.ArgumentList.Add($a)
    }
    foreach ($name in $Environment.Keys) { $info.Environment[$name] = [string]$Environment[$name] }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $info.WorkingDirectory = $script:RepoRoot
    $process = [System.Diagnostics.Process]::Start($info)
    $stderr = $process.StandardError.ReadToEndAsync()
    $stdout = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    [pscustomobject]@{
        ExitCode = $process.ExitCode
        Output   = @($stdout -split "`r?`n" | Where-Object { $_ -ne '' })
        Error    = $stderr.Result
    }
}

Export-ModuleMember -Function Start-FakeApi, Stop-FakeApi, Get-FakeApiRequest, Clear-FakeApiRequest, Set-FakeApiFault, Get-BuiltModulePath, Invoke-ChildPwsh
