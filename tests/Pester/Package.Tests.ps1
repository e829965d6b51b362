# Shipping: the manifest, the gallery package and the Azure Automation zip as build.ps1 -Task Package leaves them,
# installed the way users install them, and the sample runbook, all without ever prompting.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:root = (Resolve-Path "$PSScriptRoot/../..").Path
    $script:manifest = Get-BuiltModulePath
    $script:version = (Import-PowerShellDataFile (Join-Path $root 'Mindhunters.psd1')).ModuleVersion
    $script:nupkg = Join-Path $root "out/Mindhunters.$version.nupkg"
    $script:api = Start-FakeApi -Count 40 -Token 'package-token'

    # A throwaway HOME (installing never touches this machine) and the runbook variables.
    function script:New-InstallEnvironment {
        $environment = New-IsolatedEnvironment -Path $TestDrive
        $environment.PSModulePath = ''
        $environment.MIHU_TENANT = 'package'; $environment.MIHU_API_TOKEN = 'package-token'; $environment.MIHU_BASE_URI = $api.BaseUri
        $environment
    }

    # Copies the nupkg into a fresh folder that serves as the local repository.
    function script:New-LocalRepository {
        $repository = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $repository
        Copy-Item $nupkg $repository
        $repository
    }

    # What every installed copy must do: import by name, list, show help.
    $script:useInstalled = @'
$ErrorActionPreference = 'Stop'
Import-Module Mindhunters
$m = Get-Module Mindhunters
"base=$($m.ModuleBase)"
"version=$($m.Version)"
"count=$(@(Get-MhPhoneNumber).Count)"
"synopsis=$((Get-Help Get-MhPhoneNumber).Synopsis)"
'@
}

AfterAll { Stop-FakeApi $api }

Describe 'The manifest' {
    It 'passes Test-ModuleManifest with everything the gallery shows' {
        $m = Test-ModuleManifest $manifest
        $m.Version | Should -Be $version
        $m.Guid | Should -Not -Be ([guid]::Empty)
        $m.Author | Should -Not -BeNullOrEmpty
        $m.CompanyName | Should -Not -BeNullOrEmpty
        $m.Copyright | Should -Not -BeNullOrEmpty
        $m.Description | Should -Not -BeNullOrEmpty
        $m.PowerShellVersion | Should -Be '5.1'
        $m.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $m.RootModule | Should -Be 'Mindhunters.dll'
        $m.ExportedCmdlets.Keys | Sort-Object | Should -Be @('Connect-MhAccount', 'Disconnect-MhAccount', 'Get-MhAgent', 'Get-MhContext', 'Get-MhPhoneNumber',
            'Get-MhPhoneNumberRate', 'Get-MhPhoneNumberTrunk', 'Invoke-MhRequest', 'New-MhPhoneNumber', 'New-MhPhoneNumberTrunk', 'Remove-MhPhoneNumberTrunk',
            'Set-MhPhoneNumber', 'Set-MhPhoneNumberBinding', 'Set-MhPhoneNumberTrunk')
        $m.ExportedFunctions.Count | Should -Be 0
        $m.ExportedAliases.Count | Should -Be 0
        $m.ExportedVariables.Count | Should -Be 0
        $m.Tags | Should -Be @('Mindhunters', 'Mihu', 'telephony', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
        $m.ProjectUri | Should -Not -BeNullOrEmpty
        $m.LicenseUri | Should -Not -BeNullOrEmpty
        $m.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'lists every cmdlet by name, with no wildcards' {
        $data = Import-PowerShellDataFile $manifest
        $data.CmdletsToExport | Should -Not -Contain '*'
        $data.FunctionsToExport | Should -HaveCount 0
        $data.AliasesToExport | Should -HaveCount 0
        $data.VariablesToExport | Should -HaveCount 0
    }

    It 'stamps the manifest version into the assembly' {
        $assembly = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path (Split-Path $manifest) 'Mindhunters.dll'))
        $assembly.Version.ToString(3) | Should -Be $version
    }
}

