# ./build.ps1 -Task Shell: trying the module without a workspace.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
}

Describe 'The shell on the local fake API' {
    It 'is a task of build.ps1' {
        (Get-Command "$PSScriptRoot/../../build.ps1").Parameters['Task'].Attributes.ValidValues | Should -Contain 'Shell'
    }

    It 'gives a pwsh with the module imported and connected, drops its API scope when it exits and leaves this session as it was' {
        $before = $env:MIHU_BASE_URI
        $output = @(Enter-FakeApiShell -Count 40 -Command @'
"module=$((Get-Module Mindhunters).Name)"
"context=$((Get-MhContext).TokenSource)"
"count=$(@(Get-MhPhoneNumber).Count)"
"base=$env:MIHU_BASE_URI"
'@)
        $output | Should -Contain 'module=Mindhunters'
        $output | Should -Contain 'context=Environment'
        $output | Should -Contain 'count=36'
        ($output -match 'connected to a local fake API') | Should -Not -BeNullOrEmpty
        $base = ($output | Where-Object { $_ -like 'base=*' }) -replace '^base='
        $base | Should -Match '^http://127\.0\.0\.1:\d+/s/\w+$'
        # Its scope is dropped: the address answers no more.
        { Invoke-RestMethod "$base/_fake/count" -TimeoutSec 5 } | Should -Throw
        $env:MIHU_BASE_URI | Should -Be $before
    }
}
