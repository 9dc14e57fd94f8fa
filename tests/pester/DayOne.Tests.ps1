# Day one for a careful admin (issue 26): two products in one run, no stale connection after a failed connect,
# several connections side by side, and an outcome for every input.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emu = Start-JiraEmulator -Users 200 -Seed 26 -ArgumentList '--as-of', '2026-11-01'
    $asOf = [datetime]'2026-11-02'
    $export = Save-EmulatorExport $emu
    $both = 'JiraSoftware', 'JiraServiceManagement'

    # Users a removal changes: the last look before each change cannot judge a holder who never used the product
    # while the Admin API lists other products for them, and skips them.
    function Get-Changeable { Get-InactiveJiraUser -Path $export -Product JiraSoftware -MoreThan 30 -AsOf $asOf | Where-Object { -not $_.NeverActive } }
    function Get-Key { process { "$($_.AccountId)|$($_.Product)|$($_.Site)|$($_.DaysInactive)" } }
    function Get-BadTokenConnect([Parameter(Mandatory)] $Emulator) {
        $credential = [pscredential]::new($Emulator.email, (ConvertTo-SecureString 'wrong-token' -AsPlainText -Force))
        { Connect-JiraAdmin -Site $Emulator.siteUrl -Credential $credential -AdminApiKey (ConvertTo-SecureString $Emulator.adminApiKey -AsPlainText -Force) -AdminApiUri $Emulator.adminApiUrl -TimeoutSec 5 }.GetNewClosure()
    }
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe '-Product with two products' {
    It 'gives one object per user and product from -Path, the pipeline and the API, the same as one run per product' {
        $separately = foreach ($product in $both) { Get-InactiveJiraUser -Path $export -Product $product -MoreThan 30 -AsOf $asOf }
        $expected = @($separately | Get-Key | Sort-Object)
        @($separately.Product | Sort-Object -Unique) | Should -Be ($both | Sort-Object)
        @(Get-InactiveJiraUser -Path $export -Product $both -MoreThan 30 -AsOf $asOf | Get-Key | Sort-Object) | Should -Be $expected
        @(Import-CsvExport $export | Get-InactiveJiraUser -Product JiraSoftware, 'Jira Service Management' -MoreThan 30 -AsOf $asOf | Get-Key | Sort-Object) | Should -Be $expected
        Connect-TestEmulator $emu
        try { @(Get-InactiveJiraUser -Product $both -MoreThan 30 -AsOf $asOf | Get-Key | Sort-Object) | Should -Be $expected }
        finally { Disconnect-JiraAdmin }
    }

    It 'is a parameter error on <Command>, where one product is meant, and changes nothing' -ForEach @(
        @{ Command = 'Remove-JiraProductAccess' }
        @{ Command = 'Restore-JiraProductAccess' }
    ) {
        Connect-TestEmulator $emu
        try {
            $before = Get-EmulatorMembership $emu
            $user = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf | Select-Object -First 1
            $parameters = if ($Command -eq 'Remove-JiraProductAccess') { @{ AccountId = $user.AccountId; MoreThan = 30; Confirm = $false } } else { @{ JournalPath = (Join-Path $TestDrive 'none.jsonl'); Confirm = $false } }
            $thrown = { & $Command @parameters -Product $both } | Should -Throw -ErrorId "ParameterArgumentTransformationError,JiraDeactivate.Commands.$($Command -replace '-', '')Command" -PassThru
            $thrown.Exception.Message | Should -Match 'one product here, not a list \(JiraSoftware, JiraServiceManagement\)'
            Get-EmulatorMembership $emu | Should -Be $before
        }
        finally { Disconnect-JiraAdmin }
    }
}

