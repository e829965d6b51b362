# Set-MhPhoneNumber against servers that fail, answer oddly or try to print through it: what a careful admin must be
# able to rely on before the write commands that move calls and spend money come.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'write-Safety-Token-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $script:api = Start-FakeApi -Count 60 -Token $token
    $script:secure = ConvertTo-SecureString $token -AsPlainText -Force
    Connect-MhAccount -Subdomain safety -Token $secure -BaseUri $api.BaseUri
    function script:Get-FakeNumberUuid([int] $Index) { [guid]('{0:x8}-0000-4000-8000-{0:x12}' -f $Index) }
    function script:New-PipedNumber([int] $Count) { 1..$Count | ForEach-Object { [pscustomobject]@{ PhoneNumberUuid = Get-FakeNumberUuid $_ } } }

    # Pipes the numbers into the connection's Set-MhPhoneNumber and reports what it saw: the numbers passed through,
    # the errors, the seconds it took.
    $script:pipedWrite = {
        param($Numbers)
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $output = @($Numbers | Set-MhPhoneNumber -SmsEnabled $false -Confirm:$false -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue)
        [pscustomobject]@{
            Output  = $output.Count
            Seconds = $clock.Elapsed.TotalSeconds
            Error   = @($failed | ForEach-Object { [pscustomobject]@{ FullyQualifiedErrorId = $_.FullyQualifiedErrorId; Message = $_.Exception.Message } })
        }
    }
    function script:Invoke-PipedWrite([int] $Count) { & $pipedWrite (New-PipedNumber $Count) }
    # The same in a process of its own (the connection is per process), in the background; Receive-Job waits for it.
    function script:Start-PipedWrite([int] $Count, [string] $BaseUri, [string] $Token) {
        Start-Job -ArgumentList (Get-BuiltModulePath), $BaseUri, $Token, @(New-PipedNumber $Count), "$pipedWrite" -ScriptBlock {
            param($ModulePath, $BaseUri, $Token, $Numbers, $PipedWrite)
            Import-Module $ModulePath
            Connect-MhAccount -Subdomain safety -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -BaseUri $BaseUri -SkipValidation
            & ([scriptblock]::Create($PipedWrite)) $Numbers
        }
    }

    # A server that fails every write: the retries of 500 and 429 take real seconds (about 20 each), so each runs in a
    # process of its own from here on, while the rest of the file runs; its Describe, last, collects them.
    $script:failing5xx = Start-FakeApi -Count 10 -Token $token
    $script:throttling = Start-FakeApi -Count 10 -Token $token
    Set-FakeApiFault $failing5xx @{ status_override = 100000; override_status = 500 }
    Set-FakeApiFault $throttling @{ fail_429 = 100000; retry_after = '1' }
    $script:slowRuns = @{
        Failing5xx = Start-PipedWrite -Count 300 -BaseUri $failing5xx.BaseUri -Token $token
        Throttling = Start-PipedWrite -Count 300 -BaseUri $throttling.BaseUri -Token $token
    }
}

AfterAll {
    Disconnect-MhAccount
    $slowRuns.Values | Remove-Job -Force -ErrorAction Ignore
    $api, $failing5xx, $throttling | Stop-FakeApi
}

