BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emu = Start-JiraEmulator -Users 400 -Seed 3 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
    $asOf = [datetime]'2026-11-02'
    $export = Save-EmulatorExport $emu
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'Connect-JiraAdmin' {
    AfterEach { Disconnect-JiraAdmin }

    It 'connects both credentials and shows site, organization and user, never a secret' {
        $connection = Connect-TestEmulator $emu -PassThru
        $connection.JiraConnected | Should -BeTrue
        $connection.AdminApiConnected | Should -BeTrue
        $connection.User | Should -Be $emu.email
        $connection.OrganizationId | Should -Be $emu.orgId
        $connection.SiteName | Should -Be $emu.siteName
        $shown = (Get-JiraAdminConnection | Format-List * | Out-String) + (Get-JiraAdminConnection).ToString() + (Get-JiraAdminConnection | ConvertTo-Json)
        $shown | Should -Not -Match ([regex]::Escape($emu.apiToken))
        $shown | Should -Not -Match ([regex]::Escape($emu.adminApiKey))
    }

    It 'gives <Id> when <Case>' -ForEach @(
        @{ Case = 'the API token is wrong'; Id = 'ConnectBadToken'; Category = 'AuthenticationError'; Token = 'wrong-token' }
        @{ Case = 'the account is not a Jira administrator'; Id = 'ConnectNotAdministrator'; Category = 'PermissionDenied'; NonAdmin = $true }
        @{ Case = 'the organization API key is wrong'; Id = 'ConnectBadApiKey'; Category = 'AuthenticationError'; Key = 'wrong-key' }
        @{ Case = 'the organization does not exist'; Id = 'ConnectWrongOrganization'; Category = 'ObjectNotFound'; Org = 'no-such-org' }
        @{ Case = 'nothing answers at the site'; Id = 'ConnectWrongSite'; Category = 'ConnectionError'; Site = 'http://127.0.0.1:9' }
        @{ Case = 'http:// points to another machine'; Id = 'ConnectInvalidArgument'; Category = 'InvalidArgument'; Site = 'http://jira.example.com' }
        @{ Case = 'nothing answers at the Admin API address'; Id = 'ConnectAdminApiUnreachable'; Category = 'ConnectionError'; AdminUri = 'http://127.0.0.1:9' }
    ) {
        $email = if ($NonAdmin) { $emu.nonAdminEmail } else { $emu.email }
        $token = if ($Token) { $Token } elseif ($NonAdmin) { $emu.nonAdminApiToken } else { $emu.apiToken }
        $parameters = @{
            Site = if ($Site) { $Site } else { $emu.siteUrl }
            Credential = [pscredential]::new($email, (ConvertTo-SecureString $token -AsPlainText -Force))
            AdminApiKey = ConvertTo-SecureString $(if ($Key) { $Key } else { $emu.adminApiKey }) -AsPlainText -Force
            AdminApiUri = if ($AdminUri) { $AdminUri } else { $emu.adminApiUrl }
            TimeoutSec = 5
        }
        if ($Org) { $parameters.OrganizationId = $Org }
        $thrown = { Connect-JiraAdmin @parameters } | Should -Throw -ErrorId "$Id,JiraDeactivate.Commands.ConnectJiraAdminCommand" -PassThru
        $thrown.CategoryInfo.Category | Should -Be $Category
        $thrown.Exception.Message | Should -Not -Match ([regex]::Escape($token))
        Get-JiraAdminConnection | Should -BeNullOrEmpty -Because 'nothing is left half-connected'
    }

    It 'lists the organizations when the key can manage several' {
        $twoOrgs = Start-JiraEmulator -Users 10 -Seed 4 -ArgumentList '--orgs', '2'
        try {
            $key = ConvertTo-SecureString $twoOrgs.adminApiKey -AsPlainText -Force
            $thrown = { Connect-JiraAdmin -AdminApiKey $key -AdminApiUri $twoOrgs.adminApiUrl } | Should -Throw -ErrorId 'ConnectWrongOrganization,JiraDeactivate.Commands.ConnectJiraAdminCommand' -PassThru
            $thrown.Exception.Message | Should -Match '2 organizations'
            $thrown.Exception.Message | Should -Match ([regex]::Escape($twoOrgs.orgId))
            $thrown.Exception.Message | Should -Match '-OrganizationId'
        }
        finally { Stop-JiraEmulator $twoOrgs }
    }

    It 'connects the API key alone, and a feature that needs the site says what to connect' {
        Connect-JiraAdmin -AdminApiKey (ConvertTo-SecureString $emu.adminApiKey -AsPlainText -Force) -AdminApiUri $emu.adminApiUrl
        (Get-JiraAdminConnection).JiraConnected | Should -BeFalse
        $thrown = { Get-JiraProductLicense } | Should -Throw -ErrorId 'ConnectionLacksCredential,JiraDeactivate.Commands.GetJiraProductLicenseCommand' -PassThru
        $thrown.Exception.Message | Should -Match 'Connect-JiraAdmin -Site'
    }

    It 'reads the connection from a SecretManagement vault through Get-Secret' {
        $script:secret = @{ Site = $emu.siteUrl; Email = $emu.email; ApiToken = (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force); AdminApiKey = $emu.adminApiKey }
        function global:Get-Secret { param($Vault, $Name) if ($Vault -eq 'TestVault' -and $Name -eq 'jira') { $script:secret } else { throw "no secret $Name" } }
        try {
            Connect-JiraAdmin -Vault TestVault -SecretName jira -AdminApiUri $emu.adminApiUrl
            (Get-JiraAdminConnection).User | Should -Be $emu.email
            (Get-JiraAdminConnection).AdminApiConnected | Should -BeTrue
        }
        finally { Remove-Item Function:\Get-Secret }
    }

    It 'says SecretManagement is missing when Get-Secret is not there' {
        { Connect-JiraAdmin -Vault TestVault -SecretName jira } | Should -Throw -ErrorId 'SecretManagementMissing,JiraDeactivate.Commands.ConnectJiraAdminCommand'
    }
}

