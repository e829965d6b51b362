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

Describe 'Get-MhPhoneNumber -Number' {
    BeforeAll {
        $script:us = $all | Where-Object CountryCode -EQ 'US' | Select-Object -First 1
        $script:gb = $all | Where-Object CountryCode -EQ 'GB' | Select-Object -First 1
        $script:external = $all | Where-Object IsExternal | Select-Object -First 1
        # "+44 7700 000002" written with spaces and dashes and without the '+'.
        $digits = $gb.Number.TrimStart('+')
        $script:gbWritten = '{0} {1}-{2}' -f $digits.Substring(0, 2), $digits.Substring(2, 4), $digits.Substring(6)
    }

    It 'returns exactly the numbers given, in the order given, one search each' {
        $requests = Get-RequestOf { $script:found = @(Get-MhPhoneNumber -Number $gbWritten, $us.Number) }
        $found.Number | Should -Be @($gb.Number, $us.Number)
        $found[0] | Should -BeOfType ([Mindhunters.Model.PhoneNumber])
        $requests.Count | Should -Be 2
        $requests[0].query | Should -Match "(^|&)search=$($gb.Number.TrimStart('+'))(&|$)"
        $requests[1].query | Should -Match "(^|&)search=$($us.Number.TrimStart('+'))(&|$)"
    }

    It 'finds an external (BYO) number too' {
        $external | Should -Not -BeNullOrEmpty
        (Get-MhPhoneNumber -Number $external.Number).PhoneNumberUuid | Should -Be $external.PhoneNumberUuid
    }

    It 'matches the whole number: one that the search finds only inside longer numbers is not found' {
        $part = $gb.Number.Substring(0, $gb.Number.Length - 2)
        @(Get-MhPhoneNumber -IncludeExternal -Search $part.TrimStart('+')).Count | Should -BeGreaterThan 0 -Because 'the server''s search matches part of a number'
        $found = @(Get-MhPhoneNumber -Number $part -ErrorVariable missing -ErrorAction SilentlyContinue)
        $found.Count | Should -Be 0
        $missing.Count | Should -Be 1
    }

    It 'writes a non-terminating ObjectNotFound error naming a number that does not exist, and goes on' {
        $found = @(Get-MhPhoneNumber -Number '+1 999 555 0100', $us.Number -ErrorVariable missing -ErrorAction SilentlyContinue)
        $found.Number | Should -Be @($us.Number)
        $missing.Count | Should -Be 1
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'MhNotFound,*'
        $missing[0].Exception.Message | Should -Match ([regex]::Escape('+1 999 555 0100'))
        $missing[0].TargetObject | Should -Be '+1 999 555 0100'
    }

    It 'refuses ''<Given>'' before any request' -ForEach @(
        @{ Given = 'abc' }
        @{ Given = '030 1234567' }
        @{ Given = '' }
    ) {
        $requests = Get-RequestOf { { Get-MhPhoneNumber -Number $Given } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*' }
        $requests.Count | Should -Be 0
    }

    It 'refuses -First, -Skip and -IncludeTotalCount with -Number, before any request' {
        $requests = Get-RequestOf { { Get-MhPhoneNumber -Number $us.Number -First 1 } | Should -Throw -ErrorId 'MhPagingWithNumber,*' }
        $requests.Count | Should -Be 0
        { Get-MhPhoneNumber -Number $us.Number -Status active } | Should -Throw -ErrorId 'AmbiguousParameterSet,*'
    }

    It 'shows a piped number a server wrote with its token and terminal escapes only cleaned and redacted, when it refuses it' {
        $hostile = "$($api.BaseUri)/hostile/evil-number/"
        Connect-MhAccount -Subdomain lookup -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $hostile -SkipValidation 6>$null
        try {
            $evil = @(Get-MhPhoneNumber)
            $evil[0].Number | Should -Match ([regex]::Escape($token)) -Because 'the server echoes the token into the number'
            $err = $null
            try { $evil | Get-MhPhoneNumber -ErrorAction Stop } catch { $err = $_ }
        } finally {
            Connect-MhAccount -Subdomain lookup -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri 6>$null
        }
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $err.Exception.Message | Should -Match 'not a number in the E.164 way'
        "$err $($err.Exception)" | Should -Not -Match ([regex]::Escape($token))
        "$err $($err.Exception)" | Should -Not -Match '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]'
    }

    It 'takes Number from the pipeline by property name (a CSV with a Number column), each number once' {
        $rows = @(
            [pscustomobject]@{ Number = $us.Number }
            [pscustomobject]@{ Number = $gbWritten }
            [pscustomobject]@{ Number = $us.Number }
        )
        $found = @($rows | Get-MhPhoneNumber)
        $found.Number | Should -Be @($us.Number, $gb.Number)
    }
}
