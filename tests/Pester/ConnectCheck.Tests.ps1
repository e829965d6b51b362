# Connect-MhAccount proves the token with one small request (issue 19 point 6), says where it connected, and keeps
# nothing when the token is refused; -SkipValidation connects without a request; the MIHU_* path makes none at import.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:saved = @{ T = $env:MIHU_TENANT; A = $env:MIHU_API_TOKEN; B = $env:MIHU_BASE_URI }
    Remove-Item Env:MIHU_TENANT, Env:MIHU_API_TOKEN, Env:MIHU_BASE_URI -ErrorAction SilentlyContinue
    $script:token = 'check-token'
    $script:api = Start-FakeApi -Count 42 -Token $token
    function script:Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
    $env:MIHU_TENANT = $saved.T; $env:MIHU_API_TOKEN = $saved.A; $env:MIHU_BASE_URI = $saved.B
}

Describe 'Connecting' {
    BeforeEach {
        Disconnect-MhAccount
        Set-FakeApiFault $api
        Clear-FakeApiRequest $api
    }

    Describe 'Connect-MhAccount with a valid token' {
        It 'makes one small request and says where it connected, on the host' {
            $lines = @(Connect-MhAccount -Subdomain check -Token (Secure $token) -BaseUri $api.BaseUri 6>&1)
            $requests = @(Get-FakeApiRequest $api)
            $requests.Count | Should -Be 1
            $requests[0].method | Should -Be 'GET'
            $requests[0].path | Should -Be '/api/v1/phone-numbers'
            $requests[0].query | Should -Be 'page=1&per_page=1'
            $lines.Count | Should -Be 1
            $lines[0] | Should -BeOfType ([System.Management.Automation.InformationRecord])
            $lines[0].Tags | Should -Contain 'PSHOST'
            (Get-MhContext).Subdomain | Should -Be 'check'
            $listed = @(Get-MhPhoneNumber).Count
            "$lines" | Should -Be "Connected to the workspace 'check' at $($api.BaseUri)/: the token was accepted ($listed phone numbers)."
        }

        It 'writes nothing to the output, and the context with -PassThru' {
            @(Connect-MhAccount -Subdomain check -Token (Secure $token) -BaseUri $api.BaseUri 6>$null).Count | Should -Be 0
            (Connect-MhAccount -Subdomain check -Token (Secure $token) -BaseUri $api.BaseUri -PassThru 6>$null).Subdomain | Should -Be 'check'
        }

        It 'connects with a warning when the token may not list numbers (403)' {
            Set-FakeApiFault $api @{ status_override = 1; override_status = 403 }
            Connect-MhAccount -Subdomain check -Token (Secure $token) -BaseUri $api.BaseUri -WarningVariable warned 3>$null 6>$null
            $warned.Count | Should -Be 1
            "$($warned[0])" | Should -Match 'may not list phone numbers'
            (Get-MhContext).Subdomain | Should -Be 'check'
        }
    }

    Describe 'Connect-MhAccount with a refused token' {
        It 'fails with MhAuthenticationFailed and stores no connection' {
            $err = $null
            try { Connect-MhAccount -Subdomain wrong -Token (Secure 'Wrong-Secret-4711') -BaseUri $api.BaseUri 6>$null } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'MhAuthenticationFailed,Mindhunters.Commands.ConnectMhAccountCommand'
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err.Exception.Message | Should -Match 'stored no connection'
            $err.Exception.Message | Should -Match '-SkipValidation'
            "$err $($err.ErrorDetails) $($err.Exception)" | Should -Not -Match 'Wrong-Secret-4711'
            @(Get-FakeApiRequest $api).Count | Should -Be 1
            { Get-MhContext } | Should -Throw -ErrorId 'MhNotConnected,*'
        }

        It 'keeps the connection already in use, and says so' {
            Connect-MhAccount -Subdomain good -Token (Secure $token) -BaseUri $api.BaseUri 6>$null
            $err = $null
            try { Connect-MhAccount -Subdomain wrong -Token (Secure 'Wrong-Secret-4711') -BaseUri $api.BaseUri 6>$null } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'MhAuthenticationFailed,*'
            $err.Exception.Message | Should -Match "the connection to 'good' at .* is still the one in use"
            (Get-MhContext).Subdomain | Should -Be 'good'
        }

        It 'stops a script that asked for -ErrorAction Stop' {
            $result = Invoke-ChildPwsh -TimeoutSec 120 -Script @"
Import-Module '$(Get-BuiltModulePath)'
Connect-MhAccount -Subdomain wrong -Token (ConvertTo-SecureString 'Wrong-Secret-4711' -AsPlainText -Force) -BaseUri '$($api.BaseUri)' -ErrorAction Stop
'went on'
"@
            $result.ExitCode | Should -Not -Be 0
            $result.Output | Should -Not -Contain 'went on'
        }
    }

    Describe 'Connect-MhAccount -SkipValidation' {
        It 'stores the connection without any request, and says the token was not checked' {
            $lines = @(Connect-MhAccount -Subdomain offline -Token (Secure 'not-checked') -BaseUri $api.BaseUri -SkipValidation 6>&1)
            @(Get-FakeApiRequest $api).Count | Should -Be 0
            "$lines" | Should -Match "^Connected to the workspace 'offline' at .*: the token was not checked \(-SkipValidation\)"
            (Get-MhContext).Subdomain | Should -Be 'offline'
        }
    }

    Describe 'The MIHU_* variables' {
        It 'make no request when the module is imported, nor for Get-MhContext' {
            $result = Invoke-ChildPwsh -TimeoutSec 120 -Environment @{ MIHU_TENANT = 'runbook'; MIHU_API_TOKEN = 'Wrong-Secret-4711'; MIHU_BASE_URI = $api.BaseUri } -Script @"
Import-Module '$(Get-BuiltModulePath)'
"context=`$((Get-MhContext).Subdomain)"
"@
            $result.Output | Should -Contain 'context=runbook'
            @(Get-FakeApiRequest $api).Count | Should -Be 0
        }
    }
}
