# Issue 21 (journal integrity) and issue 26 (undo from anywhere): chained seals, the lock on the real path, key files
# checked, bounded lines, a stray line refused alone, Resume-JiraUser only for its own runs, keys where the admin puts
# them, the list of past runs, stale locks cleaned. Every test checks the emulator's state afterwards.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emu = Start-JiraEmulator -Users 300 -Seed 5 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
    $asOf = [datetime]'2026-11-02'
    $state = Get-JiraEmulatorState $emu
    $adminGroups = 'site-admins', 'administrators', 'jira-administrators', 'jira-admins', 'org-admins'

    function Get-Inactive([int] $Days = 90) { Get-InactiveJiraUser -Product JiraSoftware -MoreThan $Days -AsOf $asOf }
    function Get-Member([string] $AccountId) { (Get-JiraEmulatorState $emu).groups | Where-Object { $_.members -contains $AccountId } | ForEach-Object name }
    function Get-Suspended { (Get-JiraEmulatorState $emu).users | Where-Object suspended | ForEach-Object accountId | Sort-Object }
    function Reset-Emulator {
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null
        Set-JiraEmulatorConfig $emu @{ lifecycleAlreadyStatus = 409; lifecycleSuccessStatus = 204 } | Out-Null
        Connect-TestEmulator $emu
    }
    function Get-PlainInactive {
        Get-Inactive | Sort-Object AccountId | Where-Object { -not (Get-Member $_.AccountId | Where-Object { $_ -in $adminGroups -or $_ -like 'jira-admins-*' }) }
    }
    function Remove-FromAllGroups([string] $AccountId) {
        # Someone offboards the user: every membership goes, outside this module.
        $document = Invoke-RestMethod "$($emu.controlUrl)/state"
        foreach ($group in $document.groups) { $group.members = @($group.members | Where-Object { $_ -ne $AccountId }) }
        Invoke-RestMethod -Method Put "$($emu.controlUrl)/state" -Body ($document | ConvertTo-Json -Depth 20) -ContentType 'application/json' | Out-Null
    }
    function Invoke-FreshProfile([string] $JournalPath, [string] $KeyPath, [string] $KeyVault) {
        # A restore on "another machine": a new pwsh whose HOME and per-user data folder are empty.
        $fresh = Join-Path $TestDrive "fresh-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory -Path $fresh | Out-Null
        $packages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; NUGET_PACKAGES = $env:NUGET_PACKAGES; DOTNET_CLI_HOME = $env:DOTNET_CLI_HOME }
        # dotnet itself (its local tool cache, the packages) stays where it is; only the user's data is new.
        $env:DOTNET_CLI_HOME = $env:HOME
        $env:JIRADEACTIVATE_TEST_EMULATOR = $emu | Select-Object * -ExcludeProperty Process | ConvertTo-Json -Compress
        $env:NUGET_PACKAGES = $packages
        $env:HOME = $fresh
        $env:XDG_DATA_HOME = Join-Path $fresh 'data'
        Push-Location $RepoRoot
        try {
            $arguments = @('-ModulePath', $env:JIRADEACTIVATE_MODULE, '-JournalPath', $JournalPath)
            if ($KeyPath) { $arguments += '-KeyPath', $KeyPath }
            if ($KeyVault) { $arguments += '-KeyVault', $KeyVault }
            $output = dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'FreshProfileChild.ps1') @arguments 2>&1
        }
        finally {
            Pop-Location
            foreach ($name in $saved.Keys) { if ($null -eq $saved[$name]) { Remove-Item "Env:\$name" -ErrorAction SilentlyContinue } else { Set-Item "Env:\$name" -Value $saved[$name] } }
            Remove-Item Env:\JIRADEACTIVATE_TEST_EMULATOR
        }
        if ($LASTEXITCODE -ne 0) { throw "The child pwsh failed ($LASTEXITCODE): $($output -join "`n")" }
        $result = ($output | Where-Object { "$_" -like '{*' } | Select-Object -Last 1) | ConvertFrom-Json
        $result.DataFolder | Should -BeLike "$fresh*" -Because 'the child must not see this profile''s keys'
        $result
    }
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'Chained journal lines' {
    BeforeEach { Reset-Emulator }

    It 'refuses a second restore after the sealed Restored lines were deleted, so a user offboarded since stays out' {
        $before = Get-EmulatorMembership $emu
        $journal = Join-Path $TestDrive 'chained.jsonl'
        $users = @(Get-PlainInactive | Select-Object -First 2)
        $users | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null | Out-Null
        Restore-JiraProductAccess -JournalPath $journal -Confirm:$false 6>$null | Out-Null
        Get-EmulatorMembership $emu | Should -Be $before
        $offboarded = $users[0].AccountId
        Remove-FromAllGroups $offboarded
        $afterOffboarding = Get-EmulatorMembership $emu
        $kept = Get-Content $journal | Where-Object { ($_ | ConvertFrom-Json).event -notin 'Restoring', 'Restored' }
        Set-Content -LiteralPath $journal -Value $kept

        $again = Restore-JiraProductAccess -JournalPath $journal -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue 6>$null

        $again | Should -BeNullOrEmpty
        $refused | Should -Not -BeNullOrEmpty
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'JournalLineRefused,*' }
        $refused[0].Exception.Message | Should -Match 'is not whole in the journal .*deleted'
        Get-Member $offboarded | Should -BeNullOrEmpty
        Get-EmulatorMembership $emu | Should -Be $afterOffboarding
    }

    It 'refuses one stray unsealed line alone and restores the sealed run' {
        $before = Get-EmulatorMembership $emu
        $journal = Join-Path $TestDrive 'stray.jsonl'
        $results = Get-PlainInactive | Select-Object -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null
        Add-Content -LiteralPath $journal -Value "{`"runId`":`"$($results[0].RunId)`"}"
        $line = (Get-Content $journal).Count

        $restored = Restore-JiraProductAccess -JournalPath $journal -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue 6>$null

        $refused.Count | Should -Be 1
        $refused[0].Exception.Message | Should -Match ([regex]::Escape("stray.jsonl:$($line):"))
        @($restored.AccountId | Sort-Object -Unique) | Should -Be @($results.AccountId | Sort-Object -Unique)
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'The journal''s path and lock' {
    BeforeEach { Reset-Emulator }

    It 'refuses a journal path that is a symbolic link, and its target and the memberships stay as they were' {
        $before = Get-EmulatorMembership $emu
        $target = Join-Path $TestDrive 'precious.txt'
        Set-Content -LiteralPath $target -Value 'precious'
        $link = Join-Path $TestDrive 'link.jsonl'
        New-Item -ItemType SymbolicLink -Path $link -Target $target | Out-Null

        $thrown = { Get-PlainInactive | Select-Object -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath $link 6>$null } |
            Should -Throw -ErrorId 'JournalNotWritable,JiraDeactivate.Commands.RemoveJiraProductAccessCommand' -PassThru
        $thrown.Exception.Message | Should -Match 'is a symbolic link'
        Get-Content -LiteralPath $target | Should -Be 'precious'
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'takes one lock for a journal reached through a symlinked folder, so a second run stops before changing anything' {
        $before = Get-EmulatorMembership $emu
        $real = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'real')
        $alias = Join-Path $TestDrive 'alias'
        New-Item -ItemType SymbolicLink -Path $alias -Target $real.FullName | Out-Null
        $holder = [System.IO.File]::Open((Join-Path $real.FullName 'runs.jsonl.lock'), 'OpenOrCreate', 'ReadWrite', 'None')
        try {
            { Get-PlainInactive | Select-Object -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $alias 'runs.jsonl') 6>$null } |
                Should -Throw -ErrorId 'JournalInUse,JiraDeactivate.Commands.RemoveJiraProductAccessCommand'
        }
        finally { $holder.Dispose() }
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'deletes its own lock file when done and the lock file of a run that died' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'locks')
        $dead = Join-Path $folder 'dead-run.jsonl.lock'
        Set-Content -LiteralPath $dead -Value $null
        $journal = Join-Path $folder 'runs.jsonl'
        $results = Get-PlainInactive | Select-Object -First 1 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null
        $results.Status | Should -Be 'Removed'
        Test-Path -LiteralPath $dead | Should -BeFalse
        Test-Path -LiteralPath "$journal.lock" | Should -BeFalse
        Restore-JiraProductAccess -JournalPath $journal -Confirm:$false 6>$null | Out-Null
        Get-Member $results.AccountId | Should -Not -BeNullOrEmpty
    }

    It 'stops on a journal that is /dev/zero or one 600 MB line, quickly and with a clear error, changing nothing' {
        $before = Get-EmulatorMembership $emu
        { Restore-JiraProductAccess -JournalPath /dev/zero -Confirm:$false 6>$null } |
            Should -Throw -ErrorId 'JournalNotWritable,JiraDeactivate.Commands.RestoreJiraProductAccessCommand'
        $huge = Join-Path $TestDrive 'huge.jsonl'
        $file = [System.IO.File]::Create($huge); $file.SetLength(600MB); $file.Dispose()
        $memoryBefore = [System.GC]::GetTotalAllocatedBytes()
        Restore-JiraProductAccess -JournalPath $huge -Confirm:$false -ErrorVariable unreadable -ErrorAction SilentlyContinue 6>$null | Should -BeNullOrEmpty
        ([System.GC]::GetTotalAllocatedBytes() - $memoryBefore) | Should -BeLessThan 100MB
        $unreadable.FullyQualifiedErrorId | Should -Be 'JournalUnreadable,JiraDeactivate.Commands.RestoreJiraProductAccessCommand'
        $unreadable.Exception.Message | Should -Match 'runs for more than 1,048,576 bytes'
        Get-EmulatorMembership $emu | Should -Be $before
    }
}

