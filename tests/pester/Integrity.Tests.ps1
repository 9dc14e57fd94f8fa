# Issue 13: protection by what admins hold, a journal restore that cannot become a grant, one writer per journal,
# a fuse per connection, exclusions by every known email, and site addresses without credentials.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # Held but never used products are listed undated, so the last look can judge every holder (issue 21).
    $emu = Start-JiraEmulator -Users 300 -Seed 5 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
    $asOf = [datetime]'2026-11-02'
    $state = Get-JiraEmulatorState $emu
    $site = $state.site.name
    $softwareGroups = ($state.products | Where-Object key -eq 'jira-software').groups
    $adminGroups = 'site-admins', 'administrators', 'jira-administrators', 'jira-admins', 'org-admins'

    function Get-Inactive([int] $Days = 90) { Get-InactiveJiraUser -Product JiraSoftware -MoreThan $Days -AsOf $asOf }
    function Get-Member([string] $AccountId) { (Get-JiraEmulatorState $emu).groups | Where-Object { $_.members -contains $AccountId } | ForEach-Object name }
    function Reset-Emulator {
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null
        Set-JiraEmulatorConfig $emu @{ rateLimit = 0; errorRate = 0; dropRate = 0; answerFault = '' } | Out-Null
        Connect-TestEmulator $emu
    }
    function Get-PlainInactive {
        # Inactive users in no administrators' group of any name, sorted so a test picks the same ones each run.
        Get-Inactive | Sort-Object AccountId | Where-Object { -not (Get-Member $_.AccountId | Where-Object { $_ -in $adminGroups -or $_ -like 'jira-admins-*' }) }
    }
    function Add-JournalLine([string] $Path, [hashtable] $Line) { Add-Content -LiteralPath $Path -Value ($Line | ConvertTo-Json -Compress) }
    function Set-EmulatorUser([string] $AccountId, [hashtable] $Values) {
        # Changes one user's fields in the emulator's state (org admin, email visibility, ...).
        $document = Invoke-RestMethod "$($emu.controlUrl)/state"
        $user = $document.users | Where-Object accountId -eq $AccountId
        foreach ($name in $Values.Keys) { $user.$name = $Values[$name] }
        Invoke-RestMethod -Method Put "$($emu.controlUrl)/state" -Body ($document | ConvertTo-Json -Depth 20) -ContentType 'application/json' | Out-Null
    }
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'Admins are protected by what they hold' {
    BeforeEach { Reset-Emulator }

    It 'skips members of a group Jira reports with Administer Jira, whatever its name' {
        $jiraAdmins = "jira-admins-$site"
        $members = Get-Inactive | Where-Object { (Get-Member $_.AccountId) -contains $jiraAdmins -and -not (Get-Member $_.AccountId | Where-Object { $_ -in $adminGroups }) }
        $members | Should -Not -BeNullOrEmpty -Because "the emulator grants Administer Jira to '$jiraAdmins', a name outside the fallback list"
        $before = Get-EmulatorMembership $emu
        $results = $members | Remove-JiraProductAccess -Confirm:$false -MaxUsers 1000 -JournalPath (Join-Path $TestDrive 'admins.jsonl') 6>$null
        $results.Status | Sort-Object -Unique | Should -Be 'Skipped'
        $results.Message | ForEach-Object { $_ | Should -Match ([regex]::Escape("'$jiraAdmins'")) }
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'skips everyone, changing nothing, when the administrators'' groups cannot be read' {
        $users = Get-PlainInactive | Select-Object -First 3
        $before = Get-EmulatorMembership $emu
        Set-JiraEmulatorConfig $emu @{ answerFault = 'invalidJson' } | Out-Null
        $results = $users | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'unchecked.jsonl') -WarningVariable warnings 3>$null 6>$null
        Set-JiraEmulatorConfig $emu @{ answerFault = '' } | Out-Null
        $results.Status | Sort-Object -Unique | Should -Be 'Skipped'
        $results[0].Message | Should -Match "administrators' groups could not be read"
        $warnings | Should -Match 'every user is skipped'
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'Organization admins from the Admin API' {
    BeforeEach { Reset-Emulator }

    It 'skips an organization admin on the API path, where the input carries no Org role' {
        $user = Get-PlainInactive | Select-Object -First 1
        Set-EmulatorUser $user.AccountId @{ orgAdmin = $true }
        $before = Get-EmulatorMembership $emu
        $user.OrgRole | Should -BeNullOrEmpty -Because 'the API path gives no Org role'
        $result = $user | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'orgadmin.jsonl') 6>$null
        $result.Status | Should -Be 'Skipped'
        $result.Message | Should -Match 'organization admin \(Admin API\)'
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'skips everyone when the organization''s admins cannot be read' {
        $users = Get-PlainInactive | Select-Object -First 2
        $before = Get-EmulatorMembership $emu
        Set-JiraEmulatorConfig $emu @{ searchFault = 'forbidden' } | Out-Null
        try { $results = $users | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'noadmins.jsonl') -WarningVariable warnings 3>$null 6>$null }
        finally { Set-JiraEmulatorConfig $emu @{ searchFault = '' } | Out-Null }
        $results.Status | Sort-Object -Unique | Should -Be 'Skipped'
        $results[0].Message | Should -Match "organization's admins could not be read"
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'A restore only undoes what a removal run did' {
    BeforeEach { Reset-Emulator }

    It 'refuses hand-added lines (an admin group, a groupId that disagrees with its name, another site) and restores the genuine ones' {
        $before = Get-EmulatorMembership $emu
        $journal = Join-Path $TestDrive 'tampered.jsonl'
        $users = Get-PlainInactive | Select-Object -First 3
        $results = $users | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null
        $runId = $results[0].RunId
        $mallory = ($state.users | Where-Object { $_.accountType -eq 'atlassian' -and -not (Get-Member $_.accountId | Where-Object { $_ -in $adminGroups }) } | Select-Object -Last 1).accountId
        $developers = $state.groups | Where-Object name -eq 'jira-developers'
        $siteAdmins = $state.groups | Where-Object name -eq 'site-admins'
        Add-JournalLine $journal @{ runId = $runId; event = 'Removed'; accountId = $mallory; product = 'JiraSoftware'; site = $site; groupName = 'site-admins' }
        Add-JournalLine $journal @{ runId = $runId; event = 'Removed'; accountId = $mallory; product = 'JiraSoftware'; site = $site; groupId = $siteAdmins.groupId; groupName = 'jira-developers' }
        Add-JournalLine $journal @{ runId = $runId; event = 'Removed'; accountId = $mallory; product = 'JiraSoftware'; site = 'other-site'; groupId = $developers.groupId; groupName = 'jira-developers' }
        $lineCount = (Get-Content $journal).Count

        $restored = Restore-JiraProductAccess -JournalPath $journal -ErrorVariable refused -ErrorAction SilentlyContinue 6>$null

        $refused.Count | Should -Be 3
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'JournalLineRefused,JiraDeactivate.Commands.RestoreJiraProductAccessCommand' }
        $refused | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'SecurityError' }
        $refused[0].Exception.Message | Should -Match ([regex]::Escape("tampered.jsonl:$($lineCount - 2):"))
        $restored.AccountId | Sort-Object | Should -Be ($users.AccountId | Sort-Object)
        Get-Member $mallory | Should -Not -Contain 'site-admins'
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'refuses a whole forged run, and with -AllowUnsealed still never adds anyone to an administrators'' group' {
        $before = Get-EmulatorMembership $emu
        $journal = Join-Path $TestDrive 'forged.jsonl'
        $mallory = ($state.users | Where-Object { $_.accountType -eq 'atlassian' -and -not (Get-Member $_.accountId | Where-Object { $_ -in $adminGroups }) } | Select-Object -Last 1).accountId
        $jiraAdmins = $state.groups | Where-Object name -eq "jira-admins-$site"
        Add-JournalLine $journal @{ runId = 'forged1'; event = 'RunStarted'; operation = 'Remove-JiraProductAccess'; site = $site }
        Add-JournalLine $journal @{ runId = 'forged1'; event = 'Planned'; accountId = $mallory; product = 'JiraSoftware'; site = $site; groups = @("jira-admins-$site", 'site-admins') }
        Add-JournalLine $journal @{ runId = 'forged1'; event = 'Removed'; accountId = $mallory; product = 'JiraSoftware'; site = $site; groupId = $jiraAdmins.groupId; groupName = "jira-admins-$site" }
        Add-JournalLine $journal @{ runId = 'forged1'; event = 'Removed'; accountId = $mallory; product = 'JiraSoftware'; site = $site; groupName = 'site-admins' }

        Restore-JiraProductAccess -JournalPath $journal -ErrorVariable strict -ErrorAction SilentlyContinue 6>$null | Should -BeNullOrEmpty
        $strict.Count | Should -Be 1 -Because 'a run without its key is named once, not once per line'
        $strict[0].FullyQualifiedErrorId | Should -Be 'JournalKeyNotFound,JiraDeactivate.Commands.RestoreJiraProductAccessCommand'
        $strict[0].Exception.Message | Should -Match "seal key \(forged1\.key\) is not in"

        Restore-JiraProductAccess -JournalPath $journal -AllowUnsealed -ErrorVariable lenient -ErrorAction SilentlyContinue -WarningAction SilentlyContinue 6>$null | Should -BeNullOrEmpty
        $lenient.Count | Should -Be 2
        $lenient.Exception.Message | Where-Object { $_ -match 'does not grant|administrators' } | Should -HaveCount 2
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'One writer per journal' {
    BeforeEach { Reset-Emulator }

    It 'stops a run whose journal another run holds, before changing anything' {
        $before = Get-EmulatorMembership $emu
        $journal = Join-Path $TestDrive 'held.jsonl'
        $holder = [System.IO.File]::Open("$journal.lock", 'OpenOrCreate', 'ReadWrite', 'None')
        try {
            $thrown = { Get-PlainInactive | Select-Object -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null } |
                Should -Throw -ErrorId 'JournalInUse,JiraDeactivate.Commands.RemoveJiraProductAccessCommand' -PassThru
            $thrown.CategoryInfo.Category | Should -Be 'ResourceBusy'
        }
        finally { $holder.Dispose() }
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'loses no line when two runs in two runspaces share a journal: a restore puts every membership back' {
        $before = Get-EmulatorMembership $emu
        $journal = Join-Path $TestDrive 'shared.jsonl'
        $users = @(Get-PlainInactive | Select-Object -First 40)
        $halves = @(, $users[0..19]) + @(, $users[20..39])
        $module = $env:JIRADEACTIVATE_MODULE
        $outcomes = $halves | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            $e = $using:emu
            $credential = [pscredential]::new($e.email, (ConvertTo-SecureString $e.apiToken -AsPlainText -Force))
            Connect-JiraAdmin -Site $e.siteUrl -Credential $credential
            # A -Parallel worker passes its summary line to the host even under 6>$null: nothing here reads it.
            try { $_ | Remove-JiraProductAccess -Confirm:$false -JournalPath $using:journal -ErrorAction Stop -InformationAction Ignore | Out-Null; 'ran' }
            catch { $_.FullyQualifiedErrorId }
        }
        $outcomes | Where-Object { $_ -ne 'ran' } | ForEach-Object { $_ | Should -BeLike 'JournalInUse,*' }
        $entries = Get-Content $journal | ConvertFrom-Json
        $gone = $before | Where-Object { $_ -notin (Get-EmulatorMembership $emu) }
        foreach ($membership in $gone) {
            $group, $account = $membership -split '\|'
            $entries | Where-Object { $_.event -eq 'Removed' -and $_.accountId -eq $account -and $_.groupName -eq $group } | Should -Not -BeNullOrEmpty -Because "$membership left and the journal must say so"
        }
        Restore-JiraProductAccess -JournalPath $journal 6>$null | Out-Null
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'The fuse counts every run of a connection' {
    BeforeEach { Reset-Emulator }

    It 'trips in a loop of one-user runs once the connection changed -MaxUsers users, and a new connection starts again' {
        $users = Get-PlainInactive | Select-Object -First 4
        $journal = Join-Path $TestDrive 'loop.jsonl'
        foreach ($user in $users[0..2]) { $user | Remove-JiraProductAccess -Confirm:$false -MaxUsers 3 -JournalPath $journal 6>$null | Out-Null }
        $before = Get-EmulatorMembership $emu
        $thrown = { $users[3] | Remove-JiraProductAccess -Confirm:$false -MaxUsers 3 -JournalPath $journal 6>$null } |
            Should -Throw -ErrorId 'RemovalFuseTripped,JiraDeactivate.Commands.RemoveJiraProductAccessCommand' -PassThru
        $thrown.Exception.Message | Should -Match 'earlier runs already changed 3'
        Get-EmulatorMembership $emu | Should -Be $before

        Connect-TestEmulator $emu
        ($users[3] | Remove-JiraProductAccess -Confirm:$false -MaxUsers 3 -JournalPath $journal 6>$null).Status | Should -Be 'Removed'
    }
}

Describe 'Exclusions by email' {
    BeforeEach { Reset-Emulator }

    It 'match the email the input carries when Jira hides it' {
        $hidden = $state.users | Where-Object { -not $_.emailVisible -and $_.accountType -eq 'atlassian' }
        $user = Get-PlainInactive | Where-Object AccountId -in $hidden.accountId | Select-Object -First 1
        $user | Should -Not -BeNullOrEmpty
        $email = ($state.users | Where-Object accountId -eq $user.AccountId).email
        $before = Get-EmulatorMembership $emu
        $result = [pscustomobject]@{ AccountId = $user.AccountId; Product = 'JiraSoftware'; Email = $email } |
            Remove-JiraProductAccess -MoreThan 90 -Confirm:$false -Exclude $email -JournalPath (Join-Path $TestDrive 'hidden.jsonl') 6>$null
        $result.Status | Should -Be 'Skipped'
        $result.Message | Should -Match '-Exclude'
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'Exclusions by the Admin API''s email' {
    BeforeEach { Reset-Emulator }

    It 'match a user whose email Jira hides, on the API path' {
        $user = Get-PlainInactive | Where-Object { ($state.users | Where-Object accountId -eq $_.AccountId).managed } | Select-Object -First 1
        $email = ($state.users | Where-Object accountId -eq $user.AccountId).email
        Set-EmulatorUser $user.AccountId @{ emailVisible = $false }
        $fromApi = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf | Where-Object AccountId -eq $user.AccountId
        $fromApi.Email | Should -Be $email -Because 'the v2 search gives the email Jira hides'
        (Get-JiraProductAccess $user.AccountId -Product JiraSoftware).Email | Should -BeNullOrEmpty -Because 'Jira hides it'
        $before = Get-EmulatorMembership $emu
        $result = $fromApi | Remove-JiraProductAccess -Confirm:$false -Exclude $email -JournalPath (Join-Path $TestDrive 'apiemail.jsonl') 6>$null
        $result.Status | Should -Be 'Skipped'
        $result.Message | Should -Match '-Exclude'
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'Site addresses' {
    It 'refuses a site address with a user name and password, and never shows the password' {
        $Error.Clear()
        $credential = [pscredential]::new($emu.email, (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force))
        $withSecret = ([uri]$emu.siteUrl).AbsoluteUri -replace '^http://', 'http://admin:S3CRET@'
        $thrown = { Connect-JiraAdmin -Site $withSecret -Credential $credential } | Should -Throw -ErrorId 'ConnectInvalidArgument,JiraDeactivate.Commands.ConnectJiraAdminCommand' -PassThru
        $thrown.Exception.Message | Should -Match 'user name or password'
        ($Error | Out-String) + ($thrown | Format-List * -Force | Out-String) + ($thrown.TargetObject | Out-String) | Should -Not -Match 'S3CRET'
    }

    It 'refuses a site address with a query' {
        $credential = [pscredential]::new($emu.email, (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force))
        { Connect-JiraAdmin -Site "$($emu.siteUrl)?x=1" -Credential $credential } | Should -Throw -ErrorId 'ConnectInvalidArgument,JiraDeactivate.Commands.ConnectJiraAdminCommand'
    }
}
