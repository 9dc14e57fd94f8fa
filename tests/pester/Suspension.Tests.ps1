# Suspend-JiraUser and Resume-JiraUser against the emulator's v2 suspend and restore routes (issue 16).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emu = Start-JiraEmulator -Users 300 -Seed 5 -ArgumentList '--as-of', '2026-11-01'
    $asOf = [datetime]'2026-11-02'
    Connect-TestEmulator $emu

    function Get-Inactive([int] $Days = 90) { Get-InactiveJiraUser -Product JiraSoftware -MoreThan $Days -AsOf $asOf }
    function Get-Suspended { (Get-JiraEmulatorState $emu).users | Where-Object suspended | ForEach-Object accountId | Sort-Object }
    # A new connection too: the fuse counts every run of a connection, and each test starts from zero.
    function Reset-Emulator { Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null; Set-JiraEmulatorConfig $emu @{ lifecycleAlreadyStatus = 409; lifecycleSuccessStatus = 204 } | Out-Null; Connect-TestEmulator $emu }
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'Suspend-JiraUser' {
    BeforeEach { Reset-Emulator }

    It 'changes nothing with -WhatIf and previews every input with a summary' {
        $before = Get-Suspended
        $users = Get-Inactive | Select-Object -First 6
        $lines = $users | Suspend-JiraUser -WhatIf 6>&1 | ForEach-Object { "$_" }
        Get-Suspended | Should -Be $before
        $summary = $lines | Where-Object { $_ -like 'Suspend-JiraUser (preview):*' }
        $summary | Should -Match 'would suspend \d+ users?; not changed \d+'
        $wouldChange = [int]($summary -replace '.*would suspend (\d+) user.*', '$1')
        $notChanging = @($lines | Where-Object { $_ -like 'What if: Not changing*' }).Count
        ($wouldChange + $notChanging) | Should -Be $users.Count
    }

    It 'suspends the inactive users, keeps their groups, verifies, and Resume-JiraUser -JournalPath resumes exactly them' {
        $membership = Get-EmulatorMembership $emu
        $journal = Join-Path $TestDrive 'suspend.jsonl'
        $results = Get-Inactive | Select-Object -First 8 | Suspend-JiraUser -Confirm:$false -JournalPath $journal 6>$null
        $suspended = @($results | Where-Object Status -eq 'Suspended')
        $suspended.Count | Should -BeGreaterThan 0
        Get-Suspended | Should -Be (@((Get-JiraEmulatorState $emu).users | Where-Object { $_.suspended -and $_.accountId -notin $suspended.AccountId } | ForEach-Object accountId) + $suspended.AccountId | Sort-Object)
        $results | Where-Object Status -ne 'Suspended' | ForEach-Object { $_.AccountId | Should -Not -BeIn (Get-Suspended) }
        Get-EmulatorMembership $emu | Should -Be $membership
        $lines = Get-Content $journal | ConvertFrom-Json
        foreach ($user in $suspended) { ($lines | Where-Object accountId -eq $user.AccountId).event | Should -Be 'Planned', 'Suspending', 'Suspended', 'Verified' }
        Get-Content $journal -Raw | Should -Not -Match ([regex]::Escape($emu.adminApiKey))

        $resumed = Resume-JiraUser -JournalPath $journal -Confirm:$false 6>$null
        $resumed.Status | Sort-Object -Unique | Should -Be 'Resumed'
        @($resumed.AccountId | Sort-Object) | Should -Be @($suspended.AccountId | Sort-Object)
        foreach ($user in $suspended) { $user.AccountId | Should -Not -BeIn (Get-Suspended) }
    }

    It 'skips a user active in any product within the period, naming the product, unless -Force' {
        $results = Get-Inactive | Select-Object -First 20 | Suspend-JiraUser -WhatIf:$false -Confirm:$false -MaxUsers 50 -JournalPath (Join-Path $TestDrive 'active.jsonl') 6>$null
        $active = $results | Where-Object { $_.Status -eq 'Skipped' -and $_.Message -match '^active in .+ (today|\d+ days? ago), within 90 days' } | Select-Object -First 1
        $active | Should -Not -BeNullOrEmpty
        $active.AccountId | Should -Not -BeIn (Get-Suspended)
        # The sealed judgment is about Jira Software: -Force overrides the activity in another product.
        $forced = Get-Inactive | Where-Object AccountId -eq $active.AccountId | Suspend-JiraUser -Force -Confirm:$false -JournalPath (Join-Path $TestDrive 'forced.jsonl') 6>$null
        $forced.Status | Should -Be 'Suspended'
        $active.AccountId | Should -BeIn (Get-Suspended)
    }

    It 'counts an already suspended user as done, not as an error' {
        $first = Get-Inactive | Select-Object -First 8 | Suspend-JiraUser -Confirm:$false -JournalPath (Join-Path $TestDrive 'first.jsonl') 6>$null | Where-Object Status -eq 'Suspended' | Select-Object -First 1
        $first | Should -Not -BeNullOrEmpty
        $again = Suspend-JiraUser -AccountId $first.AccountId -MoreThan 90 -Confirm:$false -JournalPath (Join-Path $TestDrive 'again.jsonl') -ErrorVariable failures 6>$null
        $again.Status | Should -Be 'AlreadySuspended'
        $failures | Should -BeNullOrEmpty
    }

    It 'refuses input without a judgment' {
        $target = (Get-Inactive | Select-Object -First 1).AccountId
        Suspend-JiraUser -AccountId $target -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue 6>$null | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'InputNotJudged,JiraDeactivate.Commands.SuspendJiraUserCommand'
        $target | Should -Not -BeIn (Get-Suspended)
    }

    It 'protects the connected admin' {
        $adminId = ((Get-JiraEmulatorState $emu).users | Where-Object email -eq $emu.email).accountId
        $result = Suspend-JiraUser -AccountId $adminId -MoreThan 1 -Force -Confirm:$false -JournalPath (Join-Path $TestDrive 'admin.jsonl') 6>$null
        $result.Status | Should -Be 'Skipped'
        $result.Message | Should -Match 'connected admin'
        $adminId | Should -Not -BeIn (Get-Suspended)
    }

    It 'trips the fuse before changing anything' {
        $users = Get-Inactive | Select-Object -First 20
        $preview = $users | Suspend-JiraUser -WhatIf 6>&1 | ForEach-Object { "$_" } | Where-Object { $_ -like 'Suspend-JiraUser (preview):*' }
        [int]($preview -replace '.*would suspend (\d+) user.*', '$1') | Should -BeGreaterThan 1
        $before = Get-Suspended
        $thrown = { $users | Suspend-JiraUser -MaxUsers 1 -Confirm:$false -JournalPath (Join-Path $TestDrive 'fuse.jsonl') 6>$null } |
            Should -Throw -ErrorId 'LifecycleFuseTripped,JiraDeactivate.Commands.SuspendJiraUserCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        Get-Suspended | Should -Be $before
    }

    It 'skips an organization admin found through the Admin API, whom Atlassian would refuse (403)' {
        # The error categories of refused calls (403: PermissionDenied, ...) are covered by xunit ApiFailureTests and
        # SuspensionRunTests; here the org admin never reaches the call.
        $state = Get-JiraEmulatorState $emu
        $adminGroups = 'site-admins', 'administrators', 'jira-administrators', 'jira-admins', 'org-admins'
        $protectedMembers = $state.groups | Where-Object name -in $adminGroups | ForEach-Object members
        $orgAdmin = $state.users | Where-Object { $_.orgAdmin -and $_.email -ne $emu.email -and $_.accountId -notin $protectedMembers -and $_.accountType -ne 'app' -and -not $_.suspended } | Select-Object -First 1
        $orgAdmin | Should -Not -BeNullOrEmpty
        $result = Suspend-JiraUser -AccountId $orgAdmin.accountId -MoreThan 1 -Force -Confirm:$false -JournalPath (Join-Path $TestDrive 'refused.jsonl') -ErrorVariable failures -ErrorAction SilentlyContinue 6>$null
        $result.Status | Should -Be 'Skipped'
        $result.Message | Should -Match 'organization admin \(Admin API\)'
        $failures | Should -BeNullOrEmpty
        $orgAdmin.accountId | Should -Not -BeIn (Get-Suspended)
    }
}

