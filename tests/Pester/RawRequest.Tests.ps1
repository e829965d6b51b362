# Invoke-MhRequest as a user meets it: any path through the module's connection and engine, the answer's data as
# objects, -All over both page shapes, and a path that could send the token elsewhere refused before any request.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'raw-Token-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $script:api = Start-FakeApi -Count 250 -Token $token
    Connect-MhAccount -Subdomain raw -Token (ConvertTo-SecureString $token -AsPlainText -Force) -BaseUri $api.BaseUri
    $script:supportDesk = [guid]'7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e52'
}

AfterAll {
    Disconnect-MhAccount
    Stop-FakeApi $api
}

Describe 'Invoke-MhRequest' {
    BeforeEach {
        Set-FakeApiFault $api
        Clear-FakeApiRequest $api
    }

    It 'writes the data of one answer as it is: a list is one object with its items and its paging' {
        $data = Invoke-MhRequest api/v1/agents -Query @{ per_page = 5 }
        @($data).Count | Should -Be 1
        $data.items.Count | Should -Be 5
        $data.items[1].name | Should -Be 'Support Desk'
        $data.pagination.total | Should -Be 12
        (Get-FakeApiRequest $api).query | Should -Be @('per_page=5')
    }

    It 'gives the values as ConvertFrom-Json does: objects, arrays, Int64 and Double, text for date-times, members in order' {
        $number = (Invoke-MhRequest -Path /api/v1/phone-numbers -Query @{ per_page = 1 }).items[0]
        $number | Should -BeOfType ([pscustomobject])
        $number.psobject.Properties.Name[0..2] | Should -Be @('phone_number_uuid', 'number', 'country_code')
        $number.billing.monthly_fee | Should -BeOfType ([double])
        $number.channel_settings.voice.channel_limit | Should -BeOfType ([long])
        $number.capabilities.voice | Should -BeOfType ([bool])
        , $number.channel_settings.voice.whitelisted_destinations | Should -BeOfType ([object[]])
        $number.purchased_at | Should -BeOfType ([string])
        # Number 1 is bound for calls and not for WhatsApp: null stays null.
        $number.bindings.call.agent_uuid | Should -Be '7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e51'
        $number.bindings.whatsapp.agent_uuid | Should -BeNullOrEmpty
        $number.bindings.whatsapp.psobject.Properties.Name | Should -Contain 'agent_uuid'
    }

    It '-All follows data.items with data.pagination: the 225 numbers listed without include_external, in 3 pages, in order' {
        $first = Get-MhPhoneNumber -First 1
        Clear-FakeApiRequest $api
        $all = @(Invoke-MhRequest api/v1/phone-numbers -Query @{ per_page = 100 } -All)
        $all.Count | Should -Be 225
        $all[0].number | Should -Be $first.Number
        ($all.phone_number_uuid | Select-Object -Unique).Count | Should -Be 225
        (Get-FakeApiRequest $api | Where-Object path -EQ '/api/v1/phone-numbers').query | Should -Be @('page=1&per_page=100', 'page=2&per_page=100', 'page=3&per_page=100')
    }

    It '-All follows Laravel''s data.data with current_page and last_page, at the server''s page size or -Query''s per_page' {
        $all = @(Invoke-MhRequest api/v1/contacts -All)
        $all.Count | Should -Be 40
        $all.name | Should -Be @(1..40 | ForEach-Object { "Contact $_" })
        (Get-FakeApiRequest $api).query | Should -Be @('page=1', 'page=2', 'page=3')

        Clear-FakeApiRequest $api
        $active = @(Invoke-MhRequest api/v1/contacts -Query @{ status = 'Active'; per_page = 20 } -All)
        $active.Count | Should -Be 32
        $active.status | Select-Object -Unique | Should -Be 'Active'
        @(Get-FakeApiRequest $api).Count | Should -Be 2
    }

    It '-All writes an answer that is not a page as it is, and says so in Verbose' {
        $uuid = (Invoke-MhRequest api/v1/conversations).data[0].uuid
        $out = @(Invoke-MhRequest "api/v1/conversations/$uuid" -All -Verbose 4>&1)
        @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).uuid | Should -Be $uuid
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain 'The answer is not a page (no data.items with data.pagination, and no data.data with current_page): -All has no pages to follow, and the answer is written as it is.'
    }

    It '-All ends at a server that repeats its pages, with MhInvalidResponse and each item written once' {
        Set-FakeApiFault $api @{ repeat_page = $true }
        $out = @(Invoke-MhRequest api/v1/contacts -All -ErrorVariable failed -ErrorAction SilentlyContinue)
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhInvalidResponse,*'
        $failed[0].Exception.Message | Should -Match 'Listing contacts stopped at page 2'
        @(Get-FakeApiRequest $api).Count | Should -Be 2
        $out.name | Should -Be @(1..15 | ForEach-Object { "Contact $_" })
    }

    It '-All ends at a server that says "more" for ever when a page brings nothing' {
        Set-FakeApiFault $api @{ has_more_forever = $true }
        $out = @(Invoke-MhRequest api/v1/agents -All -WarningVariable warned -WarningAction SilentlyContinue)
        $out.Count | Should -Be 12
        @(Get-FakeApiRequest $api).Count | Should -Be 2
        $warned | Should -Match 'Page 2 was empty although the server said more would follow'
    }

    It 'refuses <Path> before any request (MhInvalidPath): the token never leaves its host' -ForEach @(
        @{ Path = 'https://evil.example/api/v1/agents' }
        @{ Path = '//evil.example/api/v1/agents' }
        @{ Path = 'javascript:alert(1)' }
        @{ Path = 'api/v1/../../hostile/echo-token/' }
        @{ Path = 'api/v1/%2E%2E/%2e%2e/x' }
        @{ Path = 'api\v1\agents' }
        @{ Path = 'api/v1/agents?page=2' }
        @{ Path = 'v1/agents' }
        @{ Path = '' }
    ) {
        $thrown = { Invoke-MhRequest -Path $Path } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'MhInvalidPath,*'
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'POSTs a hashtable body as JSON once and writes the answer''s data' {
        $sent = Invoke-MhRequest -Method Post -Path api/v1/sms/send -Body @{ agentId = "$supportDesk"; phoneNumber = '+15550100'; message = 'Your car is ready.' } -Confirm:$false
        ($sent.status, $sent.segments) | Should -Be @('queued', 1)
        $posts = @(Get-FakeApiRequest $api)
        $posts.method | Should -Be @('POST')
        $body = $posts[0].body | ConvertFrom-Json
        ($body.agentId, $body.phoneNumber, $body.message) | Should -Be @("$supportDesk", '+15550100', 'Your car is ready.')
        $posts[0].content_type | Should -BeLike 'application/json*'
    }

    It 'sends a JSON string body as it is, and refuses one that is not JSON before any request (MhInvalidRequest)' {
        $json = '{"agentId":"' + $supportDesk + '","participant":{"number":"+15550100","about":"Test"}}'
        (Invoke-MhRequest -Method Post -Path api/v1/call -Body $json -Confirm:$false).status | Should -Be 'queued'
        (Get-FakeApiRequest $api).body | Should -Be @($json)
        Clear-FakeApiRequest $api
        $thrown = { Invoke-MhRequest -Method Post -Path api/v1/call -Body '{"agentId":' -Confirm:$false } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'MhInvalidRequest,*'
        { Invoke-MhRequest -Path api/v1/agents -Body @{ a = 1 } } | Should -Throw '*-Body goes with -Method Post*'
        { Invoke-MhRequest -Method Post -Path api/v1/call -All -Confirm:$false } | Should -Throw '*-All follows the pages of a GET*'
        @(Get-FakeApiRequest $api).Count | Should -Be 0
    }

    It 'never sends a POST again once it may have arrived (503: one POST); a GET is retried (503, then 200)' {
        Set-FakeApiFault $api @{ fail_5xx = 1 }
        Invoke-MhRequest -Method Post -Path api/v1/sms/send -Body @{ agentId = "$supportDesk"; phoneNumber = '+15550100'; message = 'x' } -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        @(Get-FakeApiRequest $api).Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhServiceUnavailable,*'
        $failed[0].Exception.MayHaveArrived | Should -BeTrue
        $failed[0].Exception.Message | Should -Match 'It was not sent again'

        Clear-FakeApiRequest $api
        Set-FakeApiFault $api @{ fail_5xx = 1; retry_after = '0' }
        (Invoke-MhRequest api/v1/agents).pagination.total | Should -Be 12
        @(Get-FakeApiRequest $api).status | Should -Be @(503, 200)
    }

    It 'maps refusals to the module''s error ids, non-terminating, with the API''s field' {
        Invoke-MhRequest -Method Post -Path api/v1/sms/send -Body @{ agentId = "$supportDesk"; phoneNumber = '+15550100'; message = '' } -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MhInvalidArgument,*'
        $failed[0].Exception.ApiErrorField | Should -Be 'message'
        $failed[0].TargetObject | Should -Be 'api/v1/sms/send'
        Invoke-MhRequest api/v1/no-such-thing -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'MhNotFound,*'
    }

    It 'blanks the token where the server echoes it' {
        Set-FakeApiFault $api @{ status_override = 1; override_status = 400; override_body = "{`"success`":false,`"message`":`"Bad token $token`"}" }
        Invoke-MhRequest api/v1/agents -ErrorVariable failed -ErrorAction SilentlyContinue
        "$($failed[0])" | Should -Match 'Bad token \*\*\*'
        "$($failed[0])" | Should -Not -Match $token
    }

    It 'asks before anything but a GET (ConfirmImpact High); -WhatIf sends no change but still reads' {
        (Get-Command Invoke-MhRequest).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
        $environment = @{ MIHU_TENANT = 'raw'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = $api.BaseUri }
        $script = "Import-Module '$(Get-BuiltModulePath)'; (Invoke-MhRequest api/v1/agents -WhatIf).pagination.total; Invoke-MhRequest -Method Delete -Path api/v1/agents/$supportDesk -WhatIf"
        $result = Invoke-ChildPwsh -Script $script -Environment $environment -TimeoutSec 120
        $result.Output | Should -Contain '12'
        $result.Output | Where-Object { $_ -like 'What if:*' } | Should -Be "What if: Performing the operation `"DELETE`" on target `"api/v1/agents/$supportDesk on 127.0.0.1`"."
        (Get-FakeApiRequest $api).method | Should -Be @('GET')
    }
}
