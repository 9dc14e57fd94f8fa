# Removal at Atlassian's pace (issue 24): Remove-JiraProductAccess reads in bulk where that costs fewer calls (the
# v2 user search for the last look, the granting groups' members for the plan and the verification) and gives the
# same results and journal as the per-user way. Counts come from the emulator's request stats.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emu = Start-JiraEmulator -Users 300 -Seed 5 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
    $asOf = [datetime]'2026-11-02'
    $today = [datetime]::UtcNow.ToString('yyyy-MM-dd')
    Connect-TestEmulator $emu
    $judged = @(Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf | Sort-Object AccountId | Select-Object -First 40)
    # The judged users whom no protection skips: the ones whose change the last look decides.
    $removable = @($judged | Remove-JiraProductAccess -PlanOnly -ReadMode PerUser 6>$null | Where-Object Action -eq 'Remove').AccountId
    $changeable = @($judged | Where-Object AccountId -in $removable)
    Disconnect-JiraAdmin

    function Reset-Emulator {
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null
        Set-JiraEmulatorConfig $emu @{ searchOmits = '' } | Out-Null
        Connect-TestEmulator $emu
    }
    function Set-Active([string[]] $AccountId) {
        foreach ($id in $AccountId) {
            $body = @{ accountId = $id; product = 'jira-software'; date = $today } | ConvertTo-Json
            Invoke-RestMethod -Method Post "$($emu.controlUrl)/activity" -Body $body -ContentType 'application/json' | Out-Null
        }
    }
    function Get-Calls([string] $Method, [string] $Like) {
        [long](((Get-JiraEmulatorStats $emu).routes | Where-Object { $_.method -eq $Method -and $_.route -like $Like } | Measure-Object count -Sum).Sum)
    }
    function Reset-Stats { Invoke-RestMethod -Method Post "$($emu.controlUrl)/stats/reset" | Out-Null }
    function Invoke-Removal([object[]] $Users, [string] $ReadMode, [string] $Journal) {
        $Users | Remove-JiraProductAccess -ReadMode $ReadMode -Confirm:$false -MaxUsers 100 -JournalPath $Journal 6>$null
    }
    # A journal as what each user's lines say, without times, run IDs or seals.
    function Get-JournalFacts([string] $Path) {
        Get-Content $Path | ConvertFrom-Json | Where-Object accountId | ForEach-Object { "$($_.accountId)|$($_.event)|$($_.groupName)|$($_.status)|$($_.message)|$($_.lastLookResult)" } | Sort-Object
    }
    $lastLooks = '/admin/v1/orgs/*/last-active-dates'
    $search = '/admin/v2/orgs/*/users/search'
}
AfterAll {
    Disconnect-JiraAdmin -ErrorAction SilentlyContinue
    Stop-JiraEmulator $emu
}

