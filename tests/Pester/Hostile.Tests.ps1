# Servers that try to break the module's promises, as a user meets them: through the cmdlets, every output stream,
# a transcript and $Error. The fake API serves each attack under its own base path, /hostile/{mode}/.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'hostile-' + [guid]::NewGuid().ToString('N')
    $script:api = Start-FakeApi -Count 250 -Token $token

    function script:Connect-Hostile([string] $Mode, [int] $TimeoutSec = 100) {
        Connect-MhAccount -Subdomain hostile -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri "$($api.BaseUri)/hostile/$Mode/" -TimeoutSec $TimeoutSec -SkipValidation
    }
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'A token echoed by the server' {
    It 'reaches no stream, transcript or error record (<Mode>)' -ForEach @(
        @{ Mode = 'echo-message' }, @{ Mode = 'echo-reason' }, @{ Mode = 'echo-reason-503' }, @{ Mode = 'echo-location' }
        @{ Mode = 'echo-data-error' }, @{ Mode = 'echo-html' }
    ) {
        Connect-Hostile $Mode
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "mh-hostile-$([guid]::NewGuid().ToString('N')).txt"
        $Error.Clear()
        $DebugPreference = 'Continue'
        Start-Transcript -Path $transcript -Force | Out-Null
        try {
            $all = Get-MhPhoneNumber -Verbose -ErrorAction Continue *>&1 | ForEach-Object { "$_" }
        } finally {
            Stop-Transcript | Out-Null
            $DebugPreference = 'SilentlyContinue'
        }
        $Error.Count | Should -BeGreaterThan 0
        $texts = @($all) + (Get-Content $transcript -Raw) +
            @($Error | ForEach-Object { "$_"; $_.Exception.ToString(); $_.ErrorDetails.Message; $_.ErrorDetails.RecommendedAction; $_.TargetObject })
        Remove-Item $transcript
        $prefix = $token.Substring(0, 12)
        foreach ($text in $texts) { "$text" | Should -Not -BeLike "*$prefix*" }
    }
}

Describe 'Terminal escapes from the server' {
    It 'are stripped from the error and from Verbose and Debug lines' {
        Connect-Hostile 'escapes'
        $err = $null
        $DebugPreference = 'Continue'
        $all = Get-MhPhoneNumber -Verbose -ErrorAction SilentlyContinue -ErrorVariable err *>&1 | ForEach-Object { "$_" }
        $DebugPreference = 'SilentlyContinue'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MhAuthenticationFailed,*'
        $err[0].Exception.ApiErrorCode | Should -Be 'INVALID_AUTH_TOKEN'
        foreach ($text in @($all) + $err[0].ErrorDetails.Message + $err[0].Exception.Message) {
            $text | Should -Not -Match '[\x00-\x08\x0B-\x1F\x7F-\x9F\u202E]'
            $text | Should -Not -Match 'pwned'
        }
    }
}

Describe 'Stalls and bombs' {
    It 'a stalled 401 body with -TimeoutSec 3 ends as MhAuthenticationFailed' {
        Connect-Hostile 'stall-401' -TimeoutSec 3
        $err = $null
        Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MhAuthenticationFailed,*'
    }

    It 'Stop() ends a stalled 401 body promptly' {
        Connect-Hostile 'stall-401'
        Clear-FakeApiRequest $api
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$(Get-BuiltModulePath)'; Get-MhPhoneNumber")
        $handle = $ps.BeginInvoke()
        Wait-Until { @(Get-FakeApiRequest $api).Count -ge 1 }
        Start-Sleep -Milliseconds 300
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $ps.Dispose()
    }

    It 'a <Mode> body ends as MhInvalidResponse with the process''s peak memory bounded' -ForEach @(
        @{ Mode = 'gzip-bomb' }, @{ Mode = 'deflate-bomb' }, @{ Mode = 'endless' }, @{ Mode = 'many-items' }
    ) {
        $result = Invoke-ChildPwsh -TimeoutSec 120 -Environment @{
            MIHU_TENANT = 'hostile'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = "$($api.BaseUri)/hostile/$Mode/"
        } -Script @"
Import-Module '$(Get-BuiltModulePath)'
`$err = `$null
Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err | Out-Null
`$err[0].FullyQualifiedErrorId
[int]([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB)
"@
        $result.Output[0] | Should -BeLike 'MhInvalidResponse,*'
        # A fresh pwsh that lists normally peaks near 150 MB, and near 190 MB here; unbounded, these servers took
        # gigabytes. The README promises this bound.
        [int]$result.Output[1] | Should -BeLessThan 300
        Write-Host "    peak working set with $Mode : $($result.Output[1]) MB"
    }
}

Describe 'Servers that never end' {
    It 'a server that ignores the page number ends the listing within a handful of requests' {
        Connect-Hostile 'same-page'
        Clear-FakeApiRequest $api
        $err = $null
        $items = @(Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err)
        $items.Count | Should -Be 3
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MhInvalidResponse,*'
        @(Get-FakeApiRequest $api).Count | Should -BeLessOrEqual 3
    }

    It 'a Retry-After of 99999999999 fails at once as MhThrottled' {
        Connect-Hostile 'retry-after-99999999999'
        Clear-FakeApiRequest $api
        $err = $null
        Get-MhPhoneNumber -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MhThrottled,*'
        @(Get-FakeApiRequest $api).Count | Should -Be 1
    }
}

Describe '-Debug in a runbook' {
    BeforeAll {
        # Three runbooks one after another in one fresh pwsh (a pwsh costs about 2 core-seconds to start); each reports
        # its own output, and whether it ran to its end without a terminating error (a prompt under -NonInteractive is one).
        $script:runbooks = Invoke-ChildPwshSection -TimeoutSec 200 -Environment @{ MIHU_TENANT = 'debug'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = $api.BaseUri } -Section ([ordered]@{
                'debug-lines' = @"
Import-Module '$(Get-BuiltModulePath)'
`$out = Get-MhPhoneNumber -PerPage 50 -Debug -ErrorAction Stop 5>&1 4>&1
"numbers: " + @(`$out | Where-Object { `$_ -is [Mindhunters.Model.PhoneNumber] }).Count
"debug: " + @(`$out | Where-Object { `$_ -is [System.Management.Automation.DebugRecord] }).Count
"verbose: " + @(`$out | Where-Object { `$_ -is [System.Management.Automation.VerboseRecord] }).Count
"@
                'every-cmdlet' = @"
