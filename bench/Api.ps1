# Dot-sourced by build/bench.ps1: the API and removal parts. The sequential loops are what admins write today:
# Invoke-RestMethod one call at a time, with a minimal retry on 429 that honours Retry-After.

function Invoke-BenchRest {
    # One call, retried after a 429 (or 5xx) as Retry-After says; counts the retries in $Counter.
    param([Parameter(Mandatory)] [string] $Uri, [string] $Method = 'Get', [Parameter(Mandatory)] [hashtable] $Headers, [Parameter(Mandatory)] [hashtable] $Counter)
    Set-StrictMode -Off  # JSON answers leave out empty fields
    while ($true) {
        $status = 0; $responseHeaders = $null
        $answer = Invoke-RestMethod -Uri $Uri -Method $Method -Headers $Headers -SkipHttpErrorCheck -StatusCodeVariable status -ResponseHeadersVariable responseHeaders
        $Counter.requests++
        if ($status -eq 429 -or $status -ge 500) {
            $Counter.retries++
            $wait = 1
            if ($responseHeaders -and $responseHeaders['Retry-After']) { $wait = [double]($responseHeaders['Retry-After'] | Select-Object -First 1) }
            Start-Sleep -Milliseconds ([int](1000 * $wait))
            continue
        }
        if ($status -ge 300 -and -not ($Method -eq 'Delete' -and $status -in 400, 404)) { throw "$Method $Uri answered $status" }
        return $answer
    }
}

function Get-BenchJiraHeaders($Emulator) {
    @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($Emulator.email):$($Emulator.apiToken)")); Accept = 'application/json' }
}

function Invoke-SequentialApi {
    # The members of each group that grants Jira Software, then each one's last-active dates, one call at a time.
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [datetime] $AsOf, [int] $MoreThan = 90)
    Set-StrictMode -Off  # JSON answers leave out empty fields
    $counter = @{ requests = 0; retries = 0 }
    $jira = Get-BenchJiraHeaders $Emulator
    $admin = @{ Authorization = "Bearer $($Emulator.adminApiKey)"; Accept = 'application/json' }
    $asOfUtc = [datetime]::SpecifyKind($AsOf, 'Utc')
    $dataDate = $asOfUtc.AddHours(-24).Date
    $role = Invoke-BenchRest "$($Emulator.siteUrl)/rest/api/3/applicationrole/jira-software" -Headers $jira -Counter $counter
    $members = [ordered]@{}
    foreach ($group in $role.groupDetails) {
        $startAt = 0
        do {
            $page = Invoke-BenchRest "$($Emulator.siteUrl)/rest/api/3/group/member?groupId=$($group.groupId)&includeInactiveUsers=false&startAt=$startAt&maxResults=50" -Headers $jira -Counter $counter
            foreach ($user in $page.values) {
                if ($user.active -and $user.accountType -ne 'app' -and -not $members.Contains($user.accountId)) { $members[$user.accountId] = $user }
            }
            $startAt += @($page.values).Count
        } until ($page.isLast -or @($page.values).Count -eq 0)
    }
    $inactive = [System.Collections.Generic.List[string]]::new()
    foreach ($id in $members.Keys) {
        $base = "$($Emulator.adminApiUrl)/admin/v1/orgs/$($Emulator.orgId)/directory/users/$([uri]::EscapeDataString($id))/last-active-dates"
        $uri = $base; $last = $null; $added = $null
        while ($uri) {
            $answer = Invoke-BenchRest $uri -Headers $admin -Counter $counter
            foreach ($access in $answer.data.product_access) {
                if ($access.key -ne 'jira-software') { continue }
                if ($access.id -and $access.id -notlike "*$($Emulator.cloudId)") { continue }
                $text = if ($access.last_active_timestamp) { $access.last_active_timestamp } else { $access.last_active }
                if ($text) { $day = ([datetime]::Parse($text, [cultureinfo]::InvariantCulture, 'AdjustToUniversal, AssumeUniversal')).Date; if (-not $last -or $day -gt $last) { $last = $day } }
            }
            if (-not $added) {
                $text = if ($answer.data.added_to_org_timestamp) { $answer.data.added_to_org_timestamp } else { $answer.data.added_to_org }
                if ($text) { $added = ([datetime]::Parse($text, [cultureinfo]::InvariantCulture, 'AdjustToUniversal, AssumeUniversal')).Date }
            }
            $uri = if ($answer.links.next) { "$base?cursor=$([uri]::EscapeDataString($answer.links.next))" } else { $null }
        }
        $days = if ($last) { ($dataDate - $last).Days } elseif ($added) { ($asOfUtc.Date - $added).Days } else { [int]::MaxValue }
        if ($days -gt $MoreThan) { $inactive.Add($id) }
    }
    [pscustomobject]@{ Inactive = $inactive; Judged = $members.Count; Requests = $counter.requests; Retries = $counter.retries }
}