Describe 'Remove-JiraProductAccess at Atlassian''s pace' {
    BeforeEach { Reset-Emulator }

    It 'spares users active since the export with the bulk last look, and gives the users the search is silent about a per-user look' {
        $active = @($changeable | Where-Object LastActive | Select-Object -First 3).AccountId
        $omitted = @($changeable | Where-Object { $_.LastActive -and $_.AccountId -notin $active } | Select-Object -First 3).AccountId
        Set-Active $active
        Set-JiraEmulatorConfig $emu @{ searchOmits = $omitted -join ',' } | Out-Null
        Reset-Stats
        $results = @(Invoke-Removal $judged Bulk (Join-Path $TestDrive 'bulk-look.jsonl'))
        foreach ($id in $active) {
            $result = $results | Where-Object AccountId -eq $id
            $result.Status | Should -Be 'Skipped'
            $result.Message | Should -Match 'active since the data was read'
        }
        @($results | Where-Object { $_.AccountId -notin $active -and $_.Message -match 'active since' }) | Should -BeNullOrEmpty
        # Looked at: every user who reached the change. The search is silent about the omitted users only: a never-used
        # user's undated entry is the evidence Get-InactiveJiraUser judged them by, and the last look takes it too.
        $looked = @($results | Where-Object { $_.Status -eq 'Removed' -or $_.AccountId -in $active }).AccountId
        @($judged | Where-Object { $_.AccountId -in $looked -and -not $_.LastActive }) | Should -Not -BeNullOrEmpty -Because 'the run must hold never-used users for this to mean anything'
        $silent = @($judged | Where-Object { $_.AccountId -in $looked -and $_.AccountId -in $omitted })
        $omitted | ForEach-Object { $_ | Should -BeIn $looked }
        Get-Calls GET $lastLooks | Should -Be $silent.Count
        Get-Calls POST $search | Should -BeLessOrEqual ([math]::Ceiling($looked.Count / 10) + 1 + 2) -Because 'ten users a search call, a call for the silent ones, and the organization admins'' lookup'
    }

    It 'gives the same results and journal as the per-user way for the same state, with fewer calls' {
        $active = @($changeable | Where-Object LastActive | Select-Object -First 2).AccountId
        $runs = foreach ($mode in 'PerUser', 'Bulk') {
            Reset-Emulator
            Set-Active $active
            Reset-Stats
            $journal = Join-Path $TestDrive "same-$mode.jsonl"
            $results = @(Invoke-Removal $judged $mode $journal)
            [pscustomobject]@{
                Mode = $mode
                Results = @($results | Sort-Object AccountId | ForEach-Object { "$($_.AccountId)|$($_.Status)|$($_.Message)|$($_.GroupsRemoved -join ',')" })
                Journal = @(Get-JournalFacts $journal)
                Membership = @(Get-EmulatorMembership $emu)
                UserReads = Get-Calls GET '/rest/api/3/user'
                MemberPages = Get-Calls GET '/rest/api/3/group/member'
                LastLooks = Get-Calls GET $lastLooks
            }
        }
        $perUser, $bulk = $runs
        @($perUser.Results | Where-Object { $_ -match '\|Removed\|' }).Count | Should -BeGreaterThan 20
        $bulk.Results | Should -Be $perUser.Results
        $bulk.Journal | Should -Be $perUser.Journal
        $bulk.Membership | Should -Be $perUser.Membership
        $bulk.UserReads | Should -BeLessThan ($perUser.UserReads / 4)
        $bulk.MemberPages | Should -BeGreaterThan 0
        $perUser.MemberPages | Should -Be 0
        $bulk.LastLooks | Should -BeLessThan $perUser.LastLooks
    }

    It 'takes the bulk last look in a plan too (-PlanOnly), with the same plan as the per-user way' {
        $active = @($changeable | Where-Object LastActive | Select-Object -First 2).AccountId
        Set-Active $active
        $plans = foreach ($mode in 'PerUser', 'Bulk') {
            Reset-Stats
            $rows = @($judged | Remove-JiraProductAccess -PlanOnly -ReadMode $mode 6>$null | Sort-Object AccountId | ForEach-Object { "$($_.AccountId)|$($_.Action)|$($_.Groups -join ',')|$($_.Reason)" })
            [pscustomobject]@{ Rows = $rows; LastLooks = Get-Calls GET $lastLooks; UserReads = Get-Calls GET '/rest/api/3/user' }
        }
        $perUser, $bulk = $plans
        foreach ($id in $active) { $perUser.Rows | Where-Object { $_ -like "$id|*" } | Should -Match 'active since the data was read' }
        $bulk.Rows | Should -Be $perUser.Rows
        $bulk.LastLooks | Should -BeLessThan $perUser.LastLooks
        $bulk.UserReads | Should -BeLessThan ($perUser.UserReads / 4)
    }

    It 'makes no bulk reads for a run of three users (Auto)' {
        $three = $changeable | Where-Object LastActive | Select-Object -First 3
        Reset-Stats
        $results = @(Invoke-Removal $three Auto (Join-Path $TestDrive 'three.jsonl'))
        $results.Count | Should -Be 3
        Get-Calls GET '/rest/api/3/group/member' | Should -Be 0
        Get-Calls GET '/rest/api/3/group/bulk' | Should -BeLessOrEqual 2 -Because 'only the administrators'' groups are listed (admin and site-admin access)'
        $searches = Get-Calls POST $search
        Reset-Emulator
        Reset-Stats
        Invoke-Removal $three PerUser (Join-Path $TestDrive 'three-per-user.jsonl') | Out-Null
        $searches | Should -Be (Get-Calls POST $search) -Because 'the only search is the organization admins'' lookup, as in the per-user way'
        Get-Calls GET $lastLooks | Should -Be 3
    }

    It 'catches, in bulk, a membership a DELETE did not really remove (read back from the groups'' members)' {
        Set-JiraEmulatorConfig $emu @{ syncedGroup = 'jira-software-users' } | Out-Null
        try {
            Reset-Stats
            $results = @(Invoke-Removal $judged Bulk (Join-Path $TestDrive 'synced.jsonl'))
            # Members of the synced group keep it (the DELETE answers 200 and changes nothing); the others lose their groups.
            $members = @((Get-JiraEmulatorState $emu).groups | Where-Object name -eq 'jira-software-users').members
            $synced = @($removable | Where-Object { $_ -in $members })
            $synced.Count | Should -BeGreaterThan 10
            foreach ($result in $results | Where-Object AccountId -in $removable) {
                if ($result.AccountId -in $synced) { $result.Status | Should -Be 'StillHasAccess'; $result.Message | Should -Match "still in 'jira-software-users'" }
                else { $result.Status | Should -Be 'Removed' }
            }
            Get-Calls GET '/rest/api/3/user' | Should -Be 0
        }
        finally { Set-JiraEmulatorConfig $emu @{ syncedGroup = '' } | Out-Null }
    }
}

