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

    It 'connects with -SkipValidation without a request and shows the context, never the token' {
        Clear-FakeApiRequest $api
        $context = Connect-MhAccount -Subdomain acme -Token $secure -BaseUri $api.BaseUri -PassThru -SkipValidation
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
        Connect-MhAccount -Subdomain acme -Token $secure -SkipValidation
        (Get-MhContext).BaseUri | Should -Be 'https://acme.mindhunters.ai/'
    }

    It 'takes -TimeoutSec' {
        Connect-MhAccount -Subdomain acme -Token $secure -TimeoutSec 5 -SkipValidation
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
    BeforeAll {
        # Two runbooks one after another in one fresh pwsh (a pwsh costs about 2 core-seconds to start). The one with an
        # empty MIHU_API_TOKEN goes first, as the process starts with it (.NET cannot set an empty variable later); it
        # stores no connection, so the second still lists with no Connect-MhAccount ever run in the process.
        $script:runbooks = Invoke-ChildPwshSection -Environment @{ MIHU_TENANT = 'runbook'; MIHU_API_TOKEN = ''; MIHU_BASE_URI = $api.BaseUri } -Section ([ordered]@{
                'one-variable' = @"
Import-Module '$(Get-BuiltModulePath)'
try { Get-MhPhoneNumber -ErrorAction Stop } catch { "id=`$(`$_.FullyQualifiedErrorId)"; "msg=`$(`$_.Exception.Message)" }
"@
                listing        = @{ Environment = @{ MIHU_API_TOKEN = 'conn-token' }; Script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-BuiltModulePath)'
`$c = Get-MhContext
"context=`$(`$c.Subdomain)|`$(`$c.TokenSource)"
"count=`$(@(Get-MhPhoneNumber).Count)"
"@ }
            })
    }

    It 'lists numbers in a fresh process with no Connect-MhAccount' {
        $result = $runbooks.listing
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Contain 'context=runbook|Environment'
        $result.Output | Should -Contain 'count=27'
    }

    It 'fails clearly when only one variable is set' {
        $result = $runbooks.'one-variable'
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

Describe 'A plain-string -Token' {
    It 'is answered with how to pass a SecureString, never with the token' {
        $err = $null
        try { Connect-MhAccount -Subdomain acme -Token 'plain-t0ken-value' -BaseUri $api.BaseUri } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $message = $err.Exception.Message
        $message | Should -Match 'Read-Host .*-AsSecureString'
        $message | Should -Match 'ConvertTo-SecureString'
        $message | Should -Match 'Get-Secret'
        $message | Should -Not -Match 'Cannot convert'
        $message | Should -Not -Match 'plain-t0ken-value'
        { Get-MhContext } | Should -Throw -ErrorId 'MhNotConnected,*'
    }

    It 'still takes a SecureString, also from a variable or the pipeline of Read-Host' {
        Connect-MhAccount -Subdomain acme -Token $secure -BaseUri $api.BaseUri
        (Get-MhContext).Subdomain | Should -Be 'acme'
        Disconnect-MhAccount
    }
}

Describe 'A token with a control character (header injection)' {
    BeforeAll {
        $script:injected = "conn-token`r`nX-Injected: yes"
    }
    AfterEach {
        Disconnect-MhAccount
        Remove-Item Env:MIHU_TENANT, Env:MIHU_API_TOKEN, Env:MIHU_BASE_URI -ErrorAction SilentlyContinue
    }

    It 'from -Token is refused before any request, naming -Token and never showing it' {
        Clear-FakeApiRequest $api
        $err = $null
        try { Connect-MhAccount -Subdomain acme -Token (ConvertTo-SecureString $injected -AsPlainText -Force) -BaseUri $api.BaseUri } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'MhInvalidConnection,Mindhunters.Commands.ConnectMhAccountCommand'
        $err.Exception.Message | Should -Match '-Token contains a control character'
        ($err | Out-String) + $err.ErrorDetails.Message | Should -Not -Match 'conn-token|X-Injected'
        { Get-MhPhoneNumber } | Should -Throw -ErrorId 'MhNotConnected,*'
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'from MIHU_API_TOKEN is refused before any request, naming the variable and never showing it' {
        $env:MIHU_TENANT = 'acme'; $env:MIHU_API_TOKEN = $injected; $env:MIHU_BASE_URI = $api.BaseUri
        Clear-FakeApiRequest $api
        $err = $null
        try { Get-MhPhoneNumber -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'MhNotConnected,Mindhunters.Commands.GetMhPhoneNumberCommand'
        $err.Exception.Message | Should -Match 'MIHU_API_TOKEN contains a control character'
        ($err | Out-String) + $err.ErrorDetails.Message + $err.ErrorDetails.RecommendedAction | Should -Not -Match 'conn-token|X-Injected'
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }
}

Describe 'Errors about a MIHU_* variable name the variable' {
    AfterEach {
        Remove-Item Env:MIHU_TENANT, Env:MIHU_API_TOKEN, Env:MIHU_BASE_URI -ErrorAction SilentlyContinue
    }

    It '<Variable> = <Value>' -ForEach @(
        @{ Variable = 'MIHU_TENANT'; Value = 'acme.mindhunters.ai'; Expected = "MIHU_TENANT is 'acme.mindhunters.ai', which is not a workspace subdomain*Did you mean MIHU_TENANT=acme?" }
        @{ Variable = 'MIHU_BASE_URI'; Value = 'http://acme.example.com'; Expected = 'MIHU_BASE_URI must use https*' }
        @{ Variable = 'MIHU_BASE_URI'; Value = 'not a uri'; Expected = 'MIHU_BASE_URI is not an absolute URI*' }
        @{ Variable = 'MIHU_API_TOKEN'; Value = "a`tb"; Expected = 'The API token given with MIHU_API_TOKEN contains a control character*' }
    ) {
        $env:MIHU_TENANT = 'acme'; $env:MIHU_API_TOKEN = 'conn-token'; $env:MIHU_BASE_URI = $api.BaseUri
        Set-Item "Env:$Variable" $Value
        Clear-FakeApiRequest $api
        $err = $null
        try { Get-MhPhoneNumber -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'MhNotConnected,*'
        $err.Exception.Message | Should -BeLike $Expected
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'the same value given to -Subdomain names -Subdomain, not the variable' {
        $err = $null
        try { Connect-MhAccount -Subdomain acme.mindhunters.ai -Token $secure } catch { $err = $_ }
        $err.Exception.Message | Should -BeLike "-Subdomain 'acme.mindhunters.ai' is not a workspace subdomain*Did you mean -Subdomain acme?"
        $err.Exception.Message | Should -Not -Match 'MIHU_'
    }
}

Describe 'A refused base URI never shows its user info' {
    AfterEach {
        Remove-Item Env:MIHU_TENANT, Env:MIHU_API_TOKEN, Env:MIHU_BASE_URI -ErrorAction SilentlyContinue
    }

    It '-BaseUri <Uri>' -ForEach @(
        @{ Uri = 'http://alice:s3cret@example.com' }
        @{ Uri = 'https://alice:s3cret@acme.mindhunters.ai' }
        @{ Uri = 'http://alice:s3cret@exa mple.com' }
    ) {
        $err = $null
        # From a variable, as a script passes it: the error's position line then shows $given, not the text.
        $given = $Uri
        try { Connect-MhAccount -Subdomain acme -Token $secure -BaseUri $given } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $text = ($err | Out-String) + $err.Exception.Message + $err.ErrorDetails.Message + $err.ErrorDetails.RecommendedAction + $err.TargetObject
        $text | Should -Not -Match 'alice|s3cret'
    }

    It 'MIHU_BASE_URI <Uri>' -ForEach @(
        @{ Uri = 'http://alice:s3cret@example.com' }
        @{ Uri = 'http://alice:s3cret@exa mple.com' }
    ) {
        $env:MIHU_TENANT = 'acme'; $env:MIHU_API_TOKEN = 'conn-token'; $env:MIHU_BASE_URI = $Uri
        $err = $null
        try { Get-MhPhoneNumber -ErrorAction Stop } catch { $err = $_ }
        $err.Exception.Message | Should -Match '^MIHU_BASE_URI '
        ($err | Out-String) + $err.Exception.Message + $err.ErrorDetails.RecommendedAction | Should -Not -Match 'alice|s3cret'
    }
}

Describe 'A base URI copied with /api/v1 from the docs' {
    AfterEach {
        Disconnect-MhAccount
        Remove-Item Env:MIHU_TENANT, Env:MIHU_API_TOKEN, Env:MIHU_BASE_URI -ErrorAction SilentlyContinue
    }

    It 'reaches the same endpoint through -BaseUri <Suffix>' -ForEach @(
        @{ Suffix = '/api/v1' }
        @{ Suffix = '/api/v1/' }
    ) {
        Connect-MhAccount -Subdomain acme -Token $secure -BaseUri "$($api.BaseUri)$Suffix"
        (Get-MhContext).BaseUri | Should -Be "$($api.BaseUri)/"
        Clear-FakeApiRequest $api
        @(Get-MhPhoneNumber -First 2 -ErrorAction Stop).Count | Should -Be 2
        @(Get-FakeApiRequest $api).path | Should -Be '/api/v1/phone-numbers'
    }

    It 'reaches the same endpoint through MIHU_BASE_URI' {
        $env:MIHU_TENANT = 'acme'; $env:MIHU_API_TOKEN = 'conn-token'; $env:MIHU_BASE_URI = "$($api.BaseUri)/api/v1"
        Clear-FakeApiRequest $api
        @(Get-MhPhoneNumber -First 2 -ErrorAction Stop).Count | Should -Be 2
        @(Get-FakeApiRequest $api).path | Should -Be '/api/v1/phone-numbers'
    }
}