Describe 'Key files' {
    BeforeEach { Reset-Emulator }

    It 'refuses a key file that others can read, or that is not this user''s, and restores nothing of its run' {
        $keys = Join-Path $TestDrive "keys-$([guid]::NewGuid().ToString('N'))"
        $journal = Join-Path $TestDrive 'modes.jsonl'
        $results = Get-PlainInactive | Select-Object -First 1 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -KeyPath $keys 6>$null
        $removedState = Get-EmulatorMembership $emu
        $key = Join-Path $keys "$($results.RunId).key"
        [System.IO.File]::SetUnixFileMode($key, [System.IO.UnixFileMode]'UserRead, UserWrite, GroupRead, OtherRead')

        Restore-JiraProductAccess -JournalPath $journal -KeyPath $keys -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue 6>$null | Should -BeNullOrEmpty
        $refused.Exception.Message | Should -Match 'can be read or written by others \(mode 644\)'
        Get-EmulatorMembership $emu | Should -Be $removedState

        [System.IO.File]::SetUnixFileMode($key, [System.IO.UnixFileMode]'UserRead, UserWrite')
        if ((id -u) -eq 0) {
            chown 65534 $key
            Restore-JiraProductAccess -JournalPath $journal -KeyPath $keys -Confirm:$false -ErrorVariable foreign -ErrorAction SilentlyContinue 6>$null | Should -BeNullOrEmpty
            $foreign.Exception.Message | Should -Match 'belongs to user 65534, not to this user'
            Get-EmulatorMembership $emu | Should -Be $removedState
            chown 0 $key
        }
        (Restore-JiraProductAccess -JournalPath $journal -KeyPath $keys -Confirm:$false 6>$null).Status | Should -Be 'Restored'
    }
}

