# samples/Export-ActiveNumbers.ps1 run from a clone the way the README says: no PSModulePath change, no install.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:api = Start-FakeApi -Count 40 -Token 'sample-token'
    $script:sample = './samples/Export-ActiveNumbers.ps1'   # Invoke-ChildPwsh runs in the repository root
    $script:environment = @{ MIHU_TENANT = 'sample'; MIHU_API_TOKEN = 'sample-token'; MIHU_BASE_URI = $api.BaseUri }

    function script:Invoke-Sample([string] $Path, [hashtable] $Environment = $environment) {
        Invoke-ChildPwsh -Environment $Environment -Script "& '$sample' -Path '$Path'; exit `$LASTEXITCODE"
    }
}

AfterAll {
    Stop-FakeApi $api
}

Describe 'The sample runbook from a clone' {
    It 'finds the built module and exports the active numbers, with a fee column a spreadsheet can sum' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'ok')
        $csv = Join-Path $folder 'active.csv'
        $result = Invoke-Sample $csv
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $rows = @(Import-Csv $csv)
        $rows.Count | Should -BeGreaterThan 0
        $rows | ForEach-Object {
            $_.Status | Should -Be 'active'
            $_.MonthlyFee | Should -Match '^\d+(\.\d+)?$'
            $_.Currency | Should -Match '^[A-Z]{3}$'
        }
        $result.Output | Should -Contain "Exported $($rows.Count) active phone numbers to $csv."
        @(Get-ChildItem $folder -Force).Name | Should -Be @('active.csv')
    }

    It 'on a wrong token exits 1 and leaves no file behind, not even a temporary one' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'wrong')
        $bad = $environment.Clone(); $bad.MIHU_API_TOKEN = 'wrong-token'
        $result = Invoke-Sample (Join-Path $folder 'active.csv') $bad
        $result.ExitCode | Should -Be 1
        $result.Error | Should -Match '401'
        $result.Error | Should -Not -Match 'wrong-token'
        @(Get-ChildItem $folder -Force).Count | Should -Be 0
    }

    It 'on a failure leaves an earlier export as it was' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'earlier')
        $csv = Join-Path $folder 'active.csv'
        Set-Content $csv 'earlier export'
        $bad = $environment.Clone(); $bad.MIHU_API_TOKEN = 'wrong-token'
        (Invoke-Sample $csv $bad).ExitCode | Should -Be 1
        Get-Content $csv | Should -Be 'earlier export'
        @(Get-ChildItem $folder -Force).Name | Should -Be @('active.csv')
    }

    It 'writes the header line when no number is active' {
        $null = Invoke-RestMethod -Method Put -Uri "$($api.BaseUri)/_fake/count?value=0"
        try {
            $csv = Join-Path $TestDrive 'none.csv'
            $result = Invoke-Sample $csv
            $result.ExitCode | Should -Be 0 -Because $result.Error
            @(Get-Content $csv)[0] | Should -Match '^"Number","CountryCode",.*"MonthlyFee","Currency"'
            @(Get-Content $csv).Count | Should -Be 1
        } finally {
            $null = Invoke-RestMethod -Method Put -Uri "$($api.BaseUri)/_fake/count?value=$($api.Count)"
        }
    }
}