Describe 'The packages' {
    It 'Package left the nupkg and the zip with the Mindhunters folder at its root' {
        $nupkg | Should -Exist
        $zip = Join-Path $root 'out/Mindhunters.zip'
        $zip | Should -Exist
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($zip)
        try { $entries = $archive.Entries.FullName -replace '\\', '/' } finally { $archive.Dispose() }
        $entries | Should -Contain 'Mindhunters/Mindhunters.psd1'
        $entries | Should -Contain 'Mindhunters/Mindhunters.dll'
        $entries | Should -Contain 'Mindhunters/System.Text.Json.dll'
        $entries | Should -Contain 'Mindhunters/en-US/Mindhunters.dll-Help.xml'
        $entries | ForEach-Object { $_ | Should -BeLike 'Mindhunters/*' }
    }

    It 'installs with Install-PSResource, imports by name, lists and shows help' {
        $repository = New-LocalRepository
        $result = Invoke-ChildPwsh -Environment (New-InstallEnvironment) -Script (@"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name MhTest -Uri '$repository' -Trusted
Install-PSResource -Name Mindhunters -Repository MhTest -TrustRepository -Scope CurrentUser -Quiet
"@ + "`n" + $useInstalled)
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Contain "version=$version"
        $result.Output | Should -Contain 'count=36'
        ($result.Output | Where-Object { $_ -like 'synopsis=*' }) | Should -Match 'phone numbers'
        ($result.Output | Where-Object { $_ -like 'base=*' }) | Should -Not -BeLike "*$root*"
    }

    It 'installs with PowerShellGet 2 Install-Module, imports by name, lists and shows help' {
        $repository = New-LocalRepository
        $result = Invoke-ChildPwsh -Environment (New-InstallEnvironment) -Script (@"
`$ErrorActionPreference = 'Stop'
Import-Module PowerShellGet -RequiredVersion 2.2.5
Register-PSRepository -Name MhTest -SourceLocation '$repository' -InstallationPolicy Trusted
Install-Module -Name Mindhunters -Repository MhTest -Scope CurrentUser
"@ + "`n" + $useInstalled)
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Contain "version=$version"
        $result.Output | Should -Contain 'count=36'
        ($result.Output | Where-Object { $_ -like 'synopsis=*' }) | Should -Not -Be 'synopsis='
    }
}

Describe 'Runbooks' {
    BeforeAll {
        # A copy away from the clone, as on Azure Automation: with no out/ beside it, the runbook imports Mindhunters
        # by name, so put the built module on the path. (Sample.Tests.ps1 runs it from the clone.)
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'runbook') -Force
        $script:runbook = Join-Path $folder 'Export-ActiveNumbers.ps1'
        Copy-Item (Join-Path $root 'samples/Export-ActiveNumbers.ps1') $runbook
        $script:csv = Join-Path $TestDrive 'active.csv'
        # The three runs one after another in one fresh pwsh under -NonInteractive (a pwsh costs about 2 core-seconds to
        # start); each reports its own output, errors and exit code.
        $script:runs = Invoke-ChildPwshSection -Environment @{
            PSModulePath = (Join-Path $root 'out') + [IO.Path]::PathSeparator + $env:PSModulePath
            MIHU_TENANT = 'package'; MIHU_API_TOKEN = 'package-token'; MIHU_BASE_URI = $api.BaseUri
        } -Section ([ordered]@{
                export      = "& '$runbook' -Path '$csv'"
                wrong       = @{ Script = "& '$runbook' -Path '$TestDrive/x.csv'"; Environment = @{ MIHU_API_TOKEN = 'wrong' } }
                'no-prompt' = @'
Import-Module Mindhunters
$steps = [ordered]@{
    'Get-MhContext'           = { Get-MhContext }
    'Get-MhPhoneNumber'       = { Get-MhPhoneNumber -First 1 }
    'Get-MhAgent'             = { Get-MhAgent -First 1 }
    'Get-MhPhoneNumberRate'   = { Get-MhPhoneNumberRate -First 1 }
    'Set without a uuid'      = { Set-MhPhoneNumber -SmsEnabled $false }
    'Connect-MhAccount'       = { Connect-MhAccount -Subdomain acme -Token (ConvertTo-SecureString 'x' -AsPlainText -Force) -BaseUri $env:MIHU_BASE_URI -SkipValidation }
    'Disconnect-MhAccount'    = { Disconnect-MhAccount }
    'Connect without a token' = { Connect-MhAccount -Subdomain acme }
}
foreach ($name in $steps.Keys) {
    try { $null = & $steps[$name]; "$name=ok" } catch { "$name=error:$($_.FullyQualifiedErrorId)" }
}
'@
            })
    }

    It 'the sample runbook exports the active numbers to CSV under -NonInteractive' {
        $runs.export.LastExitCode | Should -Be 0 -Because $runs.export.Error
        $rows = Import-Csv $csv
        $rows.Count | Should -BeGreaterThan 0
        $rows | ForEach-Object { $_.Status | Should -Be 'active' }
        $rows[0].MonthlyFee | Should -Match '^\d+(\.\d+)?$'
        $rows[0].Currency | Should -Match '^(EUR|USD)$'
        $rows[0].Capabilities | Should -Not -Match 'Mindhunters'
        $runs.export.Output | Should -Contain "Exported $($rows.Count) active phone numbers to $csv."
    }

    It 'the sample runbook exits 1 with the error when the token is wrong' {
        $runs.wrong.LastExitCode | Should -Be 1
        $runs.wrong.Error | Should -Match '401'
        $runs.wrong.Error | Should -Not -Match 'package-token'
    }

    It 'no cmdlet ever prompts under -NonInteractive' {
        $result = $runs.'no-prompt'
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Contain 'Get-MhContext=ok'
        $result.Output | Should -Contain 'Get-MhPhoneNumber=ok'
        $result.Output | Should -Contain 'Get-MhAgent=ok'
        $result.Output | Should -Contain 'Get-MhPhoneNumberRate=ok'
        ($result.Output | Where-Object { $_ -like 'Set without a uuid=*' }) | Should -BeLike 'Set without a uuid=error:*'
        $result.Output | Should -Contain 'Connect-MhAccount=ok'
        $result.Output | Should -Contain 'Disconnect-MhAccount=ok'
        # A missing mandatory value fails at once instead of waiting for someone to type it.
        ($result.Output | Where-Object { $_ -like 'Connect without a token=*' }) | Should -BeLike 'Connect without a token=error:*'
    }
}
