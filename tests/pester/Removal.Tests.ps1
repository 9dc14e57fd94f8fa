BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # The last look reads last-active-dates, which lists held but never used products undated here: without such an
    # entry, a holder who used another product cannot be judged (issue 21) and is skipped.
    $emu = Start-JiraEmulator -Users 300 -Seed 5 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
    $asOf = [datetime]'2026-11-02'
    Connect-TestEmulator $emu
    $state = Get-JiraEmulatorState $emu
    $softwareGroups = ($state.products | Where-Object key -eq 'jira-software').groups

    function Get-Inactive([int] $Days = 90) { Get-InactiveJiraUser -Product JiraSoftware -MoreThan $Days -AsOf $asOf }
    function Get-Member([string] $AccountId) { (Get-JiraEmulatorState $emu).groups | Where-Object { $_.members -contains $AccountId } | ForEach-Object name }
    # A new connection too: the fuse counts every run of a connection, and each test starts from zero.
    function Reset-Emulator { Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null; Set-JiraEmulatorConfig $emu @{ rateLimit = 0; errorRate = 0; dropRate = 0; syncedGroup = '' } | Out-Null; Connect-TestEmulator $emu }
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'Remove-JiraProductAccess' {
    BeforeEach { Reset-Emulator }

    It 'changes nothing with -WhatIf and lists each user with the groups they would leave' {
        $before = Get-EmulatorMembership $emu
        $users = Get-Inactive | Select-Object -First 5
        # What-if lines go straight to the host, so a transcript is what sees them.
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript | Out-Null
        try { $users | Remove-JiraProductAccess -WhatIf 6>$null } finally { Stop-Transcript | Out-Null }
        $preview = Get-Content $transcript -Raw
        Get-EmulatorMembership $emu | Should -Be $before
        foreach ($user in $users) { $preview | Should -Match ([regex]::Escape($user.AccountId)) }
        $preview | Should -Match 'Remove JiraSoftware access: leave jira-software-users'
    }

    It 'removes exactly the selected users from exactly the groups that grant the product' {
        $before = Get-EmulatorMembership $emu
        $users = Get-Inactive | Select-Object -First 6
        $journal = Join-Path $TestDrive 'exact.jsonl'
        $results = $users | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null
        $results.Status | Sort-Object -Unique | Should -Be 'Removed'
        $after = Get-EmulatorMembership $emu
        $gone = $before | Where-Object { $_ -notin $after }
        $expected = $before | Where-Object { ($_ -split '\|')[1] -in $users.AccountId -and ($_ -split '\|')[0] -in $softwareGroups }
        $gone | Should -Be $expected
        $after | Where-Object { $_ -notin $before } | Should -BeNullOrEmpty
        foreach ($result in $results) {
            $result.GroupsRemoved | Sort-Object | Should -Be ($expected | Where-Object { $_ -like "*|$($result.AccountId)" } | ForEach-Object { ($_ -split '\|')[0] } | Sort-Object)
        }
        (Get-Content $journal | ConvertFrom-Json).event | Should -Contain 'Removed'
        Get-Content $journal -Raw | Should -Not -Match ([regex]::Escape($emu.apiToken))
    }

    It 'protects the connected admin, site admins, app accounts and exclusions' {
        $adminId = ($state.users | Where-Object email -eq $emu.email).accountId
        $siteAdmin = $state.groups | Where-Object name -eq 'site-admins' | ForEach-Object members | Where-Object { $_ -ne $adminId } | Select-Object -First 1
        $app = ($state.users | Where-Object accountType -eq 'app' | Where-Object { (Get-Member $_.accountId) -match 'jira' } | Select-Object -First 1).accountId
        # Chosen by what each user is a member of, not by output order (which follows the order calls finish).
        $adminGroups = 'site-admins', 'administrators', 'jira-administrators', 'jira-admins', 'org-admins'
        $candidates = Get-Inactive | Sort-Object AccountId | Where-Object { -not (Get-Member $_.AccountId | Where-Object { $_ -in $adminGroups }) }
        $inGroup = $candidates | Where-Object { Get-Member $_.AccountId | Where-Object { $_ -notin $softwareGroups } } | Select-Object -First 1
        $extraGroup = Get-Member $inGroup.AccountId | Where-Object { $_ -notin $softwareGroups } | Select-Object -First 1
        $others = $candidates | Where-Object { $_.AccountId -ne $inGroup.AccountId -and (Get-Member $_.AccountId) -notcontains $extraGroup }
        $excluded = $others | Select-Object -First 1
        $plain = $others | Select-Object -Skip 1 -First 1
        # Users that Get-InactiveJiraUser would not judge are judged here (-MoreThan): the protections come first either way.
        $results = @($excluded, $inGroup, $plain | Remove-JiraProductAccess -Confirm:$false -Exclude $excluded.Email -ExcludeGroup $extraGroup -JournalPath (Join-Path $TestDrive 'protect.jsonl') 6>$null) +
            @($adminId, $siteAdmin, $app | Remove-JiraProductAccess -Product JiraSoftware -MoreThan 90 -Confirm:$false -JournalPath (Join-Path $TestDrive 'protect-fresh.jsonl') 6>$null)
        ($results | Where-Object AccountId -eq $adminId).Message | Should -Match 'connected admin'
        ($results | Where-Object AccountId -eq $siteAdmin).Message | Should -Match "protected group .*'site-admins'"
        ($results | Where-Object AccountId -eq $app).Message | Should -Match 'app account'
        ($results | Where-Object AccountId -eq $excluded.AccountId).Message | Should -Match '-Exclude'
        ($results | Where-Object AccountId -eq $inGroup.AccountId).Message | Should -Match ([regex]::Escape($extraGroup))
        ($results | Where-Object Status -eq 'Skipped').Count | Should -Be 5
        ($results | Where-Object AccountId -eq $plain.AccountId).Status | Should -Be 'Removed'
        foreach ($id in $adminId, $siteAdmin, $app, $excluded.AccountId, $inGroup.AccountId) {
            Get-Member $id | Sort-Object | Should -Be ($state.groups | Where-Object { $_.members -contains $id } | ForEach-Object name | Sort-Object)
        }
    }

    It 'skips users of another site than the connected one' {
        $user = Get-Inactive | Select-Object -First 1
        $result = [pscustomobject]@{ AccountId = $user.AccountId; Product = 'JiraSoftware'; Site = 'other-site' } | Remove-JiraProductAccess -MoreThan 90 -Confirm:$false 6>$null
        $result.Status | Should -Be 'Skipped'
        $result.Message | Should -Match "site 'other-site'"
    }

    It 'stops a run larger than -MaxUsers before changing anything' {
        $before = Get-EmulatorMembership $emu
        $users = Get-Inactive 30
        $users.Count | Should -BeGreaterThan 50
        $thrown = { $users | Remove-JiraProductAccess -Confirm:$false 6>$null } | Should -Throw -ErrorId 'RemovalFuseTripped,JiraDeactivate.Commands.RemoveJiraProductAccessCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $thrown.Exception.Message | Should -Match '-MaxUsers \d+'
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'fails before any change when the journal cannot be written' {
        $before = Get-EmulatorMembership $emu
        $blocker = Join-Path $TestDrive 'a-file'
        Set-Content $blocker 'x'
        { Get-Inactive | Select-Object -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $blocker 'journal.jsonl') 6>$null } |
            Should -Throw -ErrorId 'JournalNotWritable,JiraDeactivate.Commands.RemoveJiraProductAccessCommand'
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'reports NoAccess, not errors, when the same input runs again' {
        $users = Get-Inactive | Select-Object -First 4
        $users | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'again.jsonl') 6>$null | Out-Null
        $again = $users | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'again.jsonl') -ErrorVariable failures 6>$null
        $failures | Should -BeNullOrEmpty
        $again.Status | Sort-Object -Unique | Should -Be 'NoAccess'
    }

    It 'reports StillHasAccess when an identity provider keeps the user in a granting group' {
        Set-JiraEmulatorConfig $emu @{ syncedGroup = 'jira-software-users' } | Out-Null
        $user = Get-Inactive | Where-Object { (Get-Member $_.AccountId) -contains 'jira-software-users' } | Select-Object -First 1
        $result = $user | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'synced.jsonl') 6>$null
        $result.Status | Should -Be 'StillHasAccess'
        $result.Message | Should -Match "'jira-software-users' \(a default group\)"
        (Get-JiraProductAccess $user.AccountId -Product JiraSoftware).Groups | Should -Contain 'jira-software-users'
    }

    It 'ends every user in a definite state under faults, removes nothing twice, and a rerun finishes the rest' {
        $before = Get-EmulatorMembership $emu
        $users = Get-Inactive 30
        Set-JiraEmulatorConfig $emu @{ rateLimit = 150; errorRate = 0.1; dropRate = 0.05 } | Out-Null
        $journal = Join-Path $TestDrive 'faults.jsonl'
        $results = $users | Remove-JiraProductAccess -Confirm:$false -MaxUsers 1000 -JournalPath $journal -ErrorAction SilentlyContinue 6>$null
        Set-JiraEmulatorConfig $emu @{ rateLimit = 0; errorRate = 0; dropRate = 0 } | Out-Null

        $results.Count | Should -Be $users.Count
        $results.Status | Where-Object { $_ -notin 'Removed', 'NoAccess', 'Failed', 'Skipped', 'StillHasAccess' } | Should -BeNullOrEmpty
        $entries = Get-Content $journal | ConvertFrom-Json
        $removedTwice = $entries | Where-Object event -eq 'Removed' | Group-Object { "$($_.accountId)|$($_.groupName)" } | Where-Object Count -gt 1
        $removedTwice | Should -BeNullOrEmpty
        $after = Get-EmulatorMembership $emu
        $gone = $before | Where-Object { $_ -notin $after }
        $gone | ForEach-Object { ($_ -split '\|')[1] } | Where-Object { $_ -notin $users.AccountId } | Should -BeNullOrEmpty -Because 'only selected users lose anything'
        $gone | ForEach-Object { ($_ -split '\|')[0] } | Where-Object { $_ -notin $softwareGroups } | Should -BeNullOrEmpty -Because 'only groups that grant the product are touched'
        foreach ($entry in $entries | Where-Object event -eq 'Removed') { "$($entry.groupName)|$($entry.accountId)" | Should -BeIn $gone }

        $rerun = $users | Remove-JiraProductAccess -Confirm:$false -MaxUsers 1000 -JournalPath $journal 6>$null
        $rerun.Status | Where-Object { $_ -notin 'Removed', 'NoAccess', 'Skipped' } | Should -BeNullOrEmpty
        Get-EmulatorMembership $emu | Where-Object { ($_ -split '\|')[1] -in $users.AccountId -and ($_ -split '\|')[0] -in $softwareGroups -and ($_ -split '\|')[1] -notin ($rerun | Where-Object Status -eq 'Skipped').AccountId } |
            Should -BeNullOrEmpty
    }
}

