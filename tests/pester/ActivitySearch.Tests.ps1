# Get-InactiveJiraUser on the API path reads last activity through the Admin API's v2 user search (issue 11):
# the same users as the per-user route and the CSV export, at every edge of the rule and whatever the search's
# open points turn out to be (key spellings, undated products, the maximum limit, the route switched off).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emu = Start-JiraEmulator -Users 400 -Seed 5 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
    $asOf = [datetime]'2026-11-02'
    $export = Save-EmulatorExport $emu
    $defaults = @{ searchFault = ''; searchMaxLimit = 100; searchJiraKey = 'jira'; searchServiceManagementKey = 'jira-servicedesk'; searchListsUndated = $true
        searchProductId = 'cloudId'; searchFailPage = 0; searchFailTimes = 1; searchFailStatus = 500; searchOmits = ''; rateLimit = 0; adminRateLimit = 0 }
    Connect-TestEmulator $emu

    function Get-Key($Users) { @($Users | ForEach-Object { "$($_.AccountId)|$($_.Site)|$($_.LastActive)|$($_.NeverActive)|$($_.DaysInactive)|$($_.Status)" } | Sort-Object) }
    function Reset-Stats { Invoke-RestMethod -Method Post "$($emu.controlUrl)/stats/reset" | Out-Null }
    function Get-Calls([string] $Route, [int] $Status) {
        [int](@((Get-JiraEmulatorStats $emu).routes | Where-Object { $_.route -like $Route -and $_.status -eq $Status }) | Measure-Object count -Sum).Sum
    }
    $search = '*/users/search'
    $perUser = '*/last-active-dates'
    function Get-Holder([string] $Key = 'jira-software') {
        # Who holds the product in the emulator's state: active non-app members of its groups, with their activity.
        $state = Get-JiraEmulatorState $emu
        $groups = @(($state.products | Where-Object key -eq $Key).groups)
        $ids = [System.Collections.Generic.HashSet[string]]::new()
        foreach ($group in $state.groups | Where-Object name -in $groups) { foreach ($m in $group.members) { [void]$ids.Add($m) } }
        @($state.users | Where-Object { $ids.Contains($_.accountId) -and $_.accountType -ne 'app' -and $_.accountStatus -eq 'active' -and -not $_.suspended })
    }
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'Get-InactiveJiraUser through the v2 user search' {
    AfterEach {
        Set-JiraEmulatorConfig $emu $defaults | Out-Null
        # A connection keeps the pace it learned from 429s: each test starts with a fresh one.
        Connect-TestEmulator $emu
    }

    It 'gives the same users as the per-user route and the CSV at each edge of the rule, for <Product>' -ForEach @(
        @{ Product = 'JiraSoftware' }
        @{ Product = 'JiraServiceManagement' }
    ) {
        # The edges: for some users' own number of days (dated and never used), the run one day below includes them
        # and the run at that number leaves them out.
        $all = Get-InactiveJiraUser -Product $Product -MoreThan 1 -AsOf $asOf -ActivitySource PerUser
        $dated = @($all | Where-Object { -not $_.NeverActive } | ForEach-Object DaysInactive | Sort-Object -Unique)
        $never = @($all | Where-Object { $_.NeverActive -and $_.DaysInactive } | ForEach-Object DaysInactive | Sort-Object -Unique)
        $dated.Count | Should -BeGreaterThan 2
        $never.Count | Should -BeGreaterThan 0
        $edges = @($dated[0], $dated[[int]($dated.Count / 2)], $dated[-1], $never[0], $never[-1]) | Where-Object { $_ -gt 1 } | Sort-Object -Unique
        foreach ($days in $edges) {
            $onEdge = @($all | Where-Object DaysInactive -eq $days | ForEach-Object AccountId)
            $onEdge.Count | Should -BeGreaterThan 0
            foreach ($moreThan in ($days - 1), $days) {
                Reset-Stats
                $viaSearch = Get-InactiveJiraUser -Product $Product -MoreThan $moreThan -AsOf $asOf -ActivitySource Search
                Get-Calls $perUser 200 | Should -Be 0 -Because 'every holder has an entry in the search'
                $viaPerUser = Get-InactiveJiraUser -Product $Product -MoreThan $moreThan -AsOf $asOf -ActivitySource PerUser
                $viaCsv = Import-CsvExport $export | Get-InactiveJiraUser -Product $Product -MoreThan $moreThan -AsOf $asOf
                Get-Key $viaSearch | Should -Be (Get-Key $viaPerUser) -Because "more than $moreThan days"
                Get-Key $viaSearch | Should -Be (Get-Key $viaCsv) -Because "more than $moreThan days"
                $reported = @($onEdge | Where-Object { $_ -in $viaSearch.AccountId })
                $reported.Count | Should -Be $(if ($moreThan -lt $days) { $onEdge.Count } else { 0 }) -Because "users at exactly $days days are inactive for more than $($days - 1) days, not for more than $days"
            }
        }
    }

    It 'tells suspended from deactivated accounts as the CSV does' {
        $viaSearch = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf -IncludeSuspended -IncludeDeactivated
        $viaCsv = Import-CsvExport $export | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf -IncludeSuspended -IncludeDeactivated
        @($viaSearch | Where-Object Status -eq 'Suspended').Count | Should -BeGreaterThan 0
        @($viaSearch | Where-Object Status -eq 'Deactivated').Count | Should -BeGreaterThan 0
        Get-Key $viaSearch | Should -Be (Get-Key $viaCsv)
    }

    It 'reads the product under the keys <JiraKey> and <JsmKey> with ids as <IdFormat>' -ForEach @(
        @{ JiraKey = 'jira'; JsmKey = 'jira-servicedesk'; IdFormat = 'cloudId' }
        @{ JiraKey = 'jira-software'; JsmKey = 'jira-service-desk'; IdFormat = 'ari' }
    ) {
        Set-JiraEmulatorConfig $emu @{ searchJiraKey = $JiraKey; searchServiceManagementKey = $JsmKey; searchProductId = $IdFormat } | Out-Null
        foreach ($product in 'JiraSoftware', 'JiraServiceManagement') {
            Reset-Stats
            $viaSearch = Get-InactiveJiraUser -Product $product -MoreThan 90 -AsOf $asOf -WarningVariable warnings
            Get-Calls $perUser 200 | Should -Be 0 -Because "the search's $JiraKey / $JsmKey entries are evidence"
            $warnings | Should -BeNullOrEmpty
            Get-Key $viaSearch | Should -Be (Get-Key (Get-InactiveJiraUser -Product $product -MoreThan 90 -AsOf $asOf -ActivitySource PerUser))
        }
    }

    It 'confirms never-used holders one by one when the search leaves their product out' {
        $neverUsed = @(Get-Holder | Where-Object { -not $_.lastActive.PSObject.Properties['jira-software'] })
        $neverUsed.Count | Should -BeGreaterThan 0
        $listed = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf
        Set-JiraEmulatorConfig $emu @{ searchListsUndated = $false } | Out-Null
        Reset-Stats
        $leftOut = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -Verbose 4>&1 | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -or $_.Message -like 'Judged *' }
        Get-Calls $perUser 200 | Should -Be $neverUsed.Count
        ($leftOut | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match "$($neverUsed.Count) holders without an entry for the product in the search"
        Get-Key ($leftOut | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -Be (Get-Key $listed)
    }

    It 'confirms per user a holder missing from the search' {
        $missing = @(Get-InactiveJiraUser -Product JiraSoftware -MoreThan 1 -AsOf $asOf -ActivitySource PerUser | Select-Object -First 3 -ExpandProperty AccountId)
        Set-JiraEmulatorConfig $emu @{ searchOmits = $missing -join ',' } | Out-Null
        Reset-Stats
        $found = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 1 -AsOf $asOf
        Get-Calls $perUser 200 | Should -Be 3
        $missing | Where-Object { $_ -notin $found.AccountId } | Should -BeNullOrEmpty -Because 'they are still judged, and all are inactive for more than 1 day'
        Get-Key $found | Should -Be (Get-Key (Get-InactiveJiraUser -Product JiraSoftware -MoreThan 1 -AsOf $asOf -ActivitySource PerUser))
    }

    It 'falls back to per-user calls for everyone, with one warning, when the search answers <Fault>' -ForEach @(
        @{ Fault = 'off'; Status = 404 }
        @{ Fault = 'forbidden'; Status = 403 }
        @{ Fault = 'methodNotAllowed'; Status = 405 }
        @{ Fault = 'unreadable'; Status = 200 }
    ) {
        $expected = Get-Key (Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf)
        Set-JiraEmulatorConfig $emu @{ searchFault = $Fault } | Out-Null
        Reset-Stats
        $actual = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures
        @($warnings).Count | Should -Be 1
        "$warnings" | Should -Match 'v2 user search is not available'
        $failures | Should -BeNullOrEmpty
        Get-Calls $search $Status | Should -Be 1 -Because 'an unavailable search is not retried'
        Get-Calls $perUser 200 | Should -Be (Get-Holder).Count
        Get-Key $actual | Should -Be $expected
    }

    It 'stops when the search is forced and unavailable' {
        Set-JiraEmulatorConfig $emu @{ searchFault = 'off' } | Out-Null
        { Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -ActivitySource Search } |
            Should -Throw -ErrorId 'ProductUsersUnavailable,JiraDeactivate.Commands.GetInactiveJiraUserCommand'
    }

    It 'retries a page that failed with <Status> from the same cursor' -ForEach @(@{ Status = 500 }, @{ Status = 503 }) {
        $expected = Get-Key (Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf)
        Set-JiraEmulatorConfig $emu @{ searchFailPage = 3; searchFailTimes = 1; searchFailStatus = $Status } | Out-Null
        Reset-Stats
        $actual = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -WarningVariable warnings
        Get-Calls $search $Status | Should -Be 1
        Get-Calls $search 200 | Should -Be 4 -Because '400 users are 4 pages of 100: none skipped, none read twice'
        Get-Calls $perUser 200 | Should -Be 0 -Because 'no holder of page 3 went missing'
        $warnings | Should -BeNullOrEmpty
        Get-Key $actual | Should -Be $expected
    }

    It 'asks again with 50 when a limit of 100 is refused' {
        $expected = Get-Key (Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf)
        Set-JiraEmulatorConfig $emu @{ searchMaxLimit = 50 } | Out-Null
        Reset-Stats
        $actual = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -WarningVariable warnings
        Get-Calls $search 400 | Should -Be 1 -Because 'the smaller size is kept for the rest of the run'
        Get-Calls $search 200 | Should -Be 8
        Get-Calls $perUser 200 | Should -Be 0
        $warnings | Should -BeNullOrEmpty
        Get-Key $actual | Should -Be $expected
    }

    It 'paces the search under the Admin API rate limit and loses nobody' {
        $expected = Get-Key (Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf)
        Set-JiraEmulatorConfig $emu @{ adminRateLimit = 2; searchMaxLimit = 50 } | Out-Null
        Reset-Stats
        $actual = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures
        $limited = Get-Calls $search 429
        $failures | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
        Get-Calls $search 200 | Should -Be 8
        $limited | Should -BeLessOrEqual 8 -Because 'each page waits for its slot instead of bouncing off the limit'
        Get-Key $actual | Should -Be $expected
    }

    It 'says with -Verbose which source it used and how many calls of each kind this run made' {
        $lines = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $lines | Where-Object { $_ -match '^POST /admin/v2/orgs/.+/directories/-/users/search -> 200' } | Should -HaveCount 4
        $lines | Where-Object { $_ -match 'from the v2 user search \(4 calls, 400 users\) for \d+ holders; per-user last-active-dates calls: 0' } | Should -HaveCount 1
        $summary = $lines | Where-Object { $_ -like 'Calls this run:*' }
        $summary | Should -Match 'Admin API 4 requests'
        $again = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -ActivitySource PerUser -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Calls this run:*' }
        $again.Message | Should -Match "Admin API $((Get-Holder).Count) requests" -Because 'the counts are of this run only'
    }
}

Describe 'Organization lookups for other commands' {
    It 'connects with -OrganizationId, which reads the single-organization answer' {
        $credential = [pscredential]::new($emu.email, (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force))
        $key = ConvertTo-SecureString $emu.adminApiKey -AsPlainText -Force
        $connection = Connect-JiraAdmin -Site $emu.siteUrl -Credential $credential -AdminApiKey $key -AdminApiUri $emu.adminApiUrl -OrganizationId $emu.orgId -PassThru
        $connection.OrganizationId | Should -Be $emu.orgId
        $connection.OrganizationName | Should -Be ((Get-JiraEmulatorState $emu).orgs | Where-Object id -eq $emu.orgId).name
    }

    It 'lists the organization admins through the search by role' {
        $http = [System.Net.Http.HttpClient]::new()
        try {
            $http.BaseAddress = [uri]$emu.adminApiUrl
            $http.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $emu.adminApiKey)
            # The core lives in the module's own load context, out of reach of a type literal: find it there.
            $core = [System.Runtime.Loader.AssemblyLoadContext]::All.Assemblies | Where-Object { $_.GetName().Name -eq 'JiraDeactivate.Core' } | Select-Object -First 1
            $client = [Activator]::CreateInstance($core.GetType('JiraDeactivate.Core.Atlassian.AdminApiClient', $true), [object[]]@($http))
            $admins = $client.GetOrganizationAdminsAsync($emu.orgId, [System.Threading.CancellationToken]::None).GetAwaiter().GetResult()
        }
        finally { $http.Dispose() }
        $expected = @((Get-JiraEmulatorState $emu).users | Where-Object orgAdmin | ForEach-Object accountId | Sort-Object)
        $expected.Count | Should -BeGreaterThan 1
        @($admins | Sort-Object) | Should -Be $expected
    }
}
