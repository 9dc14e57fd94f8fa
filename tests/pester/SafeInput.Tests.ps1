# Issue 12: Remove-JiraProductAccess acts only on judged input, takes a last look before each change, previews
# every input, and its objects export (JSON, CSV) and come back.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # The emulator's data ends today, so the last look (which judges as of now) and the export agree on dates.
    $today = [datetime]::UtcNow.Date
    # last-active-dates lists held but never used products undated: without such an entry a holder who used another
    # product cannot be judged by the last look (issue 21).
    $emu = Start-JiraEmulator -Users 300 -Seed 7 -ArgumentList '--as-of', $today.ToString('yyyy-MM-dd'), '--list-undated-products', 'true'
    $asOf = $today.AddDays(1)
    $state = Get-JiraEmulatorState $emu
    $adminGroups = 'site-admins', 'administrators', 'jira-administrators', 'jira-admins', 'org-admins'

    function Get-Member([string] $AccountId) { (Get-JiraEmulatorState $emu).groups | Where-Object { $_.members -contains $AccountId } | ForEach-Object name }
    function Reset-Emulator {
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null
        Connect-TestEmulator $emu
    }
    function Get-PlainInactive([int] $Count) {
        $export = Save-EmulatorExport $emu
        Import-CsvExport $export | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf | Sort-Object AccountId |
            Where-Object { -not (Get-Member $_.AccountId | Where-Object { $_ -in $adminGroups -or $_ -like 'jira-admins-*' }) -and $_.OrgRole -notmatch 'admin' } |
            Select-Object -First $Count
    }
    function Set-Active([string] $AccountId, [datetime] $Day = $today) {
        $body = @{ accountId = $AccountId; product = 'jira-software'; date = $Day.ToString('yyyy-MM-dd') } | ConvertTo-Json
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/activity" -Body $body -ContentType 'application/json' | Out-Null
    }
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'Judged input only' {
    BeforeEach { Reset-Emulator }

    It 'changes nothing for unjudged input and gives one InputNotJudged error per object' {
        $before = Get-EmulatorMembership $emu
        $export = Save-EmulatorExport $emu
        $users = Import-CsvExport $export | Select-Object -First 4
        $results = $users | Remove-JiraProductAccess -Product JiraSoftware -Confirm:$false -MaxUsers 1000 -ErrorVariable refused -ErrorAction SilentlyContinue 6>$null
        $results | Should -BeNullOrEmpty
        $refused.Count | Should -Be 4
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'InputNotJudged,JiraDeactivate.Commands.RemoveJiraProductAccessCommand' }
        $refused[0].Exception.Message | Should -Match 'Get-InactiveJiraUser -Product JiraSoftware -MoreThan'
        { 'some-account-id' | Remove-JiraProductAccess -Product JiraSoftware -Confirm:$false -ErrorAction Stop 6>$null } | Should -Throw -ErrorId 'InputNotJudged,JiraDeactivate.Commands.RemoveJiraProductAccessCommand'
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'keeps the access of users who worked after the export was taken, and removes the others' {
        $users = @(Get-PlainInactive 15)
        $touched = $users[0..4]
        $touched | ForEach-Object { Set-Active $_.AccountId }
        $results = $users | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'lastlook.jsonl') 6>$null
        foreach ($user in $touched) {
            $result = $results | Where-Object AccountId -eq $user.AccountId
            $result.Status | Should -Be 'Skipped'
            $result.Message | Should -Match "active since the data was read \(last active $($today.ToString('yyyy-MM-dd'))"
            Get-Member $user.AccountId | Where-Object { $_ -like 'jira-software*' -or $_ -in 'jira-developers', 'jira-testers' } | Should -Not -BeNullOrEmpty
        }
        ($results | Where-Object AccountId -notin $touched.AccountId).Status | Sort-Object -Unique | Should -Be 'Removed'
        $planned = Get-Content (Join-Path $TestDrive 'lastlook.jsonl') | ConvertFrom-Json | Where-Object event -eq 'Planned'
        # Every approved user is planned; the last look comes right before each change, and skips the touched ones.
        $planned.Count | Should -Be 15
        $looked = @(Get-Content (Join-Path $TestDrive 'lastlook.jsonl') | ConvertFrom-Json | Where-Object { $_.event -eq 'Verified' -and $_.status -eq 'Skipped' })
        @($looked.accountId | Sort-Object) | Should -Be @($touched.AccountId | Sort-Object)
        $looked[0].message | Should -Match 'last look \d{4}-\d\d-\d\d: '
    }

    It 'judges unjudged input with fresh data when -MoreThan is given' {
        $users = @(Get-PlainInactive 4)
        Set-Active $users[0].AccountId
        $ids = $users.AccountId
        $results = $ids | Remove-JiraProductAccess -Product JiraSoftware -MoreThan 90 -Confirm:$false -JournalPath (Join-Path $TestDrive 'fresh.jsonl') 6>$null
        ($results | Where-Object AccountId -eq $ids[0]).Status | Should -Be 'Skipped'
        ($results | Where-Object AccountId -ne $ids[0]).Status | Sort-Object -Unique | Should -Be 'Removed'
    }

    It 'says once, without the Admin API, that the judgment is from the input''s data' {
        $users = @(Get-PlainInactive 2)
        $credential = [pscredential]::new($emu.email, (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force))
        Connect-JiraAdmin -Site $emu.siteUrl -Credential $credential
        $results = $users | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'nolook.jsonl') -WarningVariable warnings 3>$null 6>$null
        $results.Status | Sort-Object -Unique | Should -Be 'Removed'
        @($warnings | Where-Object { $_ -match 'No last look' }).Count | Should -Be 1
        { $users[0].AccountId | Remove-JiraProductAccess -Product JiraSoftware -MoreThan 90 -Confirm:$false 6>$null } | Should -Throw -ErrorId 'JudgmentNeedsAdminApi,JiraDeactivate.Commands.RemoveJiraProductAccessCommand'
    }
}

