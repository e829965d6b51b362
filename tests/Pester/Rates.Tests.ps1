# Call rates as an admin compares them (issue 19 point 1): a price that sorts and measures as a number, a table that
# keeps the whole price at 80 columns, and a -Prefix written the E.164 way (+4915) that still matches.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'rates-token'
    $script:api = Start-FakeApi -Count 10 -Token $token
    Connect-MhAccount -Subdomain rates -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
    $script:gb = @(Get-MhPhoneNumberRate -CountryCode gb)
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'A rate''s price as a number' {
    It 'has PriceAmount (a decimal) and PriceCurrency, the values of Price' {
        $gb.Count | Should -BeGreaterThan 2
        foreach ($rate in $gb) {
            $rate.PriceAmount | Should -BeOfType ([decimal])
            $rate.PriceAmount | Should -Be $rate.Price.Amount
            $rate.PriceCurrency | Should -Be 'EUR'
        }
    }

    It 'Measure-Object PriceAmount -Minimum gives the cheapest rate' {
        $cheapest = ($gb | ForEach-Object { $_.Price.Amount } | Sort-Object)[0]
        ($gb | Measure-Object PriceAmount -Minimum -Maximum).Minimum | Should -Be $cheapest
    }

    It 'Sort-Object PriceAmount sorts every rate by value' {
        $all = @(Get-MhPhoneNumberRate)
        $sorted = @($all | Sort-Object PriceAmount | ForEach-Object { $_.Price.Amount })
        $sorted | Should -Be @($all.Price.Amount | Sort-Object)
        @($all | Sort-Object PriceAmount -Descending)[0].Price.Amount | Should -Be $sorted[-1]
    }
}

Describe 'The rate table at 80 columns' {
    It 'shows every price whole, with its currency' {
        $lines = ($gb | Out-String -Width 80) -split "`r?`n"
        ($lines | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
        $lines[1] | Should -Match '\bPriceAmount\b'
        $lines[1] | Should -Match '\bPriceCurrency\b'
        foreach ($rate in $gb) {
            $amount = $rate.PriceAmount.ToString('0.0000##', [cultureinfo]::InvariantCulture)
            $row = $lines | Where-Object { $_ -match "^$($rate.CountryCode)\s+$($rate.DestinationPrefix)\s+$($rate.Origination)\s" }
            $row | Should -Match "(?<![\d.])$([regex]::Escape($amount))\s+EUR\b" -Because "the rate to $($rate.DestinationPrefix) from $($rate.Origination)"
        }
    }
}

Describe '-Prefix written as in E.164' {
    It 'sends ''<Given>'' as prefix=4915 and finds the German mobile rates' -ForEach @(
        @{ Given = '+4915' }
        @{ Given = '+49 15' }
        @{ Given = ' 4915 ' }
    ) {
        Clear-FakeApiRequest $api
        $rates = @(Get-MhPhoneNumberRate -Prefix $Given)
        $rates.Count | Should -Be 2
        $rates.DestinationPrefix | Select-Object -Unique | Should -Be '4915'
        (Get-FakeApiRequest $api).query | Should -Be @('page=1&per_page=200&prefix=4915')
    }

    It 'refuses ''<Given>'', which could match no prefix, before any request' -ForEach @(
        @{ Given = '+' }
        @{ Given = 'DE' }
        @{ Given = '49-15x' }
    ) {
        Clear-FakeApiRequest $api
        $err = $null
        try { Get-MhPhoneNumberRate -Prefix $Given -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $err.Exception.Message | Should -Match 'digits'
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }
}
