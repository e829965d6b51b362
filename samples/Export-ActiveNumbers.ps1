<#
.SYNOPSIS
    Runbook: exports the workspace's active phone numbers to a CSV file.
.DESCRIPTION
    Made for unattended runs (Azure Automation, CI pipelines, scheduled tasks): it reads the connection from the
    MIHU_TENANT and MIHU_API_TOKEN environment variables (and MIHU_BASE_URI, when set), never prompts, and exits
    with 1 on any failure, after writing the error, so the scheduler marks the run failed.
.EXAMPLE
    $env:MIHU_TENANT = 'acme'; $env:MIHU_API_TOKEN = '<token>'
    pwsh -NonInteractive -File ./samples/Export-ActiveNumbers.ps1 -Path ./active-numbers.csv
#>
[CmdletBinding()]
param(
    [string] $Path = (Join-Path (Get-Location) 'active-numbers.csv')
)

$ErrorActionPreference = 'Stop'
try {
    Import-Module Mindhunters
    $count = 0
    Get-MhPhoneNumber -Status active |
        ForEach-Object { $count++; $_ } |
        Select-Object Number, CountryCode, Type, Status, Capabilities, Billing, Bindings, Compliance, PurchasedAt |
        Export-Csv -Path $Path -NoTypeInformation -Encoding utf8
    Write-Output "Exported $count active phone numbers to $Path."
    exit 0
} catch {
    Write-Error -ErrorRecord $_ -ErrorAction Continue
    exit 1
}
