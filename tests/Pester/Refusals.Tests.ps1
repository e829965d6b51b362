# What the module refuses before any request, and how a refusal ends a script: empty uuids and filters (which would
# mean "every number"), blank text filters, invalid wildcards, and a missing or broken connection in a runbook.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'refusal-Token-5d1c'
    $script:api = Start-FakeApi -Count 60 -Token $token
    Connect-MhAccount -Subdomain refuse -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
    $script:supportDesk = [guid]'7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e52'
    function script:Get-FakeNumberUuid([int] $Index) { [guid]('{0:x8}-0000-4000-8000-{0:x12}' -f $Index) }

    # The requests the fake received while $Command ran.
    function script:Get-RequestOf([scriptblock] $Action) {
        Clear-FakeApiRequest $api
        $null = & $Action
        , @(Get-FakeApiRequest $api)
    }

    # Runs $Script as a runbook does: pwsh -NonInteractive -File runbook.ps1, in a fresh process. Invoke-ChildPwsh puts
    # -EncodedCommand after the extra arguments; after -File they are only the script's unused $args.
    function script:Invoke-Runbook([string] $Script, [hashtable] $Environment) {
        $path = Join-Path ([IO.Path]::GetTempPath()) "mh-runbook-$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content -Path $path -Value "Import-Module '$(Get-BuiltModulePath)'`n$Script"
        try {
            Invoke-ChildPwsh -TimeoutSec 120 -Environment $Environment -ExtraArgument '-File', $path -Script '#'
        } finally {
            Remove-Item $path
        }
    }
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'An empty uuid is never a filter or a target' {
    It 'Get-MhPhoneNumber refuses -BoundToAgentUuid <Case> before any request, and says why' -ForEach @(
        @{ Case = '$null'; Value = $null }
        @{ Case = '[guid]::Empty'; Value = [guid]::Empty }
    ) {
        $requests = Get-RequestOf { { Get-MhPhoneNumber -BoundToAgentUuid $Value } | Should -Throw -ErrorId 'MhEmptyUuid,Mindhunters.Commands.GetMhPhoneNumberCommand' }
        $requests.Count | Should -Be 0
        try { Get-MhPhoneNumber -BoundToAgentUuid $Value } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match 'every phone number'
        $err.Exception.Message | Should -Match 'Get-MhAgent'
    }

    It 'refuses the uuid of an agent lookup that found nothing (a typo in the name)' {
        $requests = Get-RequestOf {
            $agent = Get-MhAgent -Name 'Suport Desk'
            { Get-MhPhoneNumber -BoundToAgentUuid $agent.AgentUuid | Set-MhPhoneNumber -SmsEnabled $false -Confirm:$false } |
                Should -Throw -ErrorId 'MhEmptyUuid,*'
        }
        @($requests | Where-Object path -EQ '/api/v1/phone-numbers').Count | Should -Be 0
        @($requests | Where-Object method -EQ 'PATCH').Count | Should -Be 0
    }

    It 'from the pipeline, an empty AgentUuid is an error for that object only; the next one is listed' {
        $requests = Get-RequestOf {
            $script:listed = @(
                [pscustomobject]@{ AgentUuid = [guid]::Empty }, [pscustomobject]@{ AgentUuid = $null }, [pscustomobject]@{ AgentUuid = $supportDesk } |
                    Get-MhPhoneNumber -ErrorVariable script:refused -ErrorAction SilentlyContinue)
        }
        $refused.Count | Should -Be 2
        $refused.FullyQualifiedErrorId | Should -Be @('MhEmptyUuid,Mindhunters.Commands.GetMhPhoneNumberCommand', 'MhEmptyUuid,Mindhunters.Commands.GetMhPhoneNumberCommand')
        $requests.query | Should -Be @("page=1&per_page=100&bound_to_agent_uuid=$supportDesk")
        $listed.Count | Should -BeGreaterThan 0
    }

    It 'Set-MhPhoneNumber refuses -PhoneNumberUuid [guid]::Empty before any request' {
        $requests = Get-RequestOf {
            { Set-MhPhoneNumber -PhoneNumberUuid ([guid]::Empty) -SmsEnabled $false -Confirm:$false } |
                Should -Throw -ErrorId 'MhEmptyUuid,Mindhunters.Commands.SetMhPhoneNumberCommand'
        }
        $requests.Count | Should -Be 0
    }

    It 'Set-MhPhoneNumber sends nothing for a piped empty uuid and goes on with the next number' {
        $requests = Get-RequestOf {
            [pscustomobject]@{ PhoneNumberUuid = [guid]::Empty }, [pscustomobject]@{ PhoneNumberUuid = Get-FakeNumberUuid 1 } |
                Set-MhPhoneNumber -InboundEnabled $true -Confirm:$false -ErrorVariable script:refused -ErrorAction SilentlyContinue
        }
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'MhEmptyUuid,*'
        $requests.path | Should -Be @("/api/v1/phone-numbers/$(Get-FakeNumberUuid 1)")
    }
}

Describe 'Blank text filters' {
    It '<Command> refuses <Parameter> of only white space before any request' -ForEach @(
        @{ Command = 'Get-MhPhoneNumberRate'; Parameter = 'Prefix'; Value = '   ' }
        @{ Command = 'Get-MhPhoneNumberRate'; Parameter = 'Prefix'; Value = "`t" }
        @{ Command = 'Get-MhPhoneNumber'; Parameter = 'Search'; Value = ' ' }
    ) {
        $arguments = @{ $Parameter = $Value }
        $requests = Get-RequestOf { { & $Command @arguments } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*' }
        $requests.Count | Should -Be 0
        try { & $Command @arguments } catch { $_.Exception.Message | Should -Match 'white space' }
    }
}