Describe 'Connections' {
    AfterEach { Disconnect-JiraAdmin }

    It 'leaves no connection after a failed reconnect: later commands say "not connected"' {
        Connect-TestEmulator $emu
        (Get-JiraProductLicense).Count | Should -BeGreaterThan 0
        Get-BadTokenConnect $emu | Should -Throw -ErrorId 'ConnectBadToken,JiraDeactivate.Commands.ConnectJiraAdminCommand'
        Get-JiraAdminConnection | Should -BeNullOrEmpty
        { Get-JiraProductLicense } | Should -Throw -ErrorId 'NotConnected,JiraDeactivate.Commands.GetJiraProductLicenseCommand'
        { Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf } | Should -Throw -ErrorId 'NoUserSource,JiraDeactivate.Commands.GetInactiveJiraUserCommand'
        { Remove-JiraProductAccess -AccountId 'some-account' -Product JiraSoftware -MoreThan 30 -Confirm:$false 6>$null } | Should -Throw -ErrorId 'NotConnected,JiraDeactivate.Commands.RemoveJiraProductAccessCommand'
    }

    It 'uses two connections side by side in one runspace, each against its own site' {
        $other = Start-JiraEmulator -Users 60 -Seed 27 -ArgumentList '--as-of', '2026-11-01', '--site-name', 'second-site'
        try {
            $first = Connect-TestEmulator $emu -PassThru
            $second = Connect-TestEmulator $other -PassThru
            (Get-JiraAdminConnection).SiteName | Should -Be 'second-site' -Because 'the last connect is the default, as before'
            (Get-JiraProductLicense -Connection $first).Site | Sort-Object -Unique | Should -Be $emu.siteName
            (Get-JiraProductLicense -Connection $second).Site | Sort-Object -Unique | Should -Be 'second-site'
            $firstUsers = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf -Connection $first
            $firstUsers.Site | Sort-Object -Unique | Should -Be $emu.siteName
            (Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf).Site | Sort-Object -Unique | Should -Be 'second-site'

            $firstBefore = Get-EmulatorMembership $emu
            $secondBefore = Get-EmulatorMembership $other
            $user = $firstUsers | Where-Object { -not $_.NeverActive } | Select-Object -First 1
            $result = $user | Remove-JiraProductAccess -Connection $first -Confirm:$false -JournalPath (Join-Path $TestDrive 'first.jsonl') 6>$null
            $result.Status | Should -Be 'Removed'
            Get-EmulatorMembership $other | Should -Be $secondBefore -Because 'the other site is not touched'
            $gone = $firstBefore | Where-Object { $_ -notin (Get-EmulatorMembership $emu) }
            $gone | ForEach-Object { ($_ -split '\|')[1] } | Sort-Object -Unique | Should -Be $user.AccountId

            Disconnect-JiraAdmin -Connection $first
            { Get-JiraProductLicense -Connection $first } | Should -Throw -ErrorId 'ConnectionClosed,JiraDeactivate.Commands.GetJiraProductLicenseCommand'
            (Get-JiraProductLicense -Connection $second).Count | Should -BeGreaterThan 0
            (Get-JiraAdminConnection).SiteName | Should -Be 'second-site'
        }
        finally {
            Stop-JiraEmulator $other
        }
    }

    It 'keeps a connection passed out when a later connect fails, and closes the default' {
        $kept = Connect-TestEmulator $emu -PassThru
        Get-BadTokenConnect $emu | Should -Throw
        Get-JiraAdminConnection | Should -BeNullOrEmpty
        (Get-JiraProductLicense -Connection $kept).Site | Sort-Object -Unique | Should -Be $emu.siteName
        $kept | Disconnect-JiraAdmin
        { Get-JiraProductLicense -Connection $kept } | Should -Throw -ErrorId 'ConnectionClosed,JiraDeactivate.Commands.GetJiraProductLicenseCommand'
    }
}

