BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-BuiltModulePath) -Force
    $script:token = 'read-safety-' + [guid]::NewGuid().ToString('N')
    $script:api = Start-FakeApi -Count 20 -Token $token
    # A scope of its own for each test that counts requests: its log then holds only that test's requests.
    $script:scoped = @{}
    foreach ($name in 'shuffled', 'big-agents', 'agents-per-page') { $scoped[$name] = Start-FakeApi -Count 20 -Token $token }

    # The MIHU_* variables of a runbook against one hostile mode; without a mode, against the fake's honest endpoints.
    function script:Get-HostileEnvironment([string] $Mode, $Api = $api) {
        @{ MIHU_TENANT = 'hostile'; MIHU_API_TOKEN = $token; MIHU_BASE_URI = if ($Mode) { "$($Api.BaseUri)/hostile/$Mode/" } else { $Api.BaseUri } }
    }

    # What a listing printed as "name: value" lines: the count, the first error, the seconds and the peak working set.
    function script:ConvertFrom-Listing([string[]] $Output, $Raw) {
        $value = { param($Name) (($Output | Where-Object { $_ -like "${Name}: *" }) -replace "^${Name}: ", '') }
        [pscustomobject]@{
            Count = [int](& $value 'count'); Error = & $value 'error'; Message = & $value 'message'
            Seconds = [int](& $value 'seconds'); PeakMB = [int](& $value 'peak'); Raw = $Raw
        }
    }
    # Counts what $Command lists as it passes (not kept: what is measured is what the module holds, not what a caller
    # chose to keep), then prints it for ConvertFrom-Listing.
    function script:Get-ListingScript([string] $Command) {
        @"
`$clock = [Diagnostics.Stopwatch]::StartNew()
`$count = ($Command -ErrorAction SilentlyContinue -ErrorVariable failed | Measure-Object).Count
"count: `$count"
"error: " + `$failed[0].FullyQualifiedErrorId
"message: " + `$failed[0].Exception.Message
"seconds: " + [int]`$clock.Elapsed.TotalSeconds
"peak: " + [int]([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB)
"@
    }

    # The runbooks whose promise is not a memory peak share one fresh pwsh, one after another (a pwsh costs about 2
    # core-seconds to start). The ordinary listing goes first: its peak is read before anything else ran in the
    # process, as in a process of its own.
    $script:session = Invoke-ChildPwshSection -TimeoutSec 600 -Environment @{ MIHU_TENANT = 'hostile'; MIHU_API_TOKEN = $token } -Section ([ordered]@{
            ordinary          = @{ Environment = Get-HostileEnvironment ''; Script = @"
Import-Module '$(Get-BuiltModulePath)'
$(Get-ListingScript 'Get-MhPhoneNumber')
"@ }
            'every-warning'   = @{ Environment = Get-HostileEnvironment 'every-warning'; Script = @"
Import-Module '$(Get-BuiltModulePath)'
`$out = Get-MhPhoneNumber -Debug -ErrorAction Stop 3>&1 5>`$null
"numbers: " + @(`$out | Where-Object { `$_ -is [Mindhunters.Model.PhoneNumber] }).Count
`$out | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object { "warning: " + `$_.Message }
`$WarningPreference = 'SilentlyContinue'
"silenced: " + @(Get-MhPhoneNumber -Debug -ErrorAction Stop 3>&1 5>`$null | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] }).Count
`$WarningPreference = 'Continue'
"by -WarningAction: " + @(Get-MhPhoneNumber -Debug -WarningAction SilentlyContinue -ErrorAction Stop 3>&1 5>`$null | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] }).Count
"@ }
            'shuffled-rates'  = @{ Environment = Get-HostileEnvironment 'shuffled-rates' $scoped.shuffled; Script = @"
Import-Module '$(Get-BuiltModulePath)'
`$clock = [Diagnostics.Stopwatch]::StartNew()
`$rates = @(Get-MhPhoneNumberRate -ErrorAction SilentlyContinue -ErrorVariable failed)
"rates: " + `$rates.Count
"unique: " + @(`$rates | Sort-Object DestinationPrefix -Unique).Count
"error: " + `$failed[0].FullyQualifiedErrorId
"seconds: " + [int]`$clock.Elapsed.TotalSeconds
"@ }
            'big-agents'      = @{ Environment = Get-HostileEnvironment 'big-agents' $scoped.'big-agents'; Script = @"
Import-Module '$(Get-BuiltModulePath)'
`$clock = [Diagnostics.Stopwatch]::StartNew()
`$agents = @(Get-MhAgent -ErrorAction Stop | Select-Object Name, @{ n = 'PromptLength'; e = { `$_.CustomPrompt.Length } })
"agents: " + `$agents.Count
"unique: " + @(`$agents.Name | Sort-Object -Unique).Count
"prompts: " + @(`$agents | Where-Object PromptLength -EQ 1048576).Count
"seconds: " + [int]`$clock.Elapsed.TotalSeconds
"@ }
            'agents-per-page' = @{ Environment = Get-HostileEnvironment 'big-agents' $scoped.'agents-per-page'; Script = @"
Import-Module '$(Get-BuiltModulePath)'
"agents: " + @(Get-MhAgent -PerPage 10 -ErrorAction Stop).Count
"@ }
        })
}

AfterAll {
    Stop-FakeApi $api
    $scoped.Values | Stop-FakeApi
}

Describe 'Warnings under -Debug in a runbook' {
    It 'writes every warning the module has, follows $WarningPreference, and never prompts under -NonInteractive' {
        $result = $session.'every-warning'
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Contain 'numbers: 17'
        $warnings = @($result.Output | Where-Object { $_ -like 'warning: *' })
        $warnings.Count | Should -Be 4
        $warnings[0] | Should -Match 'pages of 10 phone numbers although 100 were asked for'
        ($warnings -join "`n") | Should -Match 'Page 2 repeated 3 of the phone numbers already listed'
        ($warnings -join "`n") | Should -Match 'changed from 25 to 26'
        ($warnings -join "`n") | Should -Match 'Page 3 was empty although the server said more would follow'
        $result.Output | Should -Contain 'silenced: 0'
        $result.Output | Should -Contain 'by -WarningAction: 0'
    }
}

Describe 'A server that repeats itself' {
    It 'ends a listing of rates sent again and again in a new order within a few requests' {
        $result = $session.'shuffled-rates'
        $result.Output | Should -Contain 'rates: 200'
        $result.Output | Should -Contain 'unique: 200'
        $result.Output | Should -Contain 'error: MhInvalidResponse,Mindhunters.Commands.GetMhPhoneNumberRateCommand'
        $requests = @(Get-FakeApiRequest $scoped.shuffled)
        $requests.Count | Should -BeLessOrEqual 3
        Write-Host "    shuffled rates: $($requests.Count) requests, $(($result.Output | Where-Object { $_ -like 'seconds: *' }))"
    }
}

Describe 'Memory bounded by what the bytes build' {
    BeforeAll {
        # Lists in a fresh pwsh of its own (the peak is the process's) and reports what it saw and its peak working set.
        function script:Measure-Listing([string] $Mode, [string] $Command) {
            $result = Invoke-ChildPwsh -TimeoutSec 300 -Environment (Get-HostileEnvironment $Mode) -Script @"
Import-Module '$(Get-BuiltModulePath)'
$(Get-ListingScript $Command)
"@
            ConvertFrom-Listing $result.Output $result
        }
    }

    # Each bound below allows a few hundred MB more than this, where the unbounded module took 1.3 GB and 4.8 GB.
    It 'an ordinary listing, for comparison' {
        $run = ConvertFrom-Listing $session.ordinary.Output $session.ordinary
        Write-Host "    an ordinary listing: $($run.PeakMB) MB peak"
        $run.Count | Should -Be 18
        $run.PeakMB | Should -BeLessThan 250
    }

    It 'one page of 30 MB holding 10 million {} ends in MhInvalidResponse without building them' {
        $run = Measure-Listing 'requirements-bomb' 'Get-MhPhoneNumber'
        Write-Host "    requirements bomb: $($run.PeakMB) MB peak, $($run.Seconds) s"
        $run.Error | Should -BeLike 'MhInvalidResponse,*'
        $run.Message | Should -Match 'JSON values'
        $run.PeakMB | Should -BeLessThan 450
    }

    It '16 pages of 10 MB of {} with -ThrottleLimit 8 end the same way' {
        $run = Measure-Listing 'bomb-pages' 'Get-MhPhoneNumber -ThrottleLimit 8'
        Write-Host "    16 bomb pages, -ThrottleLimit 8: $($run.PeakMB) MB peak, $($run.Seconds) s"
        $run.Error | Should -BeLike 'MhInvalidResponse,*'
        $run.PeakMB | Should -BeLessThan 450
    }

    It '16 honest pages of 10 MB with -ThrottleLimit 8 list completely, holding no more than a few pages at once' {
        # Whether the pages in flight ever reach the budget (and the rest go on one at a time) depends on how the
        # answers interleave, so the test asserts what a user sees: every number, and a bounded peak.
        $run = Measure-Listing 'heavy-pages' 'Get-MhPhoneNumber -ThrottleLimit 8'
        Write-Host "    16 heavy pages (10 MB of long strings each), -ThrottleLimit 8: $($run.Count) numbers, $($run.PeakMB) MB peak, $($run.Seconds) s"
        $run.Error | Should -BeNullOrEmpty -Because $run.Message
        $run.Count | Should -Be 1600
        $run.PeakMB | Should -BeLessThan 600
    }
}

Describe 'A page too large to read' {
    It 'is asked for again in smaller pages: 40 agents with a prompt of 1 MB each list completely' {
        $result = $session.'big-agents'
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Contain 'agents: 40'
        $result.Output | Should -Contain 'unique: 40'
        $result.Output | Should -Contain 'prompts: 40'
        $queries = @(Get-FakeApiRequest $scoped.'big-agents').query
        # 100 a page is refused for its size after about 30 agents were read whole; 25 a page (which divides 100, so the
        # pages line up) fits: agents 1-25 and 26-40.
        $queries | Should -Be @('page=1&per_page=100', 'page=1&per_page=25', 'page=2&per_page=25')
        Write-Host "    40 agents of 1 MB: $($queries.Count) requests, $(($result.Output | Where-Object { $_ -like 'seconds: *' }))"
    }

    It 'Get-MhAgent takes -PerPage, which avoids the refused requests' {
        $result = $session.'agents-per-page'
        $result.Output | Should -Contain 'agents: 40'
        @(Get-FakeApiRequest $scoped.'agents-per-page').query | Should -Be @('page=1&per_page=10', 'page=2&per_page=10', 'page=3&per_page=10', 'page=4&per_page=10')
    }
}