function Get-BenchRemovalTargets {
    # The first $Count users who hold Jira Software through a granting group and whom no protection skips,
    # with their granting memberships (what the sequential loop deletes).
    param([Parameter(Mandatory)] $Emulator, [int] $Count = 1000)
    Set-StrictMode -Off  # JSON answers leave out empty fields
    $state = Get-JiraEmulatorState $Emulator
    $granting = @(($state.products | Where-Object key -eq 'jira-software').groups)
    $protectedMembers = [System.Collections.Generic.HashSet[string]]::new()
    foreach ($group in $state.groups | Where-Object { $_.name -like '*admin*' -or $_.name -in $state.siteAdminGroups -or $_.name -in $state.administerGroups }) {
        foreach ($m in $group.members) { [void]$protectedMembers.Add($m) }
    }
    $users = @{}
    foreach ($user in $state.users) { $users[$user.accountId] = $user }
    $memberships = [ordered]@{}
    foreach ($group in $state.groups | Where-Object name -in $granting) {
        foreach ($id in $group.members) {
            if (-not $memberships.Contains($id)) { $memberships[$id] = [System.Collections.Generic.List[object]]::new() }
            $memberships[$id].Add($group)
        }
    }
    $targets = foreach ($id in $memberships.Keys) {
        $user = $users[$id]
        if ($protectedMembers.Contains($id) -or $user.orgAdmin -or $user.email -eq $Emulator.email -or $user.accountType -ne 'atlassian' -or $user.accountStatus -ne 'active') { continue }
        [pscustomobject]@{ AccountId = $id; Product = 'JiraSoftware'; Groups = $memberships[$id] }
    }
    @($targets | Select-Object -First $Count)
}

function Invoke-SequentialRemoval {
    # DELETE /rest/api/3/group/user for each granting membership of each target, one call at a time.
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] $Targets)
    Set-StrictMode -Off  # JSON answers leave out empty fields
    $counter = @{ requests = 0; retries = 0 }
    $jira = Get-BenchJiraHeaders $Emulator
    $deleted = 0
    foreach ($target in $Targets) {
        foreach ($group in $target.Groups) {
            Invoke-BenchRest "$($Emulator.siteUrl)/rest/api/3/group/user?groupId=$($group.groupId)&accountId=$([uri]::EscapeDataString($target.AccountId))" -Method Delete -Headers $jira -Counter $counter | Out-Null
            $deleted++
        }
    }
    [pscustomobject]@{ Deleted = $deleted; Requests = $counter.requests; Retries = $counter.retries }
}

function Get-BenchGrantingMembership {
    # "group|accountId" of every membership of the given users in the groups that grant Jira Software.
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string[]] $AccountId)
    Set-StrictMode -Off  # JSON answers leave out empty fields
    $state = Get-JiraEmulatorState $Emulator
    $granting = @(($state.products | Where-Object key -eq 'jira-software').groups)
    $wanted = [System.Collections.Generic.HashSet[string]]::new([string[]]$AccountId)
    @(foreach ($group in $state.groups | Where-Object name -in $granting) { foreach ($m in $group.members) { if ($wanted.Contains($m)) { "$($group.name)|$m" } } })
}

function Get-BenchTraffic {
    # The emulator's counters split by credential: Jira REST (site) and Admin API.
    param([Parameter(Mandatory)] $Emulator)
    Set-StrictMode -Off  # JSON answers leave out empty fields
    $stats = Get-JiraEmulatorStats $Emulator
    $t = [ordered]@{ total = 0; r429 = 0; r5xx = 0; dropped = 0; jira = 0; admin = 0; jiraNeeded = 0; adminNeeded = 0; maxConcurrent = $stats.maxConcurrentRequests }
    foreach ($route in $stats.routes) {
        $n = [long]$route.count
        $isAdmin = $route.route -like '/admin/*'
        $t.total += $n
        if ($isAdmin) { $t.admin += $n } else { $t.jira += $n }
        if ($route.status -eq 429) { $t.r429 += $n; continue }
        if ($route.status -ge 500) { $t.r5xx += $n; continue }
        if ($route.status -eq 0) { $t.dropped += $n; continue }
        if ($isAdmin) { $t.adminNeeded += $n } else { $t.jiraNeeded += $n }
    }
    [pscustomobject]$t
}

function Get-BenchRequestsByKind {
    # The emulator's answered requests (429s left out) by method and route, e.g. "DELETE /rest/api/3/group/user" = 330,
    # with the Admin API's and Jira's totals and each one's 429s.
    param([Parameter(Mandatory)] $Emulator)
    Set-StrictMode -Off  # JSON answers leave out empty fields
    $kinds = [ordered]@{}
    $t = [ordered]@{ admin = 0; jira = 0; admin429 = 0; jira429 = 0; kinds = $kinds }
    foreach ($route in (Get-JiraEmulatorStats $Emulator).routes | Sort-Object route, method) {
        $n = [long]$route.count
        $isAdmin = $route.route -like '/admin/*'
        if ($route.status -eq 429) { if ($isAdmin) { $t.admin429 += $n } else { $t.jira429 += $n }; continue }
        if ($isAdmin) { $t.admin += $n } else { $t.jira += $n }
        $kind = "$($route.method) $($route.route)"
        $kinds[$kind] = [long]$kinds[$kind] + $n
    }
    [pscustomobject]$t
}
