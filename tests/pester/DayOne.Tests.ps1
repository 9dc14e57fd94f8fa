# Day one for a careful admin (issue 26): two products in one run, no stale connection after a failed connect,
# several connections side by side, and an outcome for every input.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emu = Start-JiraEmulator -Users 200 -Seed 26 -ArgumentList '--as-of', '2026-11-01'
    $asOf = [datetime]'2026-11-02'
    $export = Save-EmulatorExport $emu
    $both = 'JiraSoftware', 'JiraServiceManagement'

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
        { 'some-account' | Remove-JiraProductAccess -MoreThan 30 -Confirm:$false } | Should -Throw -ErrorId 'NotConnected,JiraDeactivate.Commands.RemoveJiraProductAccessCommand'
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
            $user = $firstUsers | Select-Object -First 1
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