Describe 'The answer to a write is checked' {
    BeforeEach {
        Set-FakeApiFault $api
        Clear-FakeApiRequest $api
    }
    AfterAll { Set-FakeApiFault $api }

    It 'an answer about another number is MhInvalidResponse, never -PassThru output' {
        $other = [guid]::NewGuid()
        Set-FakeApiFault $api @{ status_override = 1; override_status = 200; override_body = "{`"success`":true,`"data`":{`"phone_number_uuid`":`"$other`",`"number`":`"+15559999`"}}" }
        $out = @(Set-MhPhoneNumber -PhoneNumberUuid (Get-FakeNumberUuid 1) -SmsEnabled $false -PassThru -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 0
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhInvalidResponse,*'
        $failed[0].Exception.Message | Should -Match ([regex]::Escape("$other"))
        $failed[0].Exception.Message | Should -Match ([regex]::Escape("$(Get-FakeNumberUuid 1)"))
    }

    It 'success false in a 200 is the error it is, with its message cleaned' {
        Set-FakeApiFault $api @{ status_override = 1; override_status = 200; override_body = "{`"success`":false,`"message`":`"Number is locked \u001b[2Jby $token.`"}" }
        $out = @(Set-MhPhoneNumber -PhoneNumberUuid (Get-FakeNumberUuid 1) -SmsEnabled $false -PassThru -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 0
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhRequestRefused,*'
        $failed[0].Exception.Message | Should -Match 'Number is locked by \*\*\*\.'
        $failed[0].Exception.ApiMessage | Should -Be 'Number is locked by ***.'
        "$($failed[0])" | Should -Not -Match ([regex]::Escape($token))
        "$($failed[0])" | Should -Not -Match '\x1b'
    }

    It 'a <Status> without a body is success: no error, and -PassThru says in Verbose why it writes nothing' -ForEach @(
        @{ Status = 204 }, @{ Status = 202 }
    ) {
        Set-FakeApiFault $api @{ status_override = 1; override_status = $Status; override_body = '' }
        $all = @(Set-MhPhoneNumber -PhoneNumberUuid (Get-FakeNumberUuid 1) -SmsEnabled $false -PassThru -Confirm:$false -Verbose -ErrorVariable failed 4>&1)
        $failed.Count | Should -Be 0
        @($all | Where-Object { $_ -is [Mindhunters.Model.PhoneNumber] }).Count | Should -Be 0
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain 'The API answered without a body: the change was made, but there is no phone number to pass through.'
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Where-Object { $_ -match "^PATCH .* -> $Status .*, no body$" } | Should -HaveCount 1
    }
}

Describe 'Server text in the write path' {
    BeforeAll {
        $script:evil = @{ MIHU_TENANT = 'safety'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = "$($api.BaseUri)/hostile/evil-number/" }
        $script:prefix = $token.Substring(0, 12)
    }

    It 'reaches -WhatIf, Verbose, errors, $Error and the transcript cleaned and redacted' {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "mh-evil-$([guid]::NewGuid().ToString('N')).txt"
        $result = Invoke-ChildPwsh -TimeoutSec 120 -Environment $evil -Script @"
Import-Module '$(Get-BuiltModulePath)'
# PowerShell's own colours would be escape sequences too: only the module's text is under test.
`$PSStyle.OutputRendering = 'PlainText'
Start-Transcript -Path '$transcript' | Out-Null
`$number = Get-MhPhoneNumber
`$number | Set-MhPhoneNumber -VoiceWhitelistedDestinations DE -WhatIf
`$number | Set-MhPhoneNumber -VoiceWhitelistedDestinations DE -Confirm:`$false -Verbose -ErrorAction Continue
foreach (`$e in `$Error) { "`$e"; `$e.Exception.ToString(); `$e.ErrorDetails.Message; `$e.TargetObject; `$e.CategoryInfo.TargetName }
Stop-Transcript | Out-Null
"@
        $texts = @($result.Output) + $result.Error + (Get-Content $transcript -Raw)
        Remove-Item $transcript
        # What stood where the escapes were is gone; the spaces around them stay.
        $result.Output | Where-Object { $_ -like 'What if:*' } | Should -Match '^What if: Performing the operation "Set channel settings: voice\.whitelisted_destinations from \[DE, \*\*\* *\] to \[DE\]" on target "\+15550001 \*\*\* +\(00000001-0000-4000-8000-000000000001\)"\.$'
        ($texts -join "`n") | Should -Match 'is locked'
        foreach ($text in $texts) {
            "$text" | Should -Not -BeLike "*$prefix*"
            "$text" | Should -Not -Match '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]'
            "$text" | Should -Not -Match 'pwned'
        }
    }

    It 'reaches the -Confirm prompt cleaned and redacted' {
        $result = Invoke-AnsweringPwsh -Environment $evil -Answer 'N' -Script 'Get-MhPhoneNumber | Set-MhPhoneNumber -VoiceWhitelistedDestinations DE -Confirm'
        $result.Output | Should -Match 'Are you sure you want to perform this action\?'
        # The console wraps the prompt at its width.
        $result.Output | Should -Match 'on target "\+15550001 \*\*\*\s+\(00000001-0000-4000-8000-000000000001\)"'
        $result.Output | Should -Not -BeLike "*$prefix*"
        $result.Output | Should -Not -Match 'pwned'
        # The console's own escapes (cursor modes) stay; the server's are gone.
        $result.Output | Should -Not -Match '\x1b\]0;|\x1b\[2J|\x07'
    }
}

Describe 'A server that fails every write' {
    BeforeAll {
        # Last in the file: the 500 and 429 runs, started in the first BeforeAll, have been retrying meanwhile. The 401
        # stops at its first answer, so it runs here, in this process (connected with the wrong token for it).
        Clear-FakeApiRequest $api
        Connect-MhAccount -Subdomain safety -Token (ConvertTo-SecureString 'wrong-Token-9' -AsPlainText -Force) -BaseUri $api.BaseUri -SkipValidation
        try { $unauthorized = Invoke-PipedWrite -Count 300 } finally { Connect-MhAccount -Subdomain safety -Token $secure -BaseUri $api.BaseUri -SkipValidation }
        $script:results = @{ Unauthorized = $unauthorized }
        foreach ($name in @($slowRuns.Keys)) { $results[$name] = Receive-Job $slowRuns[$name] -Wait -AutoRemoveJob }
        foreach ($name in $results.Keys) { Write-Host ("    300 piped numbers vs {0}: {1:N1} s, {2} error(s)" -f $name, $results[$name].Seconds, $results[$name].Error.Count) }
    }

    It '401 on every PATCH: one request, one error that says how many numbers were not sent' {
        $unauthorized = $results.Unauthorized
        @(Get-FakeApiRequest $api | Where-Object method -EQ 'PATCH').Count | Should -Be 1
        $unauthorized.Error.Count | Should -Be 1
        $unauthorized.Error[0].FullyQualifiedErrorId | Should -BeLike 'MhAuthenticationFailed,*'
        $unauthorized.Error[0].Message | Should -Match '299 phone numbers piped after it were not sent'
        $unauthorized.Output | Should -Be 0
    }

    It '<Case> on every request: three numbers tried with their retries, then one error that says how many were not sent' -ForEach @(
        @{ Case = '500'; Run = 'Failing5xx'; Api = 'failing5xx'; ErrorId = 'MhServiceUnavailable'; MaxSeconds = 60 }
        @{ Case = '429 with Retry-After'; Run = 'Throttling'; Api = 'throttling'; ErrorId = 'MhThrottled'; MaxSeconds = 90 }
    ) {
        $outcome = $results[$Run]
        @(Get-FakeApiRequest (Get-Variable $Api -ValueOnly)).Count | Should -Be 12
        $outcome.Error.Count | Should -Be 3
        $outcome.Error.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike "$ErrorId,*" }
        $outcome.Error[2].Message | Should -Match '3 phone numbers in a row'
        $outcome.Error[2].Message | Should -Match '297 phone numbers piped after them were not sent'
        $outcome.Seconds | Should -BeLessThan $MaxSeconds
    }
}
