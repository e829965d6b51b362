# What Format-List, Format-Table and Export-Csv show of the numbers: meaning in words, never a type name.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    # Every public class of the model, from the assembly: a part added later is covered too.
    $script:modelCases = @([Mindhunters.Model.PhoneNumber].Assembly.GetExportedTypes() |
            Where-Object { $_.Namespace -eq 'Mindhunters.Model' -and $_.IsClass } |
            ForEach-Object { @{ Name = $_.Name; Type = $_ } })

    # Every column of every table view in the shipped format file, with the header a user reads: its Label, or
    # the PropertyName PowerShell prints when there is none. Views added later are covered without a change here.
    $formatFile = Join-Path (Split-Path (Get-BuiltModulePath)) 'Mindhunters.Format.ps1xml'
    $script:tableColumnCases = @(foreach ($view in ([xml](Get-Content $formatFile -Raw)).Configuration.ViewDefinitions.View) {
            if (-not $view['TableControl']) { continue }
            $headers = @($view.TableControl.TableHeaders.TableColumnHeader)
            foreach ($entry in @($view.TableControl.TableRowEntries.TableRowEntry)) {
                $items = @($entry.TableColumnItems.TableColumnItem)
                for ($i = 0; $i -lt $items.Count; $i++) {
                    $label = if ($i -lt $headers.Count -and $headers[$i]['Label']) { $headers[$i].Label } else { $items[$i].PropertyName }
                    foreach ($typeName in @($view.ViewSelectedBy.TypeName)) {
                        @{ View = $view.Name; TypeName = $typeName; Header = $label }
                    }
                }
            }
        })
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
        # One Should for all of them (a Should per value cost about 2,300 here); the failure names each number and value.
        $typeNames = @(foreach ($number in $numbers) {
                foreach ($property in $number.PSObject.Properties) {
                    if ($null -ne $property.Value -and "$($property.Value)" -match '^Mindhunters\.') { "$($number.Number) $($property.Name): $($property.Value)" }
                }
                foreach ($part in $number.ChannelSettings.Voice, $number.ChannelSettings.Sms, $number.Bindings.Call, $number.Bindings.Sms) {
                    if ($null -ne $part -and "$part" -match '^Mindhunters\.') { "$($number.Number) part: $part" }
                }
            })
        $typeNames | Should -BeNullOrEmpty
    }
}

Describe 'What a table shows is what a pipeline can use' {
    It 'the header "<Header>" of the table view <View> names a property of <TypeName>' -ForEach $tableColumnCases {
        $type = [Mindhunters.Model.PhoneNumber].Assembly.GetType($TypeName)
        if (-not $type) { $type = $TypeName -as [type] }
        $type | Should -Not -BeNullOrEmpty -Because "the view $View selects $TypeName"
        $Header | Should -BeIn @($type.GetProperties().Name) -Because 'Sort-Object, Where-Object and Group-Object take property names, not labels'
    }

    It 'sorts on MonthlyFee as a number' {
        $sorted = @($numbers | Sort-Object MonthlyFee)
        $sorted[0].MonthlyFee | Should -BeOfType ([decimal])
        $sorted.MonthlyFee | Should -Be @($numbers.Billing.MonthlyFee | Sort-Object)
        $sorted[0].MonthlyFee | Should -BeLessThan $sorted[-1].MonthlyFee
    }

    It 'filters on MonthlyFee and Currency' {
        $dear = @($numbers | Where-Object MonthlyFee -gt 5)
        $dear.Count | Should -BeGreaterThan 0
        $dear.Count | Should -Be @($numbers | Where-Object { $_.Billing.MonthlyFee -gt 5 }).Count
        @($numbers | Where-Object Currency -eq 'USD').Count | Should -Be @($numbers | Where-Object { $_.Billing.Currency -eq 'USD' }).Count
    }

    It 'groups on CountryCode' {
        $groups = @($numbers | Group-Object CountryCode)
        $groups.Count | Should -BeGreaterThan 1
        $groups.Name | Should -Not -Contain ''
    }

    It 'names the agent bound for calls in CallAgentName and CallAgentUuid' {
        $bound = @($numbers | Where-Object CallAgentName)
        $bound.Count | Should -BeGreaterThan 0
        $bound | ForEach-Object {
            $_.CallAgentName | Should -Be $_.Bindings.Call.AgentName
            $_.CallAgentUuid | Should -Be $_.Bindings.Call.AgentUuid
        }
        $numbers | Where-Object { -not $_.Bindings.Call.Bound } | ForEach-Object { $_.CallAgentName | Should -BeNullOrEmpty }
    }

    It 'Export-Csv writes a MonthlyFee column a spreadsheet can sum, and Currency beside it' {
        $path = Join-Path $TestDrive 'fees.csv'
        $numbers | Export-Csv -Path $path -NoTypeInformation
        $rows = @(Import-Csv -Path $path)
        $rows | ForEach-Object {
            $_.MonthlyFee | Should -Match '^\d+(\.\d+)?$'
            $_.Currency | Should -Match '^[A-Z]{3}$'
        }
        $sum = ($rows | ForEach-Object { [decimal]::Parse($_.MonthlyFee, [cultureinfo]::InvariantCulture) } | Measure-Object -Sum).Sum
        $sum | Should -Be ($numbers.Billing.MonthlyFee | Measure-Object -Sum).Sum
    }
}