Describe 'An invalid wildcard' {
    It 'Get-MhAgent refuses -Name <Name> before any request, with the module''s error id' -ForEach @(
        @{ Name = @('Agent [EU') }
        @{ Name = @('Support*', 'Agent [EU') }
    ) {
        $requests = Get-RequestOf { { Get-MhAgent -Name $Name } | Should -Throw -ErrorId 'MhInvalidWildcard,Mindhunters.Commands.GetMhAgentCommand' }
        $requests.Count | Should -Be 0
        try { Get-MhAgent -Name $Name } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match ([regex]::Escape("'Agent [EU'"))
    }

    It 'still takes an escaped bracket' {
        @(Get-MhAgent -Name 'Support Desk`[*').Count | Should -Be 0
    }
}

# That `pwsh -NonInteractive -File` exits non-zero when a script stops is PowerShell's; what each refusal must do is
# stop the script. So one refusal runs as a runbook of its own, and the other cases one after another in one such
# runbook (a fresh process costs 2 core-seconds), each judged by its environment, its requests and its outcome: stopped
# or not, and what it wrote before. The cases are the Describe's data: discovery makes an It of each, BeforeAll runs them.
Describe 'A refusal before any request in a runbook' -ForEach @(@{
        EnvironmentCases = @(
            @{ Case = 'MIHU_API_TOKEN empty'; Environment = @{ MIHU_TENANT = 'refuse'; MIHU_API_TOKEN = ''; MIHU_BASE_URI = '' }; Message = 'MIHU_API_TOKEN is not set' }
            @{ Case = 'a bad MIHU_BASE_URI'; Environment = @{ MIHU_TENANT = 'refuse'; MIHU_API_TOKEN = 'x'; MIHU_BASE_URI = 'ftp://refuse.example.com' }; Message = 'MIHU_BASE_URI must use https' }
            @{ Case = 'a token with a line break'; Environment = @{ MIHU_TENANT = 'refuse'; MIHU_API_TOKEN = "abc`ndef"; MIHU_BASE_URI = '' }; Message = 'control character' }
        )
        CommandCases = @(
            @{ Case = 'an empty agent uuid'; Command = 'Get-MhPhoneNumber -BoundToAgentUuid $null -ErrorAction Stop' }
            @{ Case = 'an invalid wildcard'; Command = 'Get-MhAgent -Name ''[EU'' -ErrorAction Stop' }
            @{ Case = 'a change without a setting'; Command = 'Set-MhPhoneNumber -PhoneNumberUuid 00000001-0000-4000-8000-000000000001 -ErrorAction Stop' }
            @{ Case = 'an empty number uuid'; Command = 'Set-MhPhoneNumber -PhoneNumberUuid ([guid]::Empty) -SmsEnabled $false -ErrorAction Stop' }
            @{ Case = 'a bad subdomain'; Command = 'Connect-MhAccount -Subdomain a.b -Token (ConvertTo-SecureString x -AsPlainText -Force) -ErrorAction Stop' }
        )
    }) {
    BeforeAll {
        $script:csv = Join-Path ([IO.Path]::GetTempPath()) "mh-refusal-$([guid]::NewGuid().ToString('N')).csv"
        $script:connected = @{ MIHU_TENANT = 'refuse'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = $api.BaseUri }
        $notConnected = @{ MIHU_TENANT = ''; MIHU_API_TOKEN = ''; MIHU_BASE_URI = '' }
        $export = "Get-MhPhoneNumber -ErrorAction Stop | Export-Csv -Path '$csv' -NoTypeInformation`n'after the export'"
        $scripts = @($EnvironmentCases | ForEach-Object { @{ Case = $_.Case; Environment = $_.Environment; Script = $export } }) +
            @(@{ Case = 'ErrorActionPreference'; Environment = $notConnected; Script = "`$ErrorActionPreference = 'Stop'`nGet-MhAgent | Export-Csv -Path '$csv' -NoTypeInformation`n'after the export'" }) +
            @($CommandCases | ForEach-Object { @{ Case = $_.Case; Environment = $connected; Script = "$($_.Command)`n'after'" } })
        # Each case in a runspace of its own, as its own runbook would run it: no try around it (a try would catch what
        # only ends one statement), and what ends the script ends Invoke, the way it ends `pwsh -File` with exit code 1.
        $runner = @"
foreach (`$case in ConvertFrom-Json @'
$(ConvertTo-Json -InputObject $scripts -Depth 4 -Compress)
'@) {
    foreach (`$name in 'MIHU_TENANT', 'MIHU_API_TOKEN', 'MIHU_BASE_URI') { [Environment]::SetEnvironmentVariable(`$name, `$case.Environment.`$name) }
    Remove-Item '$csv' -ErrorAction Ignore
    `$null = Invoke-RestMethod -Method Delete -Uri '$($api.BaseUri)/_fake/requests'
    `$runbook = [powershell]::Create().AddScript("Import-Module '$(Get-BuiltModulePath)'").AddStatement().AddScript(`$case.Script)
    `$written = [Management.Automation.PSDataCollection[psobject]]::new(); `$stopped = `$false; `$message = ''
    try { `$runbook.Invoke(`$null, `$written) } catch { `$stopped = `$true; `$message = `$_.Exception.GetBaseException().Message } finally { `$runbook.Runspace.Dispose(); `$runbook.Dispose() }
    `$requests = @(Invoke-RestMethod -Uri '$($api.BaseUri)/_fake/requests' | ForEach-Object { `$_ }).Count
    `$csvLength = if (Test-Path '$csv') { (Get-Item '$csv').Length } else { 0 }
    'CASE ' + (@{ Case = `$case.Case; Stopped = `$stopped; Written = @(`$written | ForEach-Object { "`$_" }); Message = `$message; Requests = `$requests; CsvLength = `$csvLength } | ConvertTo-Json -Compress)
}
"@
        $run = Invoke-Runbook -Script $runner -Environment @{}
        $script:outcome = @{}
        foreach ($line in $run.Output | Where-Object { $_ -like 'CASE *' }) { $o = $line.Substring(5) | ConvertFrom-Json; $outcome[$o.Case] = $o }
        $run.ExitCode | Should -Be 0 -Because "the runbook of the cases ends whatever each case does: $($run.Error)"
    }
    AfterEach { Remove-Item $csv -ErrorAction Ignore }

    It 'stops the script and exits non-zero under -ErrorAction Stop, in a runbook of its own: not connected' {
        $result = Invoke-Runbook -Environment $notConnected -Script $export
        $result.ExitCode | Should -Not -Be 0
        $result.Output | Should -Not -Contain 'after the export'
        $result.Error | Should -Match 'Not connected'
        if (Test-Path $csv) { (Get-Item $csv).Length | Should -Be 0 }
    }

    It 'stops the script under -ErrorAction Stop: <Case>' -ForEach $EnvironmentCases {
        $outcome[$Case].Stopped | Should -BeTrue
        $outcome[$Case].Written | Should -Not -Contain 'after the export'
        $outcome[$Case].Message | Should -Match $Message
        $outcome[$Case].CsvLength | Should -Be 0
    }

    It 'stops the script under $ErrorActionPreference = ''Stop'' too' {
        $outcome['ErrorActionPreference'].Stopped | Should -BeTrue
        $outcome['ErrorActionPreference'].Written | Should -Not -Contain 'after the export'
        $outcome['ErrorActionPreference'].Requests | Should -Be 0
    }

    It 'stops the script for <Case> under -ErrorAction Stop, before any request' -ForEach $CommandCases {
        $outcome[$Case].Stopped | Should -BeTrue
        $outcome[$Case].Written | Should -Not -Contain 'after'
        $outcome[$Case].Requests | Should -Be 0
    }

    It 'at the prompt, stays as it was: the same error ends that command only, a try/catch still catches it' {
        $result = Invoke-Runbook -Environment $notConnected -Script @"
`$listed = Get-MhPhoneNumber
"listed: `$((`$listed | Measure-Object).Count)"
try { Get-MhPhoneNumber -ErrorAction Stop } catch { "caught: `$(`$_.FullyQualifiedErrorId)" }
try { Get-MhPhoneNumber } catch { "caught without Stop: `$(`$_.FullyQualifiedErrorId)" }
"errors: `$(`$Error.Count), first: `$(`$Error[-1].FullyQualifiedErrorId)"
"@
        $result.ExitCode | Should -Be 0
        $result.Output | Should -Contain 'listed: 0'
        $result.Output | Should -Contain 'caught: MhNotConnected,Mindhunters.Commands.GetMhPhoneNumberCommand'
        $result.Output | Should -Contain 'caught without Stop: MhNotConnected,Mindhunters.Commands.GetMhPhoneNumberCommand'
        $result.Output | Should -Contain 'errors: 3, first: MhNotConnected,Mindhunters.Commands.GetMhPhoneNumberCommand'
        $result.Error | Should -Match 'Not connected to a Mindhunters workspace'
    }
}