Describe 'Suspend-JiraUser at Atlassian''s pace' {
    BeforeEach { Reset-Emulator }

    It 'takes its last looks, the statuses at planning and the read backs from the v2 user search, with the same results and journal as one call per user' {
        $users = @($changeable | Select-Object -First 20)
        $active = @($users | Where-Object LastActive | Select-Object -First 2).AccountId
        $runs = foreach ($mode in 'PerUser', 'Bulk') {
            Reset-Emulator
            Set-Active $active
            Reset-Stats
            $results = @($users | Suspend-JiraUser -ReadMode $mode -Confirm:$false -MaxUsers 100 -JournalPath (Join-Path $TestDrive "suspend-$mode.jsonl") 6>$null)
            [pscustomobject]@{
                Results = @($results | Sort-Object AccountId | ForEach-Object { "$($_.AccountId)|$($_.Status)" })
                LastLooks = Get-Calls GET $lastLooks
                Searches = Get-Calls POST $search
                Suspended = @((Get-JiraEmulatorState $emu).users | Where-Object suspended | ForEach-Object accountId | Sort-Object)
                Journal = @(Get-JournalFacts (Join-Path $TestDrive "suspend-$mode.jsonl"))
            }
        }
        $perUser, $bulk = $runs
        $bulk.Journal | Should -Be $perUser.Journal
        @($perUser.Results | Where-Object { $_ -like '*|Suspended' }).Count | Should -BeGreaterThan 5
        foreach ($id in $active) { $perUser.Results | Should -Contain "$id|Skipped" }
        $bulk.Results | Should -Be $perUser.Results
        $bulk.Suspended | Should -Be $perUser.Suspended
        $bulk.LastLooks | Should -BeLessThan $perUser.LastLooks
        # Per user, each user's status at planning and after the change is a search call of its own; in bulk the
        # planning look's search gives the first (two looks of 20 users, ten a search call: at most 6 calls) and one
        # read of the suspended users' records, ten a call (at most twice that when it tries the directory first), the second.
        $suspendedCount = @($perUser.Results | Where-Object { $_ -like '*|Suspended' }).Count
        $readBacks = 2 * [math]::Ceiling($suspendedCount / 10)
        $perUser.Searches - $bulk.Searches | Should -BeGreaterOrEqual (14 + $suspendedCount - $readBacks) -Because "the 20 status reads at planning come from the planning look's search, and the $suspendedCount read backs from at most $readBacks searches"
    }

    It 'resumes from a journal with its users'' statuses read in bulk, at planning and after the changes' {
        $journal = Join-Path $TestDrive 'resume-bulk.jsonl'
        $suspended = @($changeable | Select-Object -First 20 | Suspend-JiraUser -Confirm:$false -MaxUsers 100 -JournalPath $journal 6>$null | Where-Object Status -eq 'Suspended')
        $suspended.Count | Should -BeGreaterOrEqual 10 -Because 'a resumption of ten users or more reads in bulk'
        Reset-Stats
        $resumed = @(Resume-JiraUser -JournalPath $journal -Confirm:$false 6>$null)
        @($resumed | Where-Object Status -eq 'Resumed').AccountId | Sort-Object | Should -Be @($suspended.AccountId | Sort-Object)
        foreach ($id in $suspended.AccountId) { $id | Should -Not -BeIn @((Get-JiraEmulatorState $emu).users | Where-Object suspended | ForEach-Object accountId) }
        # One search per user at planning and another after the change would be 2 per user; in bulk each read takes
        # ten users a call (at most twice that when it tries the directory first).
        $bound = 2 * 2 * [math]::Ceiling($suspended.Count / 10)
        Get-Calls POST $search | Should -BeLessOrEqual $bound -Because "$($suspended.Count) users' statuses are read twice, each time in bulk"
    }
}