Describe 'Every input has an outcome' {
    BeforeAll {
        if (-not ('JiraDeactivate.Tests.AnsweringHost' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'AnsweringHost.cs') }

        function New-HostedShell([string[]] $Answers = @('No')) {
            # A runspace of its own whose host answers the prompts, connected to the emulator; the secrets go as arguments.
            $testHost = [JiraDeactivate.Tests.AnsweringHost]::new($Answers)
            $runspace = [runspacefactory]::CreateRunspace($testHost)
            $runspace.Open()
            $shell = [powershell]::Create()
            $shell.Runspace = $runspace
            $null = $shell.AddScript({
                param($module, $emu)
                Import-Module $module
                $credential = [pscredential]::new($emu.email, (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force))
                Connect-JiraAdmin -Site $emu.siteUrl -Credential $credential -AdminApiKey (ConvertTo-SecureString $emu.adminApiKey -AsPlainText -Force) -AdminApiUri $emu.adminApiUrl
            }.ToString()).AddArgument($env:JIRADEACTIVATE_MODULE).AddArgument($emu)
            $shell.Invoke()
            if ($shell.HadErrors) { throw "The hosted shell did not connect: $($shell.Streams.Error -join '; ')" }
            $shell.Commands.Clear()
            $shell.Streams.ClearStreams()
            [pscustomobject]@{ Shell = $shell; Host = $testHost }
        }

        function Invoke-Hosted($Hosted, [string] $Script, [hashtable] $Arguments = @{}) {
            $Hosted.Shell.Commands.Clear()
            $Hosted.Shell.Streams.ClearStreams()
            $null = $Hosted.Shell.AddScript($Script).AddParameters($Arguments)
            $Hosted.Shell.Invoke()
        }

        function Close-Hosted($Hosted) { $Hosted.Shell.Runspace.Dispose(); $Hosted.Shell.Dispose() }

        function Get-HostedSummary($Hosted) { @($Hosted.Shell.Streams.Information | ForEach-Object { "$($_.MessageData)" }) }
    }
    BeforeEach {
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null
        Set-JiraEmulatorConfig $emu @{ latencyMs = 0 } | Out-Null
    }

    It 'gives users declined at the -Confirm prompt the outcome Skipped, with the reason, and counts them' {
        $hosted = New-HostedShell -Answers 'Yes', 'No'
        try {
            $before = Get-EmulatorMembership $emu
            $users = Get-Changeable | Sort-Object AccountId | Select-Object -First 6
            $results = Invoke-Hosted $hosted 'param($Users, $Journal) $Users | Remove-JiraProductAccess -Confirm -JournalPath $Journal' @{ Users = $users; Journal = (Join-Path $TestDrive 'declined.jsonl') }
            $results.Count | Should -Be 6 -Because 'every input has an outcome'
            # Only users the plan changes are asked about (a protected one is skipped before the prompt).
            $prompts = $hosted.Host.Prompts
            $prompts | Should -BeGreaterThan 2
            @($results | Where-Object Status -eq 'Removed').Count | Should -Be 1 -Because ($results | Format-List Status, Message | Out-String)
            $declined = @($results | Where-Object { $_.Status -eq 'Skipped' -and $_.Message -match 'declined at the confirmation prompt' })
            $declined.Count | Should -Be ($prompts - 1)
            Get-HostedSummary $hosted | Where-Object { $_ -like 'Remove-JiraProductAccess: removed the access of 1 user; skipped *' } | Should -Match "declined: $($prompts - 1)\b"
            $removedUser = ($results | Where-Object Status -eq 'Removed').AccountId
            $gone = $before | Where-Object { $_ -notin (Get-EmulatorMembership $emu) }
            $gone | ForEach-Object { ($_ -split '\|')[1] } | Sort-Object -Unique | Should -Be $removedUser -Because 'the declined users keep their groups'

            # The same host says No to the restore as well: the removed user stays removed, and the line says so.
            $beforeRestore = Get-EmulatorMembership $emu
            $restored = Invoke-Hosted $hosted 'param($Journal) Restore-JiraProductAccess -JournalPath $Journal -Confirm' @{ Journal = (Join-Path $TestDrive 'declined.jsonl') }
            $restored.Status | Should -Be 'Skipped'
            Get-HostedSummary $hosted | Should -Contain 'Restore-JiraProductAccess: restored 0 users; already back 0; skipped 1 (declined: 1); refused 0 lines; failed 0.'
            Get-EmulatorMembership $emu | Should -Be $beforeRestore
        }
        finally { Close-Hosted $hosted }
    }

    It 'writes a summary line for a restore, also when there is nothing to do' {
        Connect-TestEmulator $emu
        try {
            $journal = Join-Path $TestDrive 'restore-twice.jsonl'
            $before = Get-EmulatorMembership $emu
            $removed = @(Get-Changeable | Select-Object -First 4 | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null | Where-Object Status -eq 'Removed').Count
            $removed | Should -BeGreaterThan 0
            $first = Restore-JiraProductAccess -JournalPath $journal -Confirm:$false 6>&1
            ($first | Where-Object { $_ -is [System.Management.Automation.InformationRecord] }).MessageData.Message | Should -Be "Restore-JiraProductAccess: restored $removed user$(if ($removed -ne 1) { 's' }); already back 0; skipped 0; refused 0 lines; failed 0."
            Get-EmulatorMembership $emu | Should -Be $before
            $second = Restore-JiraProductAccess -JournalPath $journal -Confirm:$false 6>&1
            "$($second.MessageData)" | Should -Be 'Restore-JiraProductAccess: restored 0 users; already back 0; skipped 0; refused 0 lines; failed 0.'
            Get-EmulatorMembership $emu | Should -Be $before
        }
        finally { Disconnect-JiraAdmin }
    }

    It 'writes the summary, the journal and the restore command of a stopped run, and that command undoes it' {
        $hosted = New-HostedShell
        try {
            $before = Get-EmulatorMembership $emu
            $users = Get-Changeable | Sort-Object AccountId | Select-Object -First 30
            $journal = Join-Path $TestDrive 'stopped.jsonl'
            # Keys in a folder of their own: the restore command must name it to unseal the journal.
            $keys = Join-Path $TestDrive "stopped run's keys"
            Set-JiraEmulatorConfig $emu @{ latencyMs = 150 } | Out-Null
            $hosted.Shell.Commands.Clear()
            $null = $hosted.Shell.AddScript('param($Users, $Journal, $Keys) $Users | Remove-JiraProductAccess -Confirm:$false -ThrottleLimit 1 -MaxUsers 100 -JournalPath $Journal -KeyPath $Keys').AddParameters(@{ Users = $users; Journal = $journal; Keys = $keys })
            $running = $hosted.Shell.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            # Stopped once two users have lost their groups, while the others are still to come.
            while (@(Compare-Object $before (Get-EmulatorMembership $emu) | ForEach-Object { ($_.InputObject -split '\|')[1] } | Sort-Object -Unique).Count -lt 2 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $hosted.Shell.Stop()
            $running.IsCompleted | Should -BeTrue
            Set-JiraEmulatorConfig $emu @{ latencyMs = 0 } | Out-Null

            $notice = @($hosted.Host.Lines | Where-Object { $_ -like '*stopped before it finished*' })
            $notice.Count | Should -Be 1
            $notice[0] | Should -Match 'the pipeline was stopped'
            $notice[0] | Should -Match 'removed the access of [1-9]\d* users?; skipped \d+'
            $notice[0] | Should -Match ([regex]::Escape("Journal: $journal"))
            $notice[0] -match "(Restore-JiraProductAccess -JournalPath '[^']+' -RunId \S+ -KeyPath '(?:[^']|'')+')" | Should -BeTrue
            $restoreCommand = $Matches[1]
            $changed = Compare-Object $before (Get-EmulatorMembership $emu)
            $changed | Should -Not -BeNullOrEmpty
            @($changed).Count | Should -BeLessThan @($before | Where-Object { ($_ -split '\|')[1] -in $users.AccountId }).Count -Because 'the run stopped before the end'

            Invoke-Hosted $hosted "$restoreCommand -Confirm:`$false" | Out-Null
            Get-EmulatorMembership $emu | Should -Be $before -Because 'the command the notice gives undoes what the stopped run changed'
        }
        finally { Close-Hosted $hosted }
    }
}

Describe 'Output that exports' {
    It 'writes Import-CsvExport objects with names in JSON and readable values in CSV' {
        $users = @(Import-CsvExport $Sample)
        $json = $users[0] | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $json.Status | Should -BeOfType [string]
        $json.Status | Should -Be "$($users[0].Status)"
        $json.Source | Should -Be 'Csv'
        @($json.Products.Product | Where-Object { $_ }) | Should -Not -BeNullOrEmpty
        $json.Products.Product | Where-Object { $_ } | ForEach-Object { $_ | Should -BeIn 'JiraSoftware', 'JiraServiceManagement' }
        $csv = $users | ConvertTo-Csv | ConvertFrom-Csv
        $csv.Groups | Should -Not -Contain 'System.String[]'
        $csv[0].Groups | Should -Be ($users[0].Groups -join '; ')
        $csv | ForEach-Object { $_.Products | Should -Not -Match 'ProductActivity|System\.' }
        $csv[0].Products | Should -Match '^(JiraSoftware|JiraServiceManagement|[A-Z][\w ]+) on \w[\w-]*: (\d{4}-\d\d-\d\d|never|not reported)'
    }

    It 'writes Get-JiraProductLicense objects with the product by name in JSON and the groups readable in CSV' {
        Connect-TestEmulator $emu
        try {
            $licenses = @(Get-JiraProductLicense)
            $json = $licenses | ConvertTo-Json | ConvertFrom-Json
            @($json.Product | Where-Object { $_ }) | Sort-Object | Should -Be @('JiraServiceManagement', 'JiraSoftware')
            ($licenses | ConvertTo-Csv | ConvertFrom-Csv | Where-Object Product -eq 'JiraSoftware').Groups | Should -Be (($licenses | Where-Object Product -eq 'JiraSoftware').Groups -join '; ')
        }
        finally { Disconnect-JiraAdmin }
    }

    It 'keeps LastActive and DaysInactive at 80 columns and whole emails at 120' {
        $users = Get-InactiveJiraUser -Path $export -Product JiraSoftware -MoreThan 30 -AsOf $asOf | Select-Object -First 20
        $narrow = $users | Out-String -Width 80
        $narrow | Should -Match 'LastActive'
        $narrow | Should -Match 'DaysInactive'
        foreach ($user in $users) { $narrow | Should -Match ([regex]::Escape("$($user.DaysInactive)")) }
        $wide = $users | Out-String -Width 120
        foreach ($user in $users | Where-Object Email) { $wide | Should -Match ([regex]::Escape($user.Email)) }
    }

    # Help.Tests.ps1 checks that every exported cmdlet has its page.
    It 'opens the page of <Name> with Get-Help -Online' -ForEach @(Get-ChildItem (Join-Path $PSScriptRoot '../../docs/en-US') -Filter '*-*.md' | ForEach-Object { @{ Name = $_.BaseName } }) {
        $page = "https://github.com/jiradeactivate/JiraDeactivate/blob/main/docs/en-US/$Name.md"
        (Get-Command $Name).HelpUri | Should -Be $page
        $help = Get-Help $Name -Full
        @($help.relatedLinks.navigationLink | Where-Object uri)[0].uri | Should -Be $page -Because 'Get-Help -Online opens the first link with an address'
        Test-Path (Join-Path $RepoRoot "docs/en-US/$Name.md") | Should -BeTrue
    }
}
