# New-MhPhoneNumber as a user meets it: a purchase costs money every month, so the request log must show exactly one
# POST whatever the server does after it arrived, and the error must say how to check.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'buy-Token-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $script:secure = ConvertTo-SecureString $token -AsPlainText -Force
    $script:milan = '+390212345678'
    $script:check = 'Get-MhPhoneNumber -Number +390212345678 shows whether the number was bought. It is billed every month: buy it again only if it is not listed.'

    # A scope of its own per test; -TimeoutSec for the stall.
    function script:New-Api([string[]] $ArgumentList = @(), [int] $TimeoutSec = 100) {
        $script:api = Start-FakeApi -Count 20 -Token $token -ArgumentList $ArgumentList
        Connect-MhAccount -Subdomain buy -Token $secure -BaseUri $api.BaseUri -TimeoutSec $TimeoutSec
        Clear-FakeApiRequest $api   # the connection's check is not one of the requests the tests count
    }
    function script:Get-Post { @(Get-FakeApiRequest $api | Where-Object method -EQ 'POST') }
    function script:Buy {
        [CmdletBinding()] param([string] $Number = $milan)
        New-MhPhoneNumber -Number $Number -CountryCode it -Type local -MonthlyFee 4.99 -Confirm:$false
    }
}

AfterAll {
    Disconnect-MhAccount
}

Describe 'New-MhPhoneNumber' {
    AfterEach { Stop-FakeApi $api }

    It 'buys with one POST of the values given, writes the number, and a later listing shows it' {
        New-Api
        $bought = New-MhPhoneNumber -Number '+39 02 1234 5678' -CountryCode it -Type local -MonthlyFee 4.99 -Location Milan `
            -Address @{ business_name = 'Acme Srl'; postal_code = 20121 } -Requirement @{ key = 'proof'; requirement_id = '3c90c3cc-0d44-4b50-8888-8dd25736052a'; document_id = 'doc_1' } -Confirm:$false

        $bought | Should -BeOfType ([Mindhunters.Model.PhoneNumber])
        ($bought.Number, $bought.Source, $bought.Location, $bought.MonthlyFee) | Should -Be @($milan, 'purchased', 'Milan', 4.99)
        $posts = Get-Post
        $posts.Count | Should -Be 1
        $posts[0].path | Should -Be '/api/v1/phone-numbers'
        $body = $posts[0].body | ConvertFrom-Json -AsHashtable
        ($body.number, $body.country_code, $body.type, $body.monthly_fee, $body.location) | Should -Be @($milan, 'IT', 'local', 4.99, 'Milan')
        $body.address.business_name | Should -Be 'Acme Srl'
        $body.address.postal_code | Should -Be '20121'
        $body.requirements[0].requirement_id | Should -Be '3c90c3cc-0d44-4b50-8888-8dd25736052a'
        (Get-MhPhoneNumber -Search 390212345678).PhoneNumberUuid | Should -Be $bought.PhoneNumberUuid
    }

    It 'refuses <Message> before any request (MhInvalidPurchase)' -ForEach @(
        @{ Extra = @{ Address = @{ street = 'Via Roma 1' } }; Message = "*-Address has the key 'street'*street_address*" }
        @{ Extra = @{ Requirement = @(@{ key = 'proof'; file = 'x' }) }; Message = "*-Requirement item 1 has the key 'file'*" }
        @{ Extra = @{ Requirement = @(@{ key = 'proof'; requirement_id = 'not-a-uuid' }) }; Message = "*requirement_id 'not-a-uuid', which is not a uuid*" }
        @{ Extra = @{ MonthlyFee = -1 }; Message = '*a fee is 0 or more*' }
    ) {
        New-Api
        $arguments = @{ Number = $milan; CountryCode = 'IT'; Type = 'local'; MonthlyFee = 4.99; Confirm = $false }
        foreach ($name in $Extra.Keys) { $arguments[$name] = $Extra[$name] }
        $thrown = { New-MhPhoneNumber @arguments } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'MhInvalidPurchase,*'
        $thrown.Exception.Message | Should -BeLike $Message
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'the purchase cap is MhPurchaseLimitReached with the limit and the current count, and stops the command' {
        New-Api -ArgumentList '--purchase-limit', '1'
        Buy | Out-Null
        '+390212345601', '+390212345602', '+390212345603' | ForEach-Object { [pscustomobject]@{ Number = $_; CountryCode = 'IT'; Type = 'local'; MonthlyFee = 1 } } |
            New-MhPhoneNumber -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        (Get-Post).Count | Should -Be 2
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhPurchaseLimitReached,*'
        $failed[0].CategoryInfo.Category | Should -Be 'QuotaExceeded'
        $failed[0].Exception.Message | Should -Match "has reached its limit of phone number purchases \(limit 1, current 1\); nothing was bought"
        $failed[0].Exception.Message | Should -Match '2 phone numbers piped after it were not sent'
    }

    It 'finds limit and current at the top level too' {
        New-Api
        Set-FakeApiFault $api @{ status_override = 1; override_status = 403; override_body = '{"success":false,"message":"Limit.","data":{"error":"purchase_limit_reached"},"limit":3,"current":3}' }
        Buy -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhPurchaseLimitReached,*'
        $failed[0].Exception.Message | Should -Match '\(limit 3, current 3\)'
    }

    It 'the connection is reset after the POST arrived: one POST, the number is bought, and the error says so and how to check' {
        New-Api
        Set-FakeApiFault $api @{ reset_mid_body = 1 }
        Buy -ErrorVariable failed -ErrorAction SilentlyContinue
        (Get-Post).Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhConnectionFailed,*'
        $failed[0].Exception.MayHaveArrived | Should -BeTrue
        $failed[0].Exception.Message | Should -Match 'It was not sent again: a POST that may have reached the server is never repeated'
        $failed[0].ErrorDetails.RecommendedAction | Should -Be $check
        @(Get-MhPhoneNumber -Search 390212345678).Count | Should -Be 1
    }

    It 'the answer stalls past -TimeoutSec: one POST, MhTimeout, and the same advice' {
        New-Api -TimeoutSec 2
        Set-FakeApiFault $api @{ stall_body = 1; stall_ms = 15000 }
        Buy -ErrorVariable failed -ErrorAction SilentlyContinue
        (Get-Post).Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhTimeout,*'
        $failed[0].Exception.MayHaveArrived | Should -BeTrue
        $failed[0].ErrorDetails.RecommendedAction | Should -Be $check
        @(Get-MhPhoneNumber -Search 390212345678).Count | Should -Be 1
    }

    It 'a 5xx is not retried (one POST); a 429, answered before any work, is (two POSTs, one number)' {
        New-Api
        Set-FakeApiFault $api @{ fail_5xx = 1; fail_status = 502 }
        Buy -ErrorVariable failed -ErrorAction SilentlyContinue
        (Get-Post).Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhServiceUnavailable,*'
        $failed[0].ErrorDetails.RecommendedAction | Should -Be $check

        Clear-FakeApiRequest $api
        Set-FakeApiFault $api @{ fail_429 = 1; retry_after = '0' }
        (Buy).Number | Should -Be $milan
        (Get-Post).Count | Should -Be 2
    }

    It 'asks by default (ConfirmImpact High); -WhatIf says what it costs and sends nothing' {
        New-Api
        (Get-Command New-MhPhoneNumber).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
        $environment = @{ MIHU_TENANT = 'buy'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = $api.BaseUri }
        $result = Invoke-ChildPwsh -Environment $environment -TimeoutSec 120 -Script "Import-Module '$(Get-BuiltModulePath)'; New-MhPhoneNumber -Number $milan -CountryCode IT -Type local -MonthlyFee 4.99 -WhatIf"
        $result.Output | Where-Object { $_ -like 'What if:*' } |
            Should -Be "What if: Performing the operation `"Buy phone number: IT local, monthly fee 4.99, billed every month until the number is released`" on target `"$milan`"."
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }
}

