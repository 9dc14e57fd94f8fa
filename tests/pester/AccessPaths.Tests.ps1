BeforeDiscovery {
    $knobCases = [System.Collections.Generic.List[hashtable]]::new()
    foreach ($from in 'Api', 'Csv') {
        foreach ($strip in $true, $false) {
            foreach ($removal in 'revert', 'refuse') {
                foreach ($flags in 'externalSynced,managedBy,modifiable', 'externalSynced', 'managedBy', 'modifiable') {
                    foreach ($owner in 'jira', 'jira-software') {
                        $n = $knobCases.Count
                        $knobCases.Add(@{ From = $from; Strip = $strip; Removal = $removal; Flags = $flags; Owner = $owner; Mode = ('PerUser', 'Bulk', 'Auto')[$n % 3]; Status = (204, 200)[$n % 2] })
                    }
                }
            }
        }
    }
}
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # --access-paths 3: three users on each path besides a local group (a direct role alone, a direct role and a local
    # group, a synced group alone, a synced and a local group), all inactive in Jira Software for 200-400 days.
    $emu = Start-JiraEmulator -Users 60 -Seed 11 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true', '--access-paths', '3'
    $asOf = [datetime]'2026-11-02'
    $first = Get-JiraEmulatorState $emu
    $syncedIds = @(($first.groups | Where-Object name -eq 'idp-jira-users').members)
    $directIds = @($first.users | Where-Object { $_.directRoles -contains 'jira-software' } | ForEach-Object accountId)
    $softwareGroups = ($first.products | Where-Object key -eq 'jira-software').groups
    $directOnlyIds = @($directIds | Where-Object { $id = $_; -not ($first.groups | Where-Object { $_.name -in $softwareGroups -and $_.members -contains $id }) })

    function Reset-Emulator([hashtable] $Config = @{}) {
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null
        $knobs = @{ revokeStripsGroups = $true; syncedGroupRemoval = 'revert'; syncedGroupFlags = 'externalSynced,managedBy,modifiable'; workspaceAriOwner = 'jira'; roleChangeStatus = 204 }
        foreach ($key in $Config.Keys) { $knobs[$key] = $Config[$key] }
        Set-JiraEmulatorConfig $emu $knobs | Out-Null
        Connect-TestEmulator $emu
    }
    # The product's seat count as Jira reports it (users counted against the licence).
    function Get-Seats { (Get-JiraProductLicense -Product JiraSoftware).UsersCounted }
    function Invoke-IdentityProviderSync { Invoke-RestMethod -Method Post "$($emu.controlUrl)/identity-provider/sync" | Out-Null }
    # Every path of every user as sorted "group|accountId" and "role|accountId|product" strings.
    function Get-Paths {
        $state = Get-JiraEmulatorState $emu
        @($state.groups | ForEach-Object { $group = $_.name; $_.members | ForEach-Object { "$group|$_" } }) +
        @($state.users | ForEach-Object { $id = $_.accountId; $_.directRoles | ForEach-Object { "role|$id|$_" } }) | Sort-Object
    }
    function Get-Judged([string] $From) {
        if ($From -eq 'Csv') { Get-InactiveJiraUser -Path (Save-EmulatorExport $emu) -Product JiraSoftware -MoreThan 90 -AsOf $asOf }
        else { Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf }
    }
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'Remove-JiraProductAccess on every path' {
    # Every combination of the knobs for what Atlassian leaves open (Revoke strips groups or not, Jira's DELETE on a
    # synced group refused or reverted, which one signal marks a synced group, the workspace's ARI owner), from both
    # input paths; the ways of reading and Revoke's 200 or 204 alternate.
    It 'frees exactly the seats it reports Removed, after a sync, and restores the first state (<From>, strips <Strip>, <Removal>, <Flags>, <Owner>, <Mode>)' -ForEach $knobCases {
        Reset-Emulator @{ revokeStripsGroups = $Strip; syncedGroupRemoval = $Removal; syncedGroupFlags = $Flags; workspaceAriOwner = $Owner; roleChangeStatus = $Status }
        $before = Get-Seats
        $pathsBefore = Get-Paths
        $judged = @(Get-Judged $From)
        # The judged users say how they hold the product, from both input paths.
        $judgedSynced = @($judged | Where-Object AccountId -in $syncedIds)
        $judgedSynced.Count | Should -Be 6
        $judgedSynced.SyncedGroups | Sort-Object -Unique | Should -Be 'idp-jira-users'
        $judgedSynced | ForEach-Object { $_.AccessPaths | Should -Contain 'synced group' }
        ($judged | Where-Object AccountId -in $directOnlyIds).AccessPaths | Sort-Object -Unique | Should -Be 'not by a group'
        ($judged | Where-Object { $_.AccountId -notin $syncedIds -and $_.AccountId -notin $directOnlyIds }).AccessPaths | Sort-Object -Unique | Should -Be 'group'
        $journal = Join-Path $TestDrive "paths-$([guid]::NewGuid().ToString("N")).jsonl"
        $results = @($judged | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -ReadMode $Mode 6>$null)
        Invoke-IdentityProviderSync
        $removed = @($results | Where-Object Status -eq 'Removed')
        $removed.Count | Should -BeGreaterThan 0
        ($before - (Get-Seats)) | Should -Be $removed.Count

        # Synced holders: unchanged, reported as such, with the groups to hand to the identity provider.
        $synced = @($results | Where-Object AccountId -in $syncedIds)
        $synced.Count | Should -Be 6
        $synced.Status | Sort-Object -Unique | Should -Be 'ManagedByIdentityProvider'
        foreach ($user in $synced) {
            $user.SyncedGroups | Should -Be 'idp-jira-users'
            $user.Message | Should -Match "'idp-jira-users'.*identity provider"
            Get-Paths | Where-Object { $_ -like "*|$($user.AccountId)*" } | Should -Be ($pathsBefore | Where-Object { $_ -like "*|$($user.AccountId)*" })
        }

        # Direct-role holders, found from both paths: the role revoked, the seat freed.
        $direct = @($results | Where-Object AccountId -in $directIds)
        $direct.Count | Should -Be 6
        $direct.Status | Sort-Object -Unique | Should -Be 'Removed'
        $direct.RoleRevoked | Sort-Object -Unique | Should -Be $true
        Get-Paths | Where-Object { $_ -like 'role|*' } | Should -BeNullOrEmpty
        (Get-Content $journal | ConvertFrom-Json | Where-Object event -eq 'RoleRevoked').Count | Should -Be 6

        Restore-JiraProductAccess -JournalPath $journal -Confirm:$false 6>$null | Out-Null
        Invoke-IdentityProviderSync
        Get-Paths | Should -Be $pathsBefore
        Get-Seats | Should -Be $before
    }

    It 'reads no role assignment for users whom groups explain, and the groups once per run (<Mode>)' -ForEach @(
        @{ Mode = 'PerUser' }
        @{ Mode = 'Bulk' }
    ) {
        Reset-Emulator
        $judged = @(Get-Judged 'Api' | Where-Object { $_.AccountId -notin $directIds -and $_.AccountId -notin $syncedIds })
        $before = Get-Seats
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/stats/reset" | Out-Null
        $results = @($judged | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive "budget-$Mode.jsonl") -ReadMode $Mode 6>$null)
        $routes = (Get-JiraEmulatorStats $emu).routes
        function Count([string] $Route) { [int](@($routes | Where-Object route -like $Route) | Measure-Object count -Sum).Sum }
        $removed = @($results | Where-Object Status -eq 'Removed').Count
        $removed | Should -BeGreaterThan 10
        ($before - (Get-Seats)) | Should -Be $removed
        Count '*/role-assignments' | Should -Be 0
        Count '*/roles/revoke' | Should -Be 0
        Count '*/groups/search' | Should -Be 1
        Count '*/workspaces' | Should -Be 1
    }

    It 'reads no user one by one to find holders when the seat count is explained by the groups' {
        $plainOrg = Start-JiraEmulator -Users 120 -Seed 12 -ArgumentList '--as-of', '2026-11-01'
        try {
            Connect-TestEmulator $plainOrg
            Invoke-RestMethod -Method Post "$($plainOrg.controlUrl)/stats/reset" | Out-Null
            $found = @(Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf)
            $reads = @((Get-JiraEmulatorStats $plainOrg).routes | Where-Object { $_.method -eq 'GET' -and $_.route -eq '/rest/api/3/user' })
            $found.Count | Should -BeGreaterThan 0
            [int]($reads | Measure-Object count -Sum).Sum | Should -Be 0
            $found.AccessPaths | Sort-Object -Unique | Should -Be 'group'
        }
        finally {
            Stop-JiraEmulator $plainOrg
            Connect-TestEmulator $emu
        }
    }

    It 'names the synced holders in -WhatIf, -PlanOnly and the summary, and changes nothing' {
        Reset-Emulator
        $pathsBefore = Get-Paths
        $judged = @(Get-Judged 'Api')
        $transcript = Join-Path $TestDrive 'paths-whatif.txt'
        Start-Transcript -Path $transcript | Out-Null
        try { $judged | Remove-JiraProductAccess -WhatIf } finally { Stop-Transcript | Out-Null }
        $text = Get-Content $transcript -Raw
        $text | Should -Match "ManagedByIdentityProvider \(holds JiraSoftware through 'idp-jira-users'"
        $text | Should -Match 'revoke the direct role'
        $text | Should -Match 'managed by the identity provider 6'
        $plan = @($judged | Remove-JiraProductAccess -PlanOnly 6>$null)
        $managed = @($plan | Where-Object Action -eq 'ManagedByIdentityProvider')
        $managed.AccountId | Sort-Object | Should -Be ($syncedIds | Sort-Object)
        # The list for whoever runs the identity provider exports cleanly: one row per user with the group's name.
        $csv = $managed | Select-Object AccountId, Email, SyncedGroups | ConvertTo-Csv | ConvertFrom-Csv
        $csv.SyncedGroups | Sort-Object -Unique | Should -Be 'idp-jira-users'
        ($plan | Where-Object { $_.AccountId -in $directIds }).RevokeDirectRole | Should -Contain $true
        Get-Paths | Should -Be $pathsBefore
    }

    It 'says once, without the Admin API, that direct roles and synced groups cannot be seen, and skips a direct-role holder rather than calling it NoAccess' {
        Reset-Emulator
        $judged = @(Get-Judged 'Csv')
        $credential = [pscredential]::new($emu.email, (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force))
        Connect-JiraAdmin -Site $emu.siteUrl -Credential $credential
        $results = @($judged | Where-Object AccountId -in $directOnlyIds | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'no-admin.jsonl') -WarningVariable warnings -WarningAction SilentlyContinue 6>$null)
        @($warnings | Where-Object { "$_" -match 'roles assigned directly and groups synced from an identity provider cannot be seen' }).Count | Should -Be 1
        $results.Count | Should -Be 3
        $results.Status | Sort-Object -Unique | Should -Be 'Skipped'
        $results[0].Message | Should -Match 'path Jira cannot change'
        $results[0].AccessPaths | Should -Be 'not by a group'
    }

    It 'refuses to grant a direct role back without the Admin API, with the reason' {
        Reset-Emulator
        $journal = Join-Path $TestDrive 'role-restore.jsonl'
        $results = @(Get-Judged 'Api' | Where-Object AccountId -in $directIds | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null)
        ($results | Where-Object RoleRevoked).Count | Should -Be 6
        $credential = [pscredential]::new($emu.email, (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force))
        Connect-JiraAdmin -Site $emu.siteUrl -Credential $credential
        Restore-JiraProductAccess -JournalPath $journal -Confirm:$false -WarningVariable refused -WarningAction SilentlyContinue -ErrorVariable errors -ErrorAction SilentlyContinue 6>$null | Out-Null
        "$refused $errors" | Should -Match 'granting it back needs the Admin API'
        Get-Paths | Where-Object { $_ -like 'role|*' } | Should -BeNullOrEmpty
    }
}
