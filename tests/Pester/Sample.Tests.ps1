# samples/Export-ActiveNumbers.ps1 run from a clone the way the README says: no PSModulePath change, no install.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:api = Start-FakeApi -Count 40 -Token 'sample-token'
    # A workspace with no number at all, for the header-only export.
    $script:empty = Start-FakeApi -Count 0 -Token 'sample-token'
    $script:sample = './samples/Export-ActiveNumbers.ps1'   # Invoke-ChildPwsh runs in the repository root
    $script:environment = @{ MIHU_TENANT = 'sample'; MIHU_API_TOKEN = 'sample-token'; MIHU_BASE_URI = $api.BaseUri }
}

AfterAll {
    Stop-FakeApi $api
    Stop-FakeApi $empty
}

Describe 'The sample runbook from a clone' {
    BeforeAll {
        $script:folder = @{}
        foreach ($name in 'ok', 'wrong', 'earlier') { $folder[$name] = (New-Item -ItemType Directory (Join-Path $TestDrive $name)).FullName }
        Set-Content (Join-Path $folder.earlier 'active.csv') 'earlier export'
        $script:csv = @{
            ok = Join-Path $folder.ok 'active.csv'; wrong = Join-Path $folder.wrong 'active.csv'
            earlier = Join-Path $folder.earlier 'active.csv'; none = Join-Path $TestDrive 'none.csv'
        }
        # Each run is the runbook as a scheduler starts it (& script, then its exit code), one after another in one fresh
        # pwsh: a pwsh per run cost about 2 core-seconds each. Each run reports its own exit code, output and errors.
        $run = { param($Name) "& '$sample' -Path '$($csv[$Name])'" }
        $script:runs = Invoke-ChildPwshSection -Environment $environment -Section ([ordered]@{
                ok      = & $run 'ok'
                wrong   = @{ Script = & $run 'wrong'; Environment = @{ MIHU_API_TOKEN = 'wrong-token' } }
                earlier = @{ Script = & $run 'earlier'; Environment = @{ MIHU_API_TOKEN = 'wrong-token' } }
                none    = @{ Script = & $run 'none'; Environment = @{ MIHU_BASE_URI = $empty.BaseUri } }
            })
    }

    It 'finds the built module and exports the active numbers, with a fee column a spreadsheet can sum' {
        $runs.ok.LastExitCode | Should -Be 0 -Because $runs.ok.Error
        $rows = @(Import-Csv $csv.ok)
        $rows.Count | Should -BeGreaterThan 0
        $rows | ForEach-Object {
            $_.Status | Should -Be 'active'
            $_.MonthlyFee | Should -Match '^\d+(\.\d+)?$'
            $_.Currency | Should -Match '^[A-Z]{3}$'
        }
        $runs.ok.Output | Should -Contain "Exported $($rows.Count) active phone numbers to $($csv.ok)."
        @(Get-ChildItem $folder.ok -Force).Name | Should -Be @('active.csv')
    }

    It 'on a wrong token exits 1 and leaves no file behind, not even a temporary one' {
        $runs.wrong.LastExitCode | Should -Be 1
        $runs.wrong.Error | Should -Match '401'
        $runs.wrong.Error | Should -Not -Match 'wrong-token'
        @(Get-ChildItem $folder.wrong -Force).Count | Should -Be 0
    }

    It 'on a failure leaves an earlier export as it was' {
        $runs.earlier.LastExitCode | Should -Be 1
        Get-Content $csv.earlier | Should -Be 'earlier export'
        @(Get-ChildItem $folder.earlier -Force).Name | Should -Be @('active.csv')
    }

    It 'writes the header line when no number is active' {
        $runs.none.LastExitCode | Should -Be 0 -Because $runs.none.Error
        @(Get-Content $csv.none)[0] | Should -Match '^"Number","CountryCode",.*"MonthlyFee","Currency"'
        @(Get-Content $csv.none).Count | Should -Be 1
    }
}