Describe 'Restore-JiraProductAccess' {
    BeforeEach { Reset-Emulator }

    It 'brings the emulator back to its state before the run, from the journal' {
        $before = Get-EmulatorMembership $emu
        $journal = Join-Path $TestDrive 'restore.jsonl'
        Get-Inactive | Remove-JiraProductAccess -Confirm:$false -MaxUsers 1000 -JournalPath $journal 6>$null | Out-Null
        Get-EmulatorMembership $emu | Should -Not -Be $before
        Restore-JiraProductAccess -JournalPath $journal -WhatIf 6>$null
        (Get-EmulatorMembership $emu) | Should -Not -Be $before -Because '-WhatIf restores nothing'
        $restored = Restore-JiraProductAccess -JournalPath $journal 6>$null
        $restored.Status | Sort-Object -Unique | Should -Be 'Restored'
        Get-EmulatorMembership $emu | Should -Be $before
        Restore-JiraProductAccess -JournalPath $journal 6>$null | Should -BeNullOrEmpty -Because 'nothing is left to restore'
    }

    It 'restores the users of result objects on the pipeline' {
        $before = Get-EmulatorMembership $emu
        $results = Get-Inactive | Select-Object -First 3 | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'pipe.jsonl') 6>$null
        $restored = $results | Restore-JiraProductAccess 6>$null
        $restored.AccountId | Sort-Object | Should -Be ($results.AccountId | Sort-Object)
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'Get-JiraProductAccess' {
    BeforeAll { Reset-Emulator }

    It 'shows each product with the granting groups the user is in, from the pipeline' {
        $user = Get-Inactive | Select-Object -First 1
        $access = $user | Get-JiraProductAccess
        $access.Product | Should -Be @('JiraSoftware', 'JiraServiceManagement')
        $software = $access | Where-Object Product -eq JiraSoftware
        $software.HasAccess | Should -BeTrue
        $software.Groups | Sort-Object | Should -Be (Get-Member $user.AccountId | Where-Object { $_ -in $softwareGroups } | Sort-Object)
    }

    It 'gives ObjectNotFound for an unknown account and goes on' {
        $known = (Get-Inactive | Select-Object -First 1).AccountId
        $access = Get-JiraProductAccess 'no-such-account', $known -Product JiraSoftware -ErrorVariable failures -ErrorAction SilentlyContinue
        $access.AccountId | Should -Be $known
        $failures[0].FullyQualifiedErrorId | Should -Be 'UserNotFound,JiraDeactivate.Commands.GetJiraProductAccessCommand'
    }
}
