# Get-MhPhoneNumber as a user meets it: the built module against the fake API on 127.0.0.1.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:api = Start-FakeApi -Count 250 -Token 'pester-token'
    Connect-MhAccount -Subdomain pester -Token (ConvertTo-SecureString 'pester-token' -AsPlainText -Force) -BaseUri $api.BaseUri

    # The queries the fake received for the command in $Command, in order.
    function script:Get-RequestedQuery([scriptblock] $Command) {
        Clear-FakeApiRequest $api
        $null = & $Command
        # Always an array, even of one query, so [0] is a query and not its first letter.
        , @(Get-FakeApiRequest $api | ForEach-Object query)
    }
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'Listing every number' {
    It 'streams all 225 visible numbers, typed, in three requests of 100' {
        Clear-FakeApiRequest $api
        $numbers = @(Get-MhPhoneNumber)
        $numbers.Count | Should -Be 225
        $numbers[0] | Should -BeOfType ([Mindhunters.Model.PhoneNumber])
        $numbers[0].PhoneNumberUuid | Should -BeOfType ([guid])
        $numbers[0].PurchasedAt | Should -BeOfType ([DateTimeOffset])
        $numbers[0].Billing.MonthlyFee | Should -BeOfType ([decimal])
        ($numbers.PhoneNumberUuid | Select-Object -Unique).Count | Should -Be 225
        @(Get-FakeApiRequest $api).query | Should -Be @('page=1&per_page=100', 'page=2&per_page=100', 'page=3&per_page=100')
    }

    It 'writes nothing for an empty result, without an error' {
        $result = @(Get-MhPhoneNumber -Search 'no-such-number-anywhere' -ErrorVariable err)
        $result.Count | Should -Be 0
        $err.Count | Should -Be 0
    }
}

Describe 'Filters' {
    # <Given> is the parameter as a user types it: a hashtable in the name would print as System.Collections.Hashtable.
    It 'sends <Given> as <Query>' -ForEach @(
        @{ Given = '-Status active'; Parameter = @{ Status = 'active' }; Query = 'status=active' }
        @{ Given = '-CountryCode us'; Parameter = @{ CountryCode = 'us' }; Query = 'country_code=US' }
        @{ Given = '-Type toll_free'; Parameter = @{ Type = 'toll_free' }; Query = 'type=toll_free' }
        @{ Given = '-Compliance requirement_pending'; Parameter = @{ Compliance = 'requirement_pending' }; Query = 'compliance=requirement_pending' }
        @{ Given = "-Search '+1 512'"; Parameter = @{ Search = '+1 512' }; Query = 'search=%2B1%20512' }
        @{ Given = '-BoundToAgentUuid 7d6c1f0a-…51'; Parameter = @{ BoundToAgentUuid = '7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e51' }; Query = 'bound_to_agent_uuid=7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e51' }
        @{ Given = '-Sort monthly_fee'; Parameter = @{ Sort = 'monthly_fee' }; Query = 'sort=monthly_fee' }
        @{ Given = '-IncludeExternal'; Parameter = @{ IncludeExternal = $true }; Query = 'include_external=true' }
        @{ Given = '-IncludeExternal:$false'; Parameter = @{ IncludeExternal = $false }; Query = 'include_external=false' }
    ) {
        $queries = Get-RequestedQuery { Get-MhPhoneNumber @Parameter }
        $queries[0] | Should -Be "page=1&per_page=100&$Query"
    }

    It 'returns only matching numbers for Status and CountryCode' {
        $numbers = @(Get-MhPhoneNumber -Status active -CountryCode us)
        $numbers.Count | Should -BeGreaterThan 0
        $numbers | ForEach-Object { $_.Status | Should -Be 'active'; $_.CountryCode | Should -Be 'US' }
    }

    It 'returns only numbers of the given Type and Compliance' {
        $numbers = @(Get-MhPhoneNumber -Type mobile -Compliance completed)
        $numbers.Count | Should -BeGreaterThan 0
        $numbers | ForEach-Object { $_.Type | Should -Be 'mobile'; $_.Compliance.Status | Should -Be 'completed' }
    }

    It 'includes external numbers only with -IncludeExternal' {
        @(Get-MhPhoneNumber | Where-Object IsExternal).Count | Should -Be 0
        @(Get-MhPhoneNumber -IncludeExternal).Count | Should -Be 250
    }

    It 'sorts by monthly fee on the server' {
        $fees = @(Get-MhPhoneNumber -Sort monthly_fee).Billing.MonthlyFee
        $fees | Should -Be ($fees | Sort-Object)
    }

    It 'finds by free text' {
        $numbers = @(Get-MhPhoneNumber -Search 'Germany')
        $numbers.Count | Should -BeGreaterThan 0
        $numbers.CountryCode | Select-Object -Unique | Should -Be 'DE'
    }

    It 'binds BoundToAgentUuid from the pipeline by property name (<Property>)' -ForEach @(
        @{ Property = 'AgentUuid' }
        @{ Property = 'agent_uuid' }
        @{ Property = 'BoundToAgentUuid' }
    ) {
        $agent = [pscustomobject]@{ $Property = '7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e52' }
        $numbers = @($agent | Get-MhPhoneNumber)
        $numbers.Count | Should -BeGreaterThan 0
        $numbers | ForEach-Object {
            @($_.Bindings.Call, $_.Bindings.Sms, $_.Bindings.Whatsapp).AgentUuid | Should -Contain '7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e52'
        }
    }

    It 'lists once per agent piped in' {
        $queries = Get-RequestedQuery {
            '7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e51', '7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e53' |
                ForEach-Object { [pscustomobject]@{ AgentUuid = $_ } } | Get-MhPhoneNumber
        }
        $queries | Should -HaveCount 2
        $queries[1] | Should -Match 'bound_to_agent_uuid=7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e53'
    }
}