Describe 'Previews that can be reviewed' {
    BeforeEach { Reset-Emulator }

    It 'names every input under -WhatIf, the skipped ones with their reason, then a summary' {
        $before = Get-EmulatorMembership $emu
        $users = @(Get-PlainInactive 4)
        $orgAdmins = $state.users | Where-Object { $_.orgAdmin -or $_.suspended -or $_.email -eq $emu.email } | ForEach-Object accountId
        $holders = ($state.groups | Where-Object name -in 'jira-software-users', 'jira-developers', 'jira-testers').members
        $siteAdmin = ($state.groups | Where-Object name -eq 'site-admins').members | Where-Object { $_ -notin $orgAdmins -and $_ -in $holders } | Select-Object -First 1
        # A sealed judgment of the site admin (long inactive in Jira Software): the protection still skips them.
        Set-Active $siteAdmin $today.AddDays(-400)
        $protected = Get-InactiveJiraUser -Path (Save-EmulatorExport $emu) -Product JiraSoftware -MoreThan 90 -AsOf $asOf | Where-Object AccountId -eq $siteAdmin
        $protected | Should -Not -BeNullOrEmpty -Because 'the site admin holds Jira Software'
        $output = @($users) + $protected | Remove-JiraProductAccess -WhatIf 6>&1 | Out-String
        $output | Should -Match ([regex]::Escape("Not changing `"")) 
        $output | Should -Match ([regex]::Escape("($siteAdmin)"))
        $output | Should -Match "protected group"
        $output | Should -Match 'Remove-JiraProductAccess \(preview\): would remove the access of 4 users; skipped 1 \(protected group: 1\)'
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'removes exactly the rows left in a reviewed plan (Export-Csv, edit, Import-Csv)' {
        $before = Get-EmulatorMembership $emu
        $users = @(Get-PlainInactive 8)
        $planFile = Join-Path $TestDrive 'plan.csv'
        $users | Remove-JiraProductAccess -PlanOnly 6>$null | Export-Csv $planFile
        Get-EmulatorMembership $emu | Should -Be $before -Because '-PlanOnly changes nothing'
        $rows = Import-Csv $planFile
        $rows.Count | Should -Be 8
        $rows[0].Groups | Should -Not -Match 'System\.'
        $kept = $rows | Select-Object -First 3
        $kept | Export-Csv $planFile
        $results = Import-Csv $planFile | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'reviewed.jsonl') 6>$null
        $results.AccountId | Sort-Object | Should -Be ($kept.AccountId | Sort-Object)
        $gone = $before | Where-Object { $_ -notin (Get-EmulatorMembership $emu) } | ForEach-Object { ($_ -split '\|')[1] } | Sort-Object -Unique
        $gone | Should -Be ($kept.AccountId | Sort-Object)
    }

    It 'leaves out rows whose reviewed action is not Remove' {
        $users = @(Get-PlainInactive 2)
        $rows = $users | Remove-JiraProductAccess -PlanOnly 6>$null | Select-Object *
        $rows[1].Action = 'Skip'
        $results = $rows | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'action.jsonl') 6>$null
        ($results | Where-Object AccountId -eq $rows[1].AccountId).Message | Should -Match "the reviewed plan says 'Skip'"
        ($results | Where-Object AccountId -eq $rows[0].AccountId).Status | Should -Be 'Removed'
    }
}

Describe 'Output that exports' {
    BeforeEach { Reset-Emulator }

    It 'writes names in JSON and readable lists in CSV, and results come back through Export-Csv and Import-Csv to a restore' {
        $before = Get-EmulatorMembership $emu
        $users = @(Get-PlainInactive 3)
        $results = $users | Remove-JiraProductAccess -Confirm:$false 6>$null
        $json = $results | ConvertTo-Json | ConvertFrom-Json
        $json.Product | Sort-Object -Unique | Should -Be 'JiraSoftware'
        $json.Status | Sort-Object -Unique | Should -Be 'Removed'
        ($users[0] | ConvertTo-Json | ConvertFrom-Json).Source | Should -Be 'Csv'
        $csv = Join-Path $TestDrive 'results.csv'
        $results | Export-Csv $csv
        $multi = Import-Csv $csv | Where-Object { $_.GroupsRemoved -match ';' } | Select-Object -First 1
        if ($multi) { $multi.GroupsRemoved | Should -Match '^[\w-]+(; [\w-]+)+$' }
        (Get-Content $csv -Raw) | Should -Not -Match 'System\.String\[\]'
        (Split-Path $results[0].JournalPath -Leaf) | Should -Match ([regex]::Escape($results[0].RunId))
        $restored = Import-Csv $csv | Restore-JiraProductAccess 6>$null
        $restored.Status | Sort-Object -Unique | Should -Be 'Restored'
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'Names people use' {
    It 'accepts <Name> for -Product' -ForEach @(
        @{ Name = 'Jira'; Expected = 'JiraSoftware' }
        @{ Name = 'Jira Software'; Expected = 'JiraSoftware' }
        @{ Name = 'jira-software'; Expected = 'JiraSoftware' }
        @{ Name = 'JSM'; Expected = 'JiraServiceManagement' }
        @{ Name = 'jira-servicedesk'; Expected = 'JiraServiceManagement' }
        @{ Name = 'Jira Service Desk'; Expected = 'JiraServiceManagement' }
        @{ Name = 'jira service management'; Expected = 'JiraServiceManagement' }
    ) {
        $users = Import-CsvExport $Sample | Get-InactiveJiraUser -Product $Name -MoreThan 90 -AsOf $SampleAsOf | Select-Object -First 1
        $users.Product | Should -Be $Expected
    }

    It 'lists the accepted names for an unknown product' {
        $thrown = { Import-CsvExport $Sample | Get-InactiveJiraUser -Product Confluence -MoreThan 90 } | Should -Throw -PassThru
        $thrown.Exception.Message | Should -Match "'Confluence' is not a product this module knows"
        $thrown.Exception.Message | Should -Match 'JSM'
    }
}

Describe 'Fits a console' {
    It 'keeps the default tables of inactive users and removal results within 120 columns' {
        $users = Import-CsvExport $Sample | Get-InactiveJiraUser -Product JiraServiceManagement -MoreThan 90 -AsOf $SampleAsOf | Select-Object -First 20
        $lines = ($users | Format-Table | Out-String -Width 200) -split "`n" | Where-Object { $_.Trim() }
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
        $lines[0] | Should -Match 'DaysInactive'
    }
}