Describe 'Buying many at -ThrottleLimit 8' {
    BeforeAll {
        function script:New-Row([int[]] $Index) { $Index | ForEach-Object { [pscustomobject]@{ Number = '+3902123456{0:d2}' -f $_; CountryCode = 'IT'; Type = 'local'; MonthlyFee = 1 } } }
    }
    AfterEach { Stop-FakeApi $api }

    It 'Yes, No, then Yes to All: one prompt each until the last, and exactly the numbers confirmed are bought' {
        New-Api
        $environment = @{ MIHU_TENANT = 'buy'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = $api.BaseUri }
        $rows = (New-Row (1..6) | ForEach-Object { "[pscustomobject]@{ Number = '$($_.Number)'; CountryCode = 'IT'; Type = 'local'; MonthlyFee = 1 }" }) -join ', '
        $result = Invoke-AnsweringPwsh -Environment $environment -Answer 'Y', 'N', 'A' -Script "Import-Module '$(Get-BuiltModulePath)'; $rows | New-MhPhoneNumber -ThrottleLimit 8 | Out-Null"
        ([regex]::Matches($result.Output, 'Are you sure you want to perform this action\?')).Count | Should -Be 3
        (Get-Post | ForEach-Object { ($_.body | ConvertFrom-Json).number } | Sort-Object) | Should -Be ((New-Row 1, 3, 4, 5, 6).Number)
    }

    It 'every answer lost: no POST is sent twice, the failing server gets one at a time, and three in a row stop the command' {
        New-Api
        Set-FakeApiFault $api @{ reset_mid_body = 6 }
        New-Row (1..6) | New-MhPhoneNumber -ThrottleLimit 8 -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $numbers = @(Get-Post | ForEach-Object { ($_.body | ConvertFrom-Json).number })
        $numbers | Should -Be ((New-Row 1, 2, 3).Number)
        $failed.Count | Should -Be 3
        $failed | ForEach-Object { $_.Exception.MayHaveArrived | Should -BeTrue }
        $failed[2].Exception.Message | Should -Match '3 phone numbers piped after them were not sent'
    }
}
