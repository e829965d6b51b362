<#
.SYNOPSIS
    Runbook: exports the workspace's active phone numbers to a CSV file.
.DESCRIPTION
    Made for unattended runs (Azure Automation, CI pipelines, scheduled tasks): it reads the connection from the
    MIHU_TENANT and MIHU_API_TOKEN environment variables (and MIHU_BASE_URI, when set), never prompts, and exits
    with 1 on any failure, after writing the error, so the scheduler marks the run failed.

    The CSV is written to a temporary file next to -Path and moved into place only when the whole listing
    succeeded: a failed run leaves no file behind (and an earlier file as it was), so a later step never takes a
    failure for "no numbers". When no number is active, the file holds the header line only.

    Run from a clone of the repository, it uses the module built into out/Mindhunters (./build.ps1 -Task Build);
    anywhere else it imports the installed Mindhunters module by name.

    The columns: Number, CountryCode, Type, Status, Capabilities, MonthlyFee (a number a spreadsheet can sum),
    Currency, CallAgentName, Bindings, Compliance, PurchasedAt.
.EXAMPLE
    # From a clone, after: dotnet tool restore && dotnet pwsh ./build.ps1 -Task Build
    $env:MIHU_TENANT = 'acme'; $env:MIHU_API_TOKEN = '<token>'
    pwsh -NonInteractive -File ./samples/Export-ActiveNumbers.ps1 -Path ./active-numbers.csv
#>
[CmdletBinding()]
param(
    [string] $Path = (Join-Path (Get-Location) 'active-numbers.csv')
)

$ErrorActionPreference = 'Stop'
$temporary = $null
try {
    # In a clone the module is built next to this script and is on no module path; elsewhere it is installed.
    $built = Join-Path $PSScriptRoot '../out/Mindhunters/Mindhunters.psd1'
    if (Test-Path -LiteralPath $built) { Import-Module $built } else { Import-Module Mindhunters }

    $Path = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
    # In the same folder, so the final move is a rename and never leaves half a file at $Path.
    $temporary = Join-Path (Split-Path -Parent $Path) ('.' + (Split-Path -Leaf $Path) + '.' + [guid]::NewGuid().ToString('N') + '.tmp')
    $columns = 'Number', 'CountryCode', 'Type', 'Status', 'Capabilities', 'MonthlyFee', 'Currency', 'CallAgentName', 'Bindings', 'Compliance', 'PurchasedAt'
    $count = 0
    Get-MhPhoneNumber -Status active |
        ForEach-Object { $count++; $_ } |
        Select-Object -Property $columns |
        Export-Csv -LiteralPath $temporary -NoTypeInformation -Encoding utf8
    if ($count -eq 0) {
        # Export-Csv writes nothing for no input: give the header, so "no active numbers" reads as such.
        Set-Content -LiteralPath $temporary -Value ('"' + ($columns -join '","') + '"') -Encoding utf8
    }
    Move-Item -LiteralPath $temporary -Destination $Path -Force
    $temporary = $null
    Write-Output "Exported $count active phone numbers to $Path."
    exit 0
} catch {
    Write-Error -ErrorRecord $_ -ErrorAction Continue
    exit 1
} finally {
    if ($temporary) { Remove-Item -LiteralPath $temporary -Force -ErrorAction Ignore }
}