Describe 'Undo from anywhere: keys where the admin puts them' {
    BeforeEach { Reset-Emulator }

    It 'restores in a fresh profile without -AllowUnsealed when -KeyPath names the run''s key folder' {
        $before = Get-EmulatorMembership $emu
        $keys = Join-Path $TestDrive 'durable-keys'
        $journal = Join-Path $TestDrive 'durable.jsonl'
        $users = @(Get-PlainInactive | Select-Object -First 3)
        $users | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -KeyPath $keys 6>$null | Out-Null
        Get-EmulatorMembership $emu | Should -Not -Be $before

        $result = Invoke-FreshProfile -JournalPath $journal -KeyPath $keys

        $result.Errors | Should -BeNullOrEmpty
        @($result.Restored | Sort-Object -Unique) | Should -Be @($users.AccountId | Sort-Object)
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'says in one error which key files are missing and where it looked, and changes nothing, when the keys are not there' {
        $journal = Join-Path $TestDrive 'elsewhere.jsonl'
        $first = Get-PlainInactive | Select-Object -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null
        $second = Get-PlainInactive | Select-Object -Skip 2 -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null
        $removedState = Get-EmulatorMembership $emu

        $result = Invoke-FreshProfile -JournalPath $journal

        $result.Restored | Should -BeNullOrEmpty
        $result.Errors.Count | Should -Be 1
        $result.Errors[0].Id | Should -Be 'JournalKeyNotFound,JiraDeactivate.Commands.RestoreJiraProductAccessCommand'
        $result.Errors[0].Category | Should -Be 'ObjectNotFound'
        $result.Errors[0].Message | Should -Match ([regex]::Escape("$($first[0].RunId).key, $($second[0].RunId).key"))
        $result.Errors[0].Message | Should -Match '-KeyPath'
        Get-EmulatorMembership $emu | Should -Be $removedState
    }
}

Describe 'Undo from anywhere: keys in a SecretManagement vault' {
    BeforeAll {
        # SecretManagement is not installed here: TestVault.ps1 stands in for it, with the vaults Runbook and Empty registered.
        $env:JIRADEACTIVATE_TEST_VAULTS = 'Runbook,Empty'
        function Use-TestVault {
            $env:JIRADEACTIVATE_TEST_VAULT = Join-Path $TestDrive "vault-$([guid]::NewGuid().ToString('N')).json"
            . (Join-Path $PSScriptRoot 'TestVault.ps1')
        }
        function Remove-TestVault {
            Remove-Item Function:\Get-Secret, Function:\Get-SecretInfo, Function:\Set-Secret, Function:\Read-TestVault, Function:\Assert-TestVault -ErrorAction SilentlyContinue
        }
        function Get-VaultKey([string] $RunId) { (Get-Content -Raw $env:JIRADEACTIVATE_TEST_VAULT | ConvertFrom-Json -AsHashtable)["Runbook/JiraDeactivate.journal.$RunId"].Value }
        function New-RunFolder { New-Item -ItemType Directory -Path (Join-Path $TestDrive "durable-$([guid]::NewGuid().ToString('N'))") }
    }
    BeforeEach { Reset-Emulator; Use-TestVault }
    AfterEach { Remove-TestVault }
    AfterAll { Remove-Item Env:\JIRADEACTIVATE_TEST_VAULTS, Env:\JIRADEACTIVATE_TEST_VAULT -ErrorAction SilentlyContinue }

    It 'keeps the run''s key in the vault only (not in output, verbose text or the journal) and restores in a fresh profile with it' {
        $before = Get-EmulatorMembership $emu
        $folder = New-RunFolder
        $journal = Join-Path $folder 'removals.jsonl'
        $users = @(Get-PlainInactive | Select-Object -First 3)
        $streams = @($users | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -KeyVault Runbook -Verbose 4>&1 6>&1 3>&1)
        $results = @($streams | Where-Object { $_.PSObject.Properties['RunId'] })
        $runId = @($results.RunId | Sort-Object -Unique)
        $runId.Count | Should -Be 1
        $key = Get-VaultKey $runId[0]
        [Convert]::FromBase64String($key).Length | Should -Be 32
        $hex = [Convert]::ToHexString([Convert]::FromBase64String($key))
        Test-Path (Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) "JiraDeactivate/keys/$($runId[0]).key") | Should -BeFalse
        Test-Path (Join-Path $folder "$($runId[0]).head") | Should -BeTrue -Because 'the run''s head changes with every line, so it stays beside the journal'
        $written = (Get-Content -Raw $journal) + ($streams | Out-String) + ($results | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue)
        $written | Should -Not -Match ([regex]::Escape($key))
        $written | Should -Not -Match $hex
        Get-EmulatorMembership $emu | Should -Not -Be $before

        $result = Invoke-FreshProfile -JournalPath $journal -KeyVault Runbook

        $result.Errors | Should -BeNullOrEmpty
        @($result.Restored | Sort-Object -Unique) | Should -Be @($users.AccountId | Sort-Object)
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'refuses the run, as with -KeyPath, when the record of its last line beside the journal is gone' {
        $folder = New-RunFolder
        $journal = Join-Path $folder 'removals.jsonl'
        $results = @(Get-PlainInactive | Select-Object -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -KeyVault Runbook 6>$null)
        $removedState = Get-EmulatorMembership $emu
        Remove-Item (Join-Path $folder "$($results[0].RunId).head")

        Restore-JiraProductAccess -JournalPath $journal -KeyVault Runbook -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue 6>$null | Should -BeNullOrEmpty

        $refused | Should -Not -BeNullOrEmpty
        $refused.Exception.Message | Should -Match 'no record of the run''s last line'
        Get-EmulatorMembership $emu | Should -Be $removedState
    }

    It 'says in one error which secrets the vault lacks, naming the vault, and changes nothing' {
        $journal = Join-Path (New-RunFolder) 'two-runs.jsonl'
        $first = @(Get-PlainInactive | Select-Object -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -KeyVault Runbook 6>$null)
        $second = @(Get-PlainInactive | Select-Object -Skip 2 -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -KeyVault Runbook 6>$null)
        $removedState = Get-EmulatorMembership $emu

        Restore-JiraProductAccess -JournalPath $journal -KeyVault Empty -Confirm:$false -ErrorVariable missing -ErrorAction SilentlyContinue 6>$null | Should -BeNullOrEmpty

        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -Be 'JournalKeyNotFound,JiraDeactivate.Commands.RestoreJiraProductAccessCommand'
        $missing[0].Exception.Message | Should -Match "not in the vault 'Empty'"
        $missing[0].Exception.Message | Should -Match ([regex]::Escape("secret 'JiraDeactivate.journal.$($first[0].RunId)', secret 'JiraDeactivate.journal.$($second[0].RunId)'"))
        $missing[0].ErrorDetails.RecommendedAction | Should -Match '-KeyVault'
        Get-EmulatorMembership $emu | Should -Be $removedState
    }

    It 'refuses a run whose secret is not a key of this module, or whose vault cannot be read, without showing the secret' {
        $journal = Join-Path (New-RunFolder) 'tampered.jsonl'
        $results = @(Get-PlainInactive | Select-Object -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -KeyVault Runbook 6>$null)
        $removedState = Get-EmulatorMembership $emu
        Set-Secret -Vault Runbook -Name "JiraDeactivate.journal.$($results[0].RunId)" -Secret 'hunter2-not-a-key'

        Restore-JiraProductAccess -JournalPath $journal -KeyVault Runbook -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue 6>$null | Should -BeNullOrEmpty
        $env:JIRADEACTIVATE_TEST_VAULTS = 'Empty'
        try { Restore-JiraProductAccess -JournalPath $journal -KeyVault Runbook -Confirm:$false -ErrorVariable unreadable -ErrorAction SilentlyContinue 6>$null | Should -BeNullOrEmpty }
        finally { $env:JIRADEACTIVATE_TEST_VAULTS = 'Runbook,Empty' }

        $refused | Should -Not -BeNullOrEmpty
        $refused.Exception.Message | Should -Match "secret 'JiraDeactivate.journal.$($results[0].RunId)' in the vault 'Runbook' is not a seal key of this module"
        $refused.Exception.Message | Should -Not -Match 'hunter2'
        $unreadable.Count | Should -Be 1 -Because 'a vault that cannot be read is named once, not once per line'
        $unreadable[0].FullyQualifiedErrorId | Should -BeLike 'JournalKeyNotFound,*'
        $unreadable[0].Exception.Message | Should -Match "not in the vault 'Runbook' \(it cannot be read: Unable to find secret vault 'Runbook'"
        Get-EmulatorMembership $emu | Should -Be $removedState
    }

    It 'stops before any change with SecretManagementMissing when SecretManagement is not there' {
        Remove-TestVault
        $before = Get-EmulatorMembership $emu
        $journal = Join-Path $TestDrive "no-vault-$([guid]::NewGuid().ToString('N')).jsonl"

        { Get-PlainInactive | Select-Object -First 2 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -KeyVault Runbook 6>$null } |
            Should -Throw -ErrorId 'SecretManagementMissing,JiraDeactivate.Commands.RemoveJiraProductAccessCommand'
        Get-EmulatorMembership $emu | Should -Be $before
        Test-Path $journal | Should -BeFalse
        New-Item -ItemType File -Path $journal | Out-Null
        { Restore-JiraProductAccess -JournalPath $journal -KeyVault Runbook -Confirm:$false 6>$null } |
            Should -Throw -ErrorId 'SecretManagementMissing,JiraDeactivate.Commands.RestoreJiraProductAccessCommand'
    }

    It 'lists vault-sealed runs with Get-JiraChangeRun -KeyVault, which pipe into Restore-JiraProductAccess and Resume-JiraUser' {
        $before = Get-EmulatorMembership $emu
        $suspendedBefore = Get-Suspended
        $folder = New-RunFolder
        $removed = @(Get-PlainInactive | Select-Object -First 3 | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $folder 'remove.jsonl') -KeyVault Runbook 6>$null)
        $suspended = @(Get-PlainInactive | Select-Object -Skip 3 -First 4 | Suspend-JiraUser -Confirm:$false -JournalPath (Join-Path $folder 'suspend.jsonl') -KeyVault Runbook 6>$null | Where-Object Status -eq 'Suspended')
        $suspended | Should -Not -BeNullOrEmpty
        Get-Suspended | Should -Not -Be $suspendedBefore

        $runs = @(Get-JiraChangeRun -Path $folder -KeyVault Runbook)

        $runs.Count | Should -Be 2
        $runs.KeyVault | Should -Be 'Runbook', 'Runbook'
        $runs.KeyPresent | Should -Be $true, $true
        $runs.CanUndo | Should -Be $true, $true
        ($runs | Where-Object Command -eq 'Remove-JiraProductAccess').RunId | Should -Be $removed[0].RunId
        (Get-JiraChangeRun -Path $folder | Where-Object Command -eq 'Remove-JiraProductAccess').Note | Should -Match 'is not in'

        $runs | Where-Object Command -eq 'Remove-JiraProductAccess' | Restore-JiraProductAccess -Confirm:$false 6>$null | Out-Null
        $runs | Where-Object Command -eq 'Suspend-JiraUser' | Resume-JiraUser -Confirm:$false 6>$null | Out-Null

        Get-EmulatorMembership $emu | Should -Be $before
        Get-Suspended | Should -Be $suspendedBefore
        Get-JiraChangeRun -Path $folder -KeyVault Runbook -CanUndo | Should -BeNullOrEmpty
    }
}

