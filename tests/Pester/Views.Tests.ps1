# What Format-List, Format-Table and Export-Csv show of the numbers: meaning in words, never a type name.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    # Every public class of the model, from the assembly: a part added later is covered too.
    $script:modelCases = @([Mindhunters.Model.PhoneNumber].Assembly.GetExportedTypes() |
            Where-Object { $_.Namespace -eq 'Mindhunters.Model' -and $_.IsClass } |
            ForEach-Object { @{ Name = $_.Name; Type = $_ } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:api = Start-FakeApi -Count 60 -Token 'views-token'
    Connect-MhAccount -Subdomain views -Token (ConvertTo-SecureString 'views-token' -AsPlainText -Force) -BaseUri $api.BaseUri
    $script:numbers = @(Get-MhPhoneNumber -IncludeExternal)
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'The list view' {
    BeforeAll {
        $text = $numbers | Format-List | Out-String -Width 250
    }

    It 'is the module''s list view, with the nested parts by name' {
        $labels = 'Number', 'PhoneNumberUuid', 'CountryCode', 'Type', 'Status', 'IsExternal', 'Compliance', 'Capabilities',
            'ChannelSettings', 'Billing', 'Bindings', 'PurchasedAt', 'UpdatedAt'
        foreach ($label in $labels) { $text | Should -Match "(?m)^$label\s+: " }
    }

    It 'reads capabilities as words ("voice, sms")' {
        $text | Should -Match '(?m)^Capabilities\s+: voice, sms\b'
    }

    It 'reads the fee with its currency ("4.99 EUR")' {
        $text | Should -Match '(?m)^Billing\s+: \d+\.\d{2} EUR$'
        $text | Should -Match '(?m)^Billing\s+: \d+\.\d{2} USD$'
    }

    It 'reads the bindings as channel and agent ("call: Agent 7")' {
        $text | Should -Match '(?m)^Bindings\s+: call: Agent \d+'
        $text | Should -Match '(?m)^Bindings\s+: none$'
    }

    It 'reads the channel settings and the compliance as words' {
        $text | Should -Match '(?m)^ChannelSettings\s+: voice: (on|off)( \(limit \d+\))?, sms: (on|off)'
        $text | Should -Match '(?m)^Compliance\s+: (completed|requirement_pending)'
    }

    It 'shows no type name, here or with Format-List *' {
        $text | Should -Not -Match 'Mindhunters\.'
        $numbers | Format-List -Property * | Out-String -Width 250 | Should -Not -Match 'Mindhunters\.'
    }
}

Describe 'Export-Csv and ConvertTo-Csv' {
    It 'write no type name in any column' {
        $csv = $numbers | ConvertTo-Csv -NoTypeInformation | Out-String
        $csv | Should -Not -Match 'Mindhunters\.'
        $csv | Should -Match '"voice, sms'
    }

    It 'give columns a runbook can read back' {
        $path = Join-Path $TestDrive 'numbers.csv'
        $numbers | Export-Csv -Path $path -NoTypeInformation
        $rows = @(Import-Csv -Path $path)
        $rows.Count | Should -Be $numbers.Count
        $rows[0].Number | Should -Be $numbers[0].Number
        $rows | ForEach-Object {
            $_.Billing | Should -Match '^\d+\.\d{2}(\d{1,2})? [A-Z]{3}$'
            $_.Capabilities | Should -Match '^(none|[a-z_]+(, [a-z_]+)*)$'
            $_.Bindings | Should -Match '^(none|(call|sms|whatsapp): .+)$'
        }
        (Get-Content -Path $path -Raw) | Should -Not -Match 'Mindhunters\.'
    }
}

Describe 'Every part of a number reads as words' {
    It '<Name> overrides ToString' -ForEach $modelCases {
        $Type.GetMethod('ToString', [type[]]@()).DeclaringType | Should -Be $Type
    }

    It 'no nested value of any listed number prints as its type name' {
        foreach ($number in $numbers) {
            foreach ($property in $number.PSObject.Properties) {
                if ($null -ne $property.Value) { "$($property.Value)" | Should -Not -Match '^Mindhunters\.' -Because $property.Name }
            }
            foreach ($part in $number.ChannelSettings.Voice, $number.ChannelSettings.Sms, $number.Bindings.Call, $number.Bindings.Sms) {
                if ($null -ne $part) { "$part" | Should -Not -Match '^Mindhunters\.' }
            }
        }
    }
}
