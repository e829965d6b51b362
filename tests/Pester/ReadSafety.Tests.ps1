# Listings against servers that misbehave in ways a user would not notice until it cost them: warnings under -Debug
# in a runbook, pages that bring nothing new, pages that build far more than their bytes, pages too large to read.
# Each attack is a mode of the fake API under its own base path, /hostile/{mode}/.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'read-safety-' + [guid]::NewGuid().ToString('N')
    $script:api = Start-FakeApi -Count 20 -Token $token

    function script:Get-HostileEnvironment([string] $Mode) {
        @{ MIHU_TENANT = 'hostile'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = "$($api.BaseUri)/hostile/$Mode/" }
    }
}

AfterAll {
    Stop-FakeApi $api
}

Describe 'Warnings under -Debug in a runbook' {
    It 'writes every warning the module has, follows $WarningPreference, and never prompts under -NonInteractive' {
        $result = Invoke-ChildPwsh -TimeoutSec 60 -Environment (Get-HostileEnvironment 'every-warning') -Script @"
Import-Module '$(Get-BuiltModulePath)'
`$out = Get-MhPhoneNumber -Debug -ErrorAction Stop 3>&1 5>`$null
"numbers: " + @(`$out | Where-Object { `$_ -is [Mindhunters.Model.PhoneNumber] }).Count
`$out | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object { "warning: " + `$_.Message }
`$WarningPreference = 'SilentlyContinue'
"silenced: " + @(Get-MhPhoneNumber -Debug -ErrorAction Stop 3>&1 5>`$null | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] }).Count
`$WarningPreference = 'Continue'
"by -WarningAction: " + @(Get-MhPhoneNumber -Debug -WarningAction SilentlyContinue -ErrorAction Stop 3>&1 5>`$null | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] }).Count
"@
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Contain 'numbers: 17'
        $warnings = @($result.Output | Where-Object { $_ -like 'warning: *' })
        $warnings.Count | Should -Be 4
        $warnings[0] | Should -Match 'pages of 10 phone numbers although 100 were asked for'
        ($warnings -join "`n") | Should -Match 'Page 2 repeated 3 of the phone numbers already listed'
        ($warnings -join "`n") | Should -Match 'changed from 25 to 26'
        ($warnings -join "`n") | Should -Match 'Page 3 was empty although the server said more would follow'
        $result.Output | Should -Contain 'silenced: 0'
        $result.Output | Should -Contain 'by -WarningAction: 0'
    }
}

Describe 'A server that repeats itself' {
    It 'ends a listing of rates sent again and again in a new order within a few requests' {
        Clear-FakeApiRequest $api
        $result = Invoke-ChildPwsh -TimeoutSec 60 -Environment (Get-HostileEnvironment 'shuffled-rates') -Script @"
Import-Module '$(Get-BuiltModulePath)'
`$clock = [Diagnostics.Stopwatch]::StartNew()
`$rates = @(Get-MhPhoneNumberRate -ErrorAction SilentlyContinue -ErrorVariable failed)
"rates: " + `$rates.Count
"unique: " + @(`$rates | Sort-Object DestinationPrefix -Unique).Count
"error: " + `$failed[0].FullyQualifiedErrorId
"seconds: " + [int]`$clock.Elapsed.TotalSeconds
"@
        $result.Output | Should -Contain 'rates: 200'
        $result.Output | Should -Contain 'unique: 200'
        $result.Output | Should -Contain 'error: MhInvalidResponse,Mindhunters.Commands.GetMhPhoneNumberRateCommand'
        $requests = @(Get-FakeApiRequest $api)
        $requests.Count | Should -BeLessOrEqual 3
        Write-Host "    shuffled rates: $($requests.Count) requests, $(($result.Output | Where-Object { $_ -like 'seconds: *' }))"
    }
}