Describe 'Get-JiraChangeRun' {
    BeforeEach { Reset-Emulator }

    It 'lists past runs with when, who, what and whether they can be undone, and pipes into Restore-JiraProductAccess and Resume-JiraUser' {
        $before = Get-EmulatorMembership $emu
        $suspendedBefore = Get-Suspended
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive "runs-$([guid]::NewGuid().ToString('N'))")
        $keys = Join-Path $folder 'keys'
        $removed = @(Get-PlainInactive | Select-Object -First 3 | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $folder 'remove.jsonl') -KeyPath $keys 6>$null)
        $suspended = @(Get-PlainInactive | Select-Object -Skip 3 -First 6 | Suspend-JiraUser -Confirm:$false -JournalPath (Join-Path $folder 'suspend.jsonl') -KeyPath $keys 6>$null | Where-Object Status -eq 'Suspended')
        $suspended | Should -Not -BeNullOrEmpty

        $runs = @(Get-JiraChangeRun -Path $folder -KeyPath $keys)

        $runs.Count | Should -Be 2
        $removal = $runs | Where-Object Command -eq 'Remove-JiraProductAccess'
        $removal.RunId | Should -Be $removed[0].RunId
        $removal.User | Should -Be $emu.email
        $removal.Site | Should -Be $state.site.name
        $removal.Products | Should -Be 'JiraSoftware'
        $removal.Changed | Should -Be 3
        $removal.CanUndo | Should -BeTrue
        $removal.KeyPresent | Should -BeTrue
        ($runs | Where-Object Command -eq 'Suspend-JiraUser').Changed | Should -Be $suspended.Count
        $runs[0].PSObject.TypeNames[0] | Should -Be 'JiraDeactivate.Core.History.JiraChangeRun'

        $removal | Restore-JiraProductAccess -Confirm:$false 6>$null | Out-Null
        $runs | Where-Object Command -eq 'Suspend-JiraUser' | Resume-JiraUser -Confirm:$false 6>$null | Out-Null

        Get-EmulatorMembership $emu | Should -Be $before
        Get-Suspended | Should -Be $suspendedBefore
        $after = Get-JiraChangeRun -Path $folder -KeyPath $keys | Where-Object Command -eq 'Remove-JiraProductAccess'
        $after.CanUndo | Should -BeFalse
        $after.Undone | Should -Be 3
        Get-JiraChangeRun -Path $folder -KeyPath $keys -CanUndo | Should -BeNullOrEmpty
        (Get-JiraChangeRun -Path $folder | Where-Object Command -eq 'Remove-JiraProductAccess').Note | Should -Match 'is not in'
    }
}