Describe 'Get-JiraProductLicense' {
    BeforeAll { Connect-TestEmulator $emu }
    AfterAll { Disconnect-JiraAdmin }

    It 'shows seats, users counted and the granting groups of each product as the site reports them' {
        $state = Get-JiraEmulatorState $emu
        $licenses = Get-JiraProductLicense
        foreach ($product in $state.products | Where-Object applicationRole) {
            $license = $licenses | Where-Object Key -eq $product.key
            $license.Seats | Should -Be $product.numberOfSeats
            $license.Groups | Should -Be $product.groups
            $license.DefaultGroups | Should -Be $product.defaultGroups
            $license.Remaining | Should -Be ($license.Seats - $license.UsersCounted)
        }
        (Get-JiraProductLicense JiraServiceManagement).Key | Should -Be 'jira-servicedesk'
    }
}

Describe 'Get-InactiveJiraUser from the Admin API' {
    BeforeAll { Connect-TestEmulator $emu }
    AfterAll {
        Set-JiraEmulatorConfig $emu @{ rateLimit = 0; errorRate = 0; dropRate = 0 } | Out-Null
        Disconnect-JiraAdmin
    }

    It 'returns exactly the set the CSV path returns on the same data, for <Product> over <Days> days' -ForEach @(
        @{ Product = 'JiraSoftware'; Days = 30 }
        @{ Product = 'JiraSoftware'; Days = 90 }
        @{ Product = 'JiraSoftware'; Days = 365 }
        @{ Product = 'JiraServiceManagement'; Days = 30 }
        @{ Product = 'JiraServiceManagement'; Days = 180 }
    ) {
        $api = Get-InactiveJiraUser -Product $Product -MoreThan $Days -AsOf $asOf
        $csv = Import-CsvExport $export | Get-InactiveJiraUser -Product $Product -MoreThan $Days -AsOf $asOf
        $csv.Count | Should -BeGreaterThan 0
        ($api | ForEach-Object { "$($_.AccountId)|$($_.Site)|$($_.LastActive)|$($_.NeverActive)|$($_.DaysInactive)" } | Sort-Object) |
            Should -Be ($csv | ForEach-Object { "$($_.AccountId)|$($_.Site)|$($_.LastActive)|$($_.NeverActive)|$($_.DaysInactive)" } | Sort-Object)
        $api | ForEach-Object { $_.Source | Should -Be 'Api' }
    }

    It 'leaves out app accounts and deactivated accounts by default' {
        $state = Get-JiraEmulatorState $emu
        $apps = @($state.users | Where-Object accountType -eq 'app' | ForEach-Object accountId)
        $deactivated = @($state.users | Where-Object accountStatus -ne 'active' | ForEach-Object accountId)
        $apps.Count + $deactivated.Count | Should -BeGreaterThan 0
        $found = (Get-InactiveJiraUser -Product JiraSoftware -MoreThan 1 -AsOf $asOf).AccountId
        $found | Where-Object { $_ -in $apps -or $_ -in $deactivated } | Should -BeNullOrEmpty
        $withApps = (Get-InactiveJiraUser -Product JiraSoftware -MoreThan 1 -AsOf $asOf -IncludeAppAccounts).AccountId
        $withApps | Where-Object { $_ -in $apps } | Should -Not -BeNullOrEmpty
    }

    It 'loses no user under 429s, 5xx answers and dropped connections' {
        $expected = (Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf).AccountId | Sort-Object
        Set-JiraEmulatorConfig $emu @{ rateLimit = 100; errorRate = 0.1; dropRate = 0.05 } | Out-Null
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/stats/reset" | Out-Null
        $actual = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -ErrorVariable failures
        $stats = Get-JiraEmulatorStats $emu
        Set-JiraEmulatorConfig $emu @{ rateLimit = 0; errorRate = 0; dropRate = 0 } | Out-Null
        $failures | Should -BeNullOrEmpty
        ($actual.AccountId | Sort-Object) | Should -Be $expected
        $stats.total5xx | Should -BeGreaterThan 0 -Because 'faults were injected, so the run had to retry'
    }

    It 'stays near the rate limit instead of bouncing off it' {
        Set-JiraEmulatorConfig $emu @{ rateLimit = 100 } | Out-Null
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/stats/reset" | Out-Null
        Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf | Out-Null
        $stats = Get-JiraEmulatorStats $emu
        Set-JiraEmulatorConfig $emu @{ rateLimit = 0 } | Out-Null
        $stats.total429 | Should -BeLessOrEqual ([math]::Ceiling($stats.totalRequests * 0.05))
    }

    It 'traces each HTTP call with -Verbose, without the token or the key' {
        $lines = Get-InactiveJiraUser -Product JiraServiceManagement -MoreThan 90 -AsOf $asOf -ActivitySource PerUser -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $lines | Where-Object { $_ -match '^GET /rest/api/3/group/member\?.* -> 200 OK in \d+ ms' } | Should -Not -BeNullOrEmpty
        $lines | Where-Object { $_ -match '^GET /admin/v1/orgs/.+/last-active-dates -> 200' } | Should -Not -BeNullOrEmpty
        ($lines -join "`n") | Should -Not -Match ([regex]::Escape($emu.apiToken))
        ($lines -join "`n") | Should -Not -Match ([regex]::Escape($emu.adminApiKey))
    }

    It 'needs a connection or pipeline input' {
        Disconnect-JiraAdmin
        { Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 } | Should -Throw -ErrorId 'NoUserSource,JiraDeactivate.Commands.GetInactiveJiraUserCommand'
        Connect-TestEmulator $emu
    }
}