Import-Module '$(Get-BuiltModulePath)'
`$ErrorActionPreference = 'Stop'
"agents: " + @(Get-MhAgent -Debug 5>`$null).Count
"rates: " + @(Get-MhPhoneNumberRate -First 5 -Debug 5>`$null).Count
`$number = Get-MhPhoneNumber -First 1
"whatif: " + @(`$number | Set-MhPhoneNumber -VoiceChannelLimit 3 -WhatIf -Debug 5>`$null).Count
"changed: " + (`$number | Set-MhPhoneNumber -VoiceChannelLimit 3 -PassThru -Debug 5>`$null).ChannelSettings.Voice.ChannelLimit
"context: " + (Get-MhContext -Debug 5>`$null).TokenSource
Disconnect-MhAccount -Debug 5>`$null
"disconnected"
"@
                # Last: it ends connected by Connect-MhAccount instead of the MIHU_* variables.
                'verbose' = @"
Import-Module '$(Get-BuiltModulePath)'
`$VerbosePreference = 'Continue'
"preference: " + @(Get-MhPhoneNumber -First 5 -Debug 4>&1 | Where-Object { `$_ -is [System.Management.Automation.VerboseRecord] }).Count
`$VerbosePreference = 'SilentlyContinue'
"switch: " + @(Get-MhPhoneNumber -First 5 -Debug -Verbose 4>&1 | Where-Object { `$_ -is [System.Management.Automation.VerboseRecord] }).Count
Connect-MhAccount -Subdomain debug -Token (ConvertTo-SecureString '$token' -AsPlainText -Force) -BaseUri '$($api.BaseUri)' -Debug
"connected"
"@
            })
    }

    It 'writes debug lines and never prompts under -NonInteractive' {
        $result = $runbooks.'debug-lines'
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Contain 'numbers: 225'
        $result.Output | Should -Contain 'debug: 5'
        # Verbose follows `$VerbosePreference (SilentlyContinue here), not -Debug.
        $result.Output | Should -Contain 'verbose: 0'
    }

    It 'never prompts in any cmdlet under -NonInteractive: agents, rates, a change and its -WhatIf' {
        $result = $runbooks.'every-cmdlet'
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Contain 'whatif: 0'
        $result.Output | Should -Contain 'changed: 3'
        ($result.Output | Where-Object { $_ -like 'agents: *' }) | Should -Not -Be 'agents: 0'
        $result.Output | Should -Contain 'rates: 5'
        $result.Output | Should -Contain 'context: Environment'
        $result.Output | Should -Contain 'disconnected'
    }

    It 'writes Verbose lines too when $VerbosePreference or -Verbose asks for them' {
        $result = $runbooks.'verbose'
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Contain 'preference: 1'
        $result.Output | Should -Contain 'switch: 1'
        $result.Output | Should -Contain 'connected'
    }
}

Describe 'A loopback API and a proxy' {
    It 'never sends the token through HTTP_PROXY to reach 127.0.0.1' {
        $proxy = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $proxy.Start()
        try {
            $proxyUri = "http://127.0.0.1:$(([System.Net.IPEndPoint]$proxy.LocalEndpoint).Port)"
            # Linux tools read both spellings; a case-sensitive table sets both.
            $environment = [hashtable]::new([StringComparer]::Ordinal)
            $environment['MIHU_TENANT'] = 'proxy'; $environment['MIHU_API_TOKEN'] = $token; $environment['MIHU_BASE_URI'] = $api.BaseUri
            foreach ($name in 'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy') { $environment[$name] = $proxyUri }
            foreach ($name in 'NO_PROXY', 'no_proxy') { $environment[$name] = '' }
            $result = Invoke-ChildPwsh -TimeoutSec 60 -Environment $environment -Script "Import-Module '$(Get-BuiltModulePath)'; @(Get-MhPhoneNumber -ErrorAction Stop).Count"
            $result.Output | Should -Contain '225'
            $proxy.Pending() | Should -BeFalse
        } finally {
            $proxy.Stop()
        }
    }
}