Describe 'Resume-JiraUser from a suspend run''s results' {
    BeforeEach { Reset-Emulator }

    It 'resumes only users that run suspended, never one someone else had suspended' {
        $users = @(Get-PlainInactive | Select-Object -First 8)
        $others = @($users | Select-Object -First 8 | Suspend-JiraUser -Confirm:$false -JournalPath (Join-Path $TestDrive 'someone-else.jsonl') 6>$null | Where-Object Status -eq 'Suspended')
        $others | Should -Not -BeNullOrEmpty
        $elsewhere = $others[0].AccountId
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null
        Connect-TestEmulator $emu
        Suspend-JiraUser -AccountId $elsewhere -MoreThan 1 -Force -Confirm:$false -JournalPath (Join-Path $TestDrive 'theirs.jsonl') 6>$null | Out-Null
        $elsewhere | Should -BeIn (Get-Suspended)

        $results = $users | Suspend-JiraUser -Confirm:$false -JournalPath (Join-Path $TestDrive 'ours.jsonl') 6>$null
        ($results | Where-Object AccountId -eq $elsewhere).Status | Should -Be 'AlreadySuspended'
        $ours = @($results | Where-Object Status -eq 'Suspended').AccountId

        $resumed = $results | Resume-JiraUser -Confirm:$false 6>$null

        @($resumed.AccountId | Sort-Object) | Should -Be @($ours | Sort-Object)
        $elsewhere | Should -BeIn (Get-Suspended)
        foreach ($id in $ours) { $id | Should -Not -BeIn (Get-Suspended) }
    }

    It 'goes through the fuse, and asks by default (ConfirmImpact High)' {
        $results = Get-PlainInactive | Select-Object -First 8 | Suspend-JiraUser -Confirm:$false -JournalPath (Join-Path $TestDrive 'fuse.jsonl') 6>$null
        $suspended = @($results | Where-Object Status -eq 'Suspended')
        $suspended.Count | Should -BeGreaterThan 1
        $before = Get-Suspended
        Connect-TestEmulator $emu

        { $results | Resume-JiraUser -MaxUsers 1 -Confirm:$false 6>$null } | Should -Throw -ErrorId 'LifecycleFuseTripped,JiraDeactivate.Commands.ResumeJiraUserCommand'

        Get-Suspended | Should -Be $before
        $attribute = (Get-Command Resume-JiraUser).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)
        $attribute.ConfirmImpact | Should -Be 'High'
    }
}
