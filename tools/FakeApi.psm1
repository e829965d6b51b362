# The local fake Mindhunters API (tests/Mindhunters.FakeApi, built into out/FakeApi by build.ps1) for the Pester tests,
# the demo, the shell and the benchmark. One process serves a whole run; each user of it gets a scope of its own
# (Start-FakeApi): a base URI http://127.0.0.1:{port}/s/{id} with its own data set, token, faults and request log.
# MINDHUNTERS_FAKE_API names the running process (its root, http://127.0.0.1:{port}/): build.ps1 sets it for the run;
# without it, the first Start-FakeApi of a session starts one, names it there for the session and its children, and
# it ends with the session.

$script:RepoRoot = Split-Path $PSScriptRoot -Parent
$script:AddressVariable = 'MINDHUNTERS_FAKE_API'

# Starts a fake API process of its own and returns its root and the process. It exits when the end of its standard
# input held here closes: with this process, however it ends, or at Stop-FakeApiProcess.
function Start-FakeApiProcess {
    [CmdletBinding()]
    param(
        # Options of the root scope, as on its command line: '--latency-ms', '50' (dotnet out/FakeApi/Mindhunters.FakeApi.dll --help)
        [string[]] $ArgumentList = @()
    )
    $dll = Join-Path $script:RepoRoot 'out/FakeApi/Mindhunters.FakeApi.dll'
    if (-not (Test-Path $dll)) { throw "The fake API is not built: $dll is missing. Run ./build.ps1 -Task Build first." }

    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll, '--port', '0', '--stdin-watch') + $ArgumentList) { $info.ArgumentList.Add($a) }
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
    [pscustomobject]@{ Root = $Matches[1].TrimEnd('/') + '/'; Process = $process }
}

function Stop-FakeApiProcess {
    param([Parameter(Mandatory)] $FakeApi)
    $process = $FakeApi.Process
    if ($process.HasExited) { return }
    try { $process.StandardInput.Close() } catch { }
    if (-not $process.WaitForExit(5000)) { try { $process.Kill($true) } catch { } }
}

# The root of the fake API this session uses: MINDHUNTERS_FAKE_API, or a process started now (once per session).
function Get-FakeApiRoot {
    $root = [Environment]::GetEnvironmentVariable($script:AddressVariable)
    if ($root) { return $root }
    $fake = Start-FakeApiProcess
    # Kept where a re-import of this module cannot drop it: losing the process object would close its standard input.
    [AppDomain]::CurrentDomain.SetData('Mindhunters.FakeApi.Process', $fake.Process)
    [Environment]::SetEnvironmentVariable($script:AddressVariable, $fake.Root)
    $fake.Root
}

# A new scope of the fake API: an object with BaseUri (no trailing '/'), Token, Count and the serving Process.
function Start-FakeApi {
    [CmdletBinding()]
    param(
        [int] $Count = 250,
        [string] $Token = 'test-token',
        # Any further settings of the scope, as on the fake's command line: '--agent-count', '250', '--latency-ms', '50'
        [string[]] $ArgumentList = @()
    )
    $root = Get-FakeApiRoot
    $settings = @{ count = $Count; token = $Token; arguments = @($ArgumentList) } | ConvertTo-Json -Compress
    $scope = Invoke-RestMethod -Method Post -Uri "${root}_fake/scopes" -Body $settings -ContentType 'application/json'
    [pscustomobject]@{
        PSTypeName = 'Mindhunters.Tests.FakeApi'
        BaseUri    = $scope.base_uri.TrimEnd('/')
        Token      = $Token
        Count      = $Count
        Id         = $scope.id
        Root       = $root
        Process    = Get-Process -Id $scope.process_id
    }
}

# Drops the scope: its base URI answers 404 from now on. The process goes on serving the others.
function Stop-FakeApi {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] $Api)
    process {
        if ($Api) { $null = Invoke-RestMethod -Method Delete -Uri "$($Api.Root)_fake/scopes/$($Api.Id)" -SkipHttpErrorCheck }
    }
}

# The requests the scope received (of every /api/v1/... endpoint and hostile mode), oldest first, each with in_flight
# (the scope's requests being served when it arrived, itself included); a PATCH also has content_type and body.
function Get-FakeApiRequest {
    param([Parameter(Mandatory)] $Api)
    # Invoke-RestMethod writes a JSON array as one object; enumerate it, so [] gives nothing at all.
    Invoke-RestMethod -Uri "$($Api.BaseUri)/_fake/requests" -Method Get | ForEach-Object { $_ }
}

# How many of the scope's requests are being served now (from arrival to the end of the answer or the client leaving).
function Get-FakeApiInFlight {
    param([Parameter(Mandatory)] $Api)
    (Invoke-RestMethod -Uri "$($Api.BaseUri)/_fake/in-flight" -Method Get).count
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

# Replaces the scope's faults: Set-FakeApiFault $api @{ fail_5xx = 2; fail_status = 503 }; no hashtable turns them
# all off. The names are the fake's snake_case ones; an unknown name is refused (400), never ignored.
function Set-FakeApiFault {
    param([Parameter(Mandatory)] $Api, [hashtable] $Fault)
    if ($Fault) {
        $null = Invoke-RestMethod -Uri "$($Api.BaseUri)/_fake/faults" -Method Post -ContentType 'application/json' -Body ($Fault | ConvertTo-Json)
    } else {
        $null = Invoke-RestMethod -Uri "$($Api.BaseUri)/_fake/faults" -Method Delete
    }
}

# The base URI under which the scope serves hostile mode $Mode (tests/Mindhunters.FakeApi/HostileResponses.cs).
function Get-FakeApiHostileUri {
    param([Parameter(Mandatory)] $Api, [Parameter(Mandatory)] [string] $Mode)
    "$($Api.BaseUri)/hostile/$Mode/"
}

Export-ModuleMember -Function Start-FakeApiProcess, Stop-FakeApiProcess, Get-FakeApiRoot, Start-FakeApi, Stop-FakeApi,
    Get-FakeApiRequest, Get-FakeApiInFlight, Clear-FakeApiRequest, Reset-FakeApiChannelSetting, Set-FakeApiFault, Get-FakeApiHostileUri
