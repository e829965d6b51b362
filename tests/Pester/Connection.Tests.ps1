# Connect-MhAccount, Disconnect-MhAccount, Get-MhContext and the runbook's MIHU_* variables.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:api = Start-FakeApi -Count 30 -Token 'conn-token'
    $script:secure = ConvertTo-SecureString 'conn-token' -AsPlainText -Force
    $script:saved = @{ T = $env:MIHU_TENANT; A = $env:MIHU_API_TOKEN; B = $env:MIHU_BASE_URI }
    Remove-Item Env:MIHU_TENANT, Env:MIHU_API_TOKEN, Env:MIHU_BASE_URI -ErrorAction SilentlyContinue
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
    $env:MIHU_TENANT = $saved.T; $env:MIHU_API_TOKEN = $saved.A; $env:MIHU_BASE_URI = $saved.B
}

Describe 'Connect-MhAccount and Get-MhContext' {
    AfterEach { Disconnect-MhAccount }

    It 'connects without a request and shows the context, never the token' {
        Clear-FakeApiRequest $api
        $context = Connect-MhAccount -Subdomain acme -Token $secure -BaseUri $api.BaseUri -PassThru
        @(Get-FakeApiRequest $api).Count | Should -Be 0
        $context | Should -BeOfType ([Mindhunters.Model.MhContext])
        $shown = Get-MhContext
        $shown.Subdomain | Should -Be 'acme'
        $shown.BaseUri | Should -Be "$($api.BaseUri)/"
        $shown.TokenSource | Should -Be 'Connect-MhAccount'
        $shown.TimeoutSec | Should -Be 100
        ($shown | Format-List * | Out-String) | Should -Not -Match 'conn-token'
        $shown.PSObject.Properties.Name | Should -Not -Contain 'Token'
    }

    It 'defaults the base URI to https://<subdomain>.mindhunters.ai' {
        Connect-MhAccount -Subdomain acme -Token $secure
        (Get-MhContext).BaseUri | Should -Be 'https://acme.mindhunters.ai/'
    }

    It 'takes -TimeoutSec' {
        Connect-MhAccount -Subdomain acme -Token $secure -TimeoutSec 5
        (Get-MhContext).TimeoutSec | Should -Be 5
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a subdomain with dots'; Subdomain = 'acme.evil.com'; BaseUri = $null }
        @{ Case = 'plain http to a remote host'; Subdomain = 'acme'; BaseUri = 'http://acme.example.com' }
        @{ Case = 'user info in the base URI'; Subdomain = 'acme'; BaseUri = 'https://me:pw@acme.mindhunters.ai' }
    ) {
        $p = @{ Subdomain = $Subdomain; Token = $secure }
        if ($BaseUri) { $p.BaseUri = $BaseUri }
        { Connect-MhAccount @p } | Should -Throw -ErrorId 'MhInvalidConnection,Mindhunters.Commands.ConnectMhAccountCommand'
        { Get-MhContext } | Should -Throw -ErrorId 'MhNotConnected,Mindhunters.Commands.GetMhContextCommand'
    }

    It 'Disconnect-MhAccount forgets the connection' {
        Connect-MhAccount -Subdomain acme -Token $secure -BaseUri $api.BaseUri
        Disconnect-MhAccount
        { Get-MhContext } | Should -Throw -ExpectedMessage '*Not connected*'
        # Nothing can work without a connection: a terminating error, whatever -ErrorAction says.
        $err = $null
        try { Get-MhPhoneNumber -ErrorAction SilentlyContinue } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'MhNotConnected,*'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-MhAccount'
        $err.ErrorDetails.RecommendedAction | Should -Match 'MIHU_TENANT'
    }
}

Describe 'A runbook with MIHU_* variables only' {
    It 'lists numbers in a fresh process with no Connect-MhAccount' {
        $result = Invoke-ChildPwsh -Environment @{ MIHU_TENANT = 'runbook'; MIHU_API_TOKEN = 'conn-token'; MIHU_BASE_URI = $api.BaseUri } -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-BuiltModulePath)'
`$c = Get-MhContext
"context=`$(`$c.Subdomain)|`$(`$c.TokenSource)"
"count=`$(@(Get-MhPhoneNumber).Count)"
"@
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Contain 'context=runbook|Environment'
        $result.Output | Should -Contain 'count=27'
    }

    It 'fails clearly when only one variable is set' {
        $result = Invoke-ChildPwsh -Environment @{ MIHU_TENANT = 'runbook'; MIHU_API_TOKEN = ''; MIHU_BASE_URI = $api.BaseUri } -Script @"
Import-Module '$(Get-BuiltModulePath)'
try { Get-MhPhoneNumber -ErrorAction Stop } catch { "id=`$(`$_.FullyQualifiedErrorId)"; "msg=`$(`$_.Exception.Message)" }
"@
        $result.Output | Should -Contain 'id=MhNotConnected,Mindhunters.Commands.GetMhPhoneNumberCommand'
        ($result.Output -join "`n") | Should -Match 'MIHU_API_TOKEN is not set'
    }

    It 'prefers the Connect-MhAccount connection over the environment' {
        $env:MIHU_TENANT = 'fromenv'; $env:MIHU_API_TOKEN = 'x'
        try {
            Connect-MhAccount -Subdomain fromconnect -Token $secure -BaseUri $api.BaseUri
            (Get-MhContext).Subdomain | Should -Be 'fromconnect'
            Disconnect-MhAccount
            (Get-MhContext).Subdomain | Should -Be 'fromenv'
            (Get-MhContext).TokenSource | Should -Be 'Environment'
        } finally {
            Remove-Item Env:MIHU_TENANT, Env:MIHU_API_TOKEN -ErrorAction SilentlyContinue
        }
    }
}