Describe 'Bad input never reaches the network' {
    It 'refuses <Case>' -ForEach @(
        @{ Case = 'per_page 101'; Parameter = @{ PerPage = 101 } }
        @{ Case = 'per_page 0'; Parameter = @{ PerPage = 0 } }
        @{ Case = 'page 0'; Parameter = @{ Page = 0 } }
        @{ Case = 'an unknown status'; Parameter = @{ Status = 'deleted' } }
        @{ Case = 'an unknown type'; Parameter = @{ Type = 'satellite' } }
        @{ Case = 'an unknown sort'; Parameter = @{ Sort = 'price' } }
        @{ Case = 'a three-letter country'; Parameter = @{ CountryCode = 'usa' } }
        @{ Case = 'the usual slip uk (for GB)'; Parameter = @{ CountryCode = 'uk' } }
        @{ Case = 'a two-letter code of no country'; Parameter = @{ CountryCode = 'xx' } }
        @{ Case = 'a malformed uuid'; Parameter = @{ BoundToAgentUuid = 'not-a-uuid' } }
        @{ Case = 'a throttle limit of 9'; Parameter = @{ ThrottleLimit = 9 } }
    ) {
        Clear-FakeApiRequest $api
        { Get-MhPhoneNumber @Parameter -ErrorAction Stop } | Should -Throw
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'explains a wrong country code in words' {
        { Get-MhPhoneNumber -CountryCode 'U.S.' } | Should -Throw -ExpectedMessage "*not a two-letter ISO 3166-1 country code*"
    }

    It 'says "did you mean GB?" for uk, and refuses xx, before any request' {
        Clear-FakeApiRequest $api
        { Get-MhPhoneNumber -CountryCode uk } | Should -Throw -ExpectedMessage "*'uk' is not an ISO 3166-1 country code; did you mean GB (United Kingdom)?*"
        { Get-MhPhoneNumber -CountryCode xx } | Should -Throw -ExpectedMessage "*'xx' is not an ISO 3166-1 country code*"
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'the country code check validates each element of an array parameter too' {
        # Other commands put the same attribute on string[] parameters (whitelisted destinations). PowerShell calls
        # its Validate with the parameter's whole value; call it the same way.
        $type = [Mindhunters.Commands.MhCmdlet].Assembly.GetType('Mindhunters.Commands.ValidateCountryCodeAttribute', $true)
        $attribute = [Activator]::CreateInstance($type)
        $validate = $type.GetMethod('Validate', [Reflection.BindingFlags]'NonPublic, Instance', $null,
            [type[]]@([object], [System.Management.Automation.EngineIntrinsics]), $null)
        $check = {
            param($value)
            try { $null = $validate.Invoke($attribute, [object[]]@($value, $ExecutionContext)); 'ok' } catch { $_.Exception.InnerException.Message }
        }
        & $check ([string[]]@('US', 'de')) | Should -Be 'ok'
        & $check ([string[]]@('US', 'uk')) | Should -BeLike '*did you mean GB*'
        & $check ([string[]]@('DE', 'xx')) | Should -BeLike "*'xx' is not an ISO 3166-1 country code*"
    }
}

Describe 'Paging' {
    It '-First 5 is one request of five' {
        Get-RequestedQuery { Get-MhPhoneNumber -First 5 } | Should -Be @('page=1&per_page=5')
        @(Get-MhPhoneNumber -First 5).Count | Should -Be 5
    }

    It '-Skip 150 -First 10 is one request and the right window' {
        $all = @(Get-MhPhoneNumber)
        Clear-FakeApiRequest $api
        $window = @(Get-MhPhoneNumber -Skip 150 -First 10)
        $window.PhoneNumberUuid | Should -Be $all[150..159].PhoneNumberUuid
        @(Get-FakeApiRequest $api).Count | Should -Be 1
    }

    It '-Skip 40 -First 10 matches the full listing' {
        $all = @(Get-MhPhoneNumber)
        @(Get-MhPhoneNumber -Skip 40 -First 10).PhoneNumberUuid | Should -Be $all[40..49].PhoneNumberUuid
    }

    It '-Skip 50 -First 99 takes at most two requests' {
        $all = @(Get-MhPhoneNumber)
        Clear-FakeApiRequest $api
        @(Get-MhPhoneNumber -Skip 50 -First 99).PhoneNumberUuid | Should -Be $all[50..148].PhoneNumberUuid
        @(Get-FakeApiRequest $api).Count | Should -BeLessOrEqual 2
    }

    It '-Skip past the end is one request and nothing' {
        $queries = Get-RequestedQuery { Get-MhPhoneNumber -Skip 5000 }
        $queries.Count | Should -Be 1
        @(Get-MhPhoneNumber -Skip 5000).Count | Should -Be 0
    }

    It '-First 0 makes no request' {
        Get-RequestedQuery { Get-MhPhoneNumber -First 0 } | Should -BeNullOrEmpty
    }

    It '-IncludeTotalCount writes the total first' {
        $out = @(Get-MhPhoneNumber -IncludeTotalCount -First 3)
        $out.Count | Should -Be 4
        $out[0] | Should -BeOfType ([psobject])
        $out[0].ToString() | Should -Match '225'
        $out[1] | Should -BeOfType ([Mindhunters.Model.PhoneNumber])
    }

    It '-IncludeTotalCount -First 0 counts with one request of one item' {
        Get-RequestedQuery { Get-MhPhoneNumber -IncludeTotalCount -First 0 } | Should -Be @('page=1&per_page=1')
    }

    It '-Page 2 -PerPage 50 returns only that page' {
        $all = @(Get-MhPhoneNumber)
        Get-RequestedQuery { Get-MhPhoneNumber -Page 2 -PerPage 50 } | Should -Be @('page=2&per_page=50')
        @(Get-MhPhoneNumber -Page 2 -PerPage 50).PhoneNumberUuid | Should -Be $all[50..99].PhoneNumberUuid
    }

    It '-PerPage 1 walks every page' {
        $queries = Get-RequestedQuery { Get-MhPhoneNumber -Status inactive -CountryCode DE -PerPage 1 }
        $count = @(Get-MhPhoneNumber -Status inactive -CountryCode DE).Count
        $queries.Count | Should -Be $count
    }

    It 'Select-Object -First 3 asks for nothing after page 1 but the page already in flight' {
        $queries = Get-RequestedQuery { Get-MhPhoneNumber | Select-Object -First 3 }
        $queries.Count | Should -BeLessOrEqual 2
        $queries[0] | Should -Be 'page=1&per_page=100'
    }

    It '-ThrottleLimit 4 keeps the order' {
        # Seen failing once with a bare ArgumentOutOfRangeException under load: keep the whole trace if it comes back.
        try { $parallel = @(Get-MhPhoneNumber -PerPage 20 -ThrottleLimit 4 -ErrorAction Stop) }
        catch { throw "Get-MhPhoneNumber -ThrottleLimit 4 failed: $($_.Exception.ToString()) at $($_.ScriptStackTrace)" }
        $parallel.PhoneNumberUuid | Should -Be @(Get-MhPhoneNumber).PhoneNumberUuid
    }
}

Describe 'Failures' {
    It 'a wrong token is an AuthenticationError with a stable id' {
        Connect-MhAccount -Subdomain pester -Token (ConvertTo-SecureString 'wrong-token' -AsPlainText -Force) -BaseUri $api.BaseUri -SkipValidation
        try {
            $err = $null
            Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MhAuthenticationFailed,*'
            $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err[0].ErrorDetails.Message | Should -Match 'page 1: 401'
            $err[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-MhAccount'
            { Get-MhPhoneNumber -ErrorAction Stop } | Should -Throw -ErrorId 'MhAuthenticationFailed,Mindhunters.Commands.GetMhPhoneNumberCommand'
        } finally {
            Connect-MhAccount -Subdomain pester -Token (ConvertTo-SecureString 'pester-token' -AsPlainText -Force) -BaseUri $api.BaseUri
        }
    }
}

Describe 'The default view' {
    It 'shows a table of number, country, type, status, capabilities, fee, currency, compliance and call agent within 120 columns' {
        $text = Get-MhPhoneNumber -First 3 | Format-Table | Out-String -Width 120
        $lines = $text -split "`r?`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^Number\s+CountryCode\s+Type\s+Status\s+Capabilities\s+MonthlyFee\s+Currency\s+Compliance\s+CallAgentName$'
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 120 }
        $lines[2] | Should -Match '^\+\d+\s+[A-Z]{2}\s+\w+\s+\w+\s+[VSMFEL ]+\s+\d+\.\d{2}\s+[A-Z]{3}\s'
    }
}
