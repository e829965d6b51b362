# Finding numbers (issue 18 point 1: Get-MhPhoneNumber -Number) and each number once per pipeline (issue 19 point 5).

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'lookup-token'
    $script:api = Start-FakeApi -Count 250 -Token $token
    Connect-MhAccount -Subdomain lookup -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
    $script:all = @(Get-MhPhoneNumber -IncludeExternal)

    # The requests the fake received while $Command ran, in order.
    function script:Get-RequestOf([scriptblock] $Command) {
        Clear-FakeApiRequest $api
        $null = & $Command
        , @(Get-FakeApiRequest $api)
    }
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'Each number once in one pipeline' {
    It 'writes a number bound to two piped agents once' {
        $agents = @(Get-MhAgent -Name 'Support*')
        $perAgent = @($agents | ForEach-Object { Get-MhPhoneNumber -BoundToAgentUuid $_.AgentUuid })
        $unique = @($perAgent.PhoneNumberUuid | Select-Object -Unique)
        $unique.Count | Should -BeLessThan $perAgent.Count -Because 'some numbers are bound to two support agents'

        $requests = Get-RequestOf { $script:piped = @(Get-MhAgent -Name 'Support*' | Get-MhPhoneNumber) }
        $piped.Count | Should -Be $unique.Count
        @($piped.PhoneNumberUuid | Select-Object -Unique).Count | Should -Be $piped.Count
        @($requests | Where-Object path -EQ '/api/v1/phone-numbers').Count | Should -Be $agents.Count
    }

    It 'says in Verbose how many were left out as already written' {
        $verbose = @(Get-MhAgent -Name 'Support*' | Get-MhPhoneNumber -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        ($verbose.Message -match 'already written') | Should -Not -BeNullOrEmpty
    }

    It 'starts afresh in the next pipeline' {
        $first = @(Get-MhPhoneNumber -First 3)
        $again = @(Get-MhPhoneNumber -First 3)
        $again.PhoneNumberUuid | Should -Be $first.PhoneNumberUuid
    }
}
