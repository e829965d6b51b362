# build.ps1 -Task Demo: the built module against a scope of the local fake API, used the way a runbook uses it (no
# Connect-MhAccount, only the MIHU_* variables), then previews of two changes with -WhatIf: a channel setting, and
# binding a number to the support agent.
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'FakeApi.psm1')
Import-Module (Join-Path $PSScriptRoot 'ChildPwsh.psm1')
$api = Start-FakeApi -Count 250 -Token 'demo-token'
try {
    $env:MIHU_TENANT = 'demo'
    $env:MIHU_API_TOKEN = $api.Token
    $env:MIHU_BASE_URI = $api.BaseUri
    Import-Module (Get-BuiltModulePath)
    Write-Host "Fake Mindhunters API at $($api.BaseUri) with $($api.Count) numbers`n"
    # The views are made for a 120-column console; say so, whatever terminal runs the demo.
    function Show { $input | Out-String -Width 120 | Write-Host }
    Write-Host '> Get-MhContext'
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
    Write-Host "> `$supportDesk = Get-MhAgent -Name 'Support Desk'"
    $supportDesk = Get-MhAgent -Name 'Support Desk'
    Write-Host "> Get-MhPhoneNumber | Where-Object CallAgentName -EQ 'Agent 3' | Select-Object -First 2 | Set-MhPhoneNumberBinding -AgentUuid `$supportDesk.AgentUuid -Channel Call -WhatIf"
    Get-MhPhoneNumber | Where-Object CallAgentName -EQ 'Agent 3' | Select-Object -First 2 | Set-MhPhoneNumberBinding -AgentUuid $supportDesk.AgentUuid -Channel Call -WhatIf
    Write-Host ''
    Write-Host "Requests made: $(@(Get-FakeApiRequest $api).Count), none of them a change: $(@(Get-FakeApiRequest $api | Where-Object method -NE 'GET').Count) POST, PUT, PATCH or DELETE"
} finally {
    Stop-FakeApi $api
}