Describe 'Suspended users in the reports' {
    BeforeAll { Reset-Emulator }

    It 'shows a suspended user as Suspended holding no seat, and does not report them inactive' {
        $suspended = Get-Inactive | Select-Object -First 8 | Suspend-JiraUser -Confirm:$false -JournalPath (Join-Path $TestDrive 'reports.jsonl') 6>$null | Where-Object Status -eq 'Suspended' | Select-Object -First 1
        $suspended | Should -Not -BeNullOrEmpty
        $access = Get-JiraProductAccess -AccountId $suspended.AccountId -Product JiraSoftware
        $access.AccountStatus | Should -Be 'Suspended'
        $access.HasAccess | Should -BeTrue
        $access.HoldsSeat | Should -BeFalse
        (Get-Inactive).AccountId | Should -Not -Contain $suspended.AccountId
        $active = Get-JiraProductAccess -AccountId ((Get-Inactive | Select-Object -First 1).AccountId) -Product JiraSoftware
        $active.AccountStatus | Should -Be 'Active'
    }
}

Describe 'Resume-JiraUser and Restore-JiraProductAccess on a suspend journal' {
    BeforeEach { Reset-Emulator }

    It 'resumes users by account ID, and reports users who are not suspended' {
        $suspended = Get-Inactive | Select-Object -First 8 | Suspend-JiraUser -Confirm:$false -JournalPath (Join-Path $TestDrive 'ids.jsonl') 6>$null | Where-Object Status -eq 'Suspended'
        $active = (Get-Inactive | Where-Object AccountId -notin $suspended.AccountId | Select-Object -First 1).AccountId
        $results = @($suspended.AccountId) + $active | Resume-JiraUser -Confirm:$false 6>$null
        ($results | Where-Object AccountId -in $suspended.AccountId).Status | Sort-Object -Unique | Should -Be 'Resumed'
        ($results | Where-Object AccountId -eq $active).Status | Should -Be 'NotSuspended'
        foreach ($id in $suspended.AccountId) { $id | Should -Not -BeIn (Get-Suspended) }
    }

    It 'seals its own journal of a resume by account ID with the keys of -KeyPath' {
        $suspended = Get-Inactive | Select-Object -First 8 | Suspend-JiraUser -Confirm:$false -JournalPath (Join-Path $TestDrive 'keyed.jsonl') 6>$null | Where-Object Status -eq 'Suspended'
        $suspended | Should -Not -BeNullOrEmpty
        $keys = Join-Path $TestDrive 'resume keys'
        $results = @($suspended.AccountId | Resume-JiraUser -KeyPath $keys -Confirm:$false 6>$null)
        $runId = @($results.RunId | Sort-Object -Unique)
        $runId.Count | Should -Be 1
        Join-Path $keys "$($runId[0]).key" | Should -Exist
        (Get-JiraChangeRun -Path $results[0].JournalPath -KeyPath $keys | Where-Object RunId -eq $runId[0]).KeyPresent | Should -BeTrue
    }

    It 'Restore-JiraProductAccess on a suspend journal resumes what that run suspended' {
        $journal = Join-Path $TestDrive 'restore.jsonl'
        $suspended = Get-Inactive | Select-Object -First 8 | Suspend-JiraUser -Confirm:$false -JournalPath $journal 6>$null | Where-Object Status -eq 'Suspended'
        $suspended | Should -Not -BeNullOrEmpty
        $results = Restore-JiraProductAccess -JournalPath $journal -Confirm:$false 6>$null
        @($results.AccountId | Sort-Object) | Should -Be @($suspended.AccountId | Sort-Object)
        foreach ($id in $suspended.AccountId) { $id | Should -Not -BeIn (Get-Suspended) }
    }

    It 'refuses a line added to the journal by hand and resumes only what the run suspended' {
        $journal = Join-Path $TestDrive 'tampered.jsonl'
        $suspended = Get-Inactive | Select-Object -First 8 | Suspend-JiraUser -Confirm:$false -JournalPath $journal 6>$null | Where-Object Status -eq 'Suspended'
        $runId = (Get-Content $journal | ConvertFrom-Json | Where-Object event -eq 'RunStarted').runId
        $other = ((Get-JiraEmulatorState $emu).users | Where-Object { $_.suspended -and $_.accountId -notin $suspended.AccountId } | Select-Object -First 1).accountId
        $other | Should -Not -BeNullOrEmpty
        Add-Content $journal (@{ time = (Get-Date).ToUniversalTime().ToString('o'); runId = $runId; event = 'Suspended'; accountId = $other; site = 'acme' } | ConvertTo-Json -Compress)
        $results = Resume-JiraUser -JournalPath $journal -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue 6>$null
        $refused[0].FullyQualifiedErrorId | Should -Be 'JournalLineRefused,JiraDeactivate.Commands.ResumeJiraUserCommand'
        $results.AccountId | Should -Not -Contain $other
        $other | Should -BeIn (Get-Suspended)
    }
}
