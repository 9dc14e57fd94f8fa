# Bad parameters, bad server answers, secrets and runspace isolation, through the built module (issue 7).
# The fault run under load and Ctrl+C is in FaultRun.Tests.ps1; CSV cases are in the xunit tests and CsvPath.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # Held but never used products are listed undated, so the last look can judge every holder (issue 21).
    $emu = Start-JiraEmulator -Users 120 -Seed 11 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
    $asOf = [datetime]'2026-11-02'

    function Reset-Emulator {
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null
        Set-JiraEmulatorConfig $emu @{ rateLimit = 0; errorRate = 0; dropRate = 0; answerFault = ''; answerFaultStatus = 0; redirectTo = '' } | Out-Null
    }

    function Edit-EmulatorState {
        # Loads the emulator's state with one text replacement (a revoked token, another org id, ...).
        param([Parameter(Mandatory)] [string] $Find, [Parameter(Mandatory)] [AllowEmptyString()] [string] $Replace)
        $text = (Invoke-WebRequest "$($emu.controlUrl)/state").Content -replace '\s*\r?\n\s*', ''
        $text.Contains($Find) | Should -BeTrue -Because "the state holds '$Find'"
        Invoke-RestMethod -Method Put "$($emu.controlUrl)/state" -Body $text.Replace($Find, $Replace) -ContentType 'application/json' | Out-Null
    }

    function Get-Thrown([scriptblock] $Script) {
        try { & $Script; $null } catch { $_ }
    }
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'Bad parameters' {
    It 'refuses an unknown product for a removal, before connecting or changing anything' {
        # Get-InactiveJiraUser's -MoreThan and -Product checks are in CsvPath.Tests.ps1.
        $thrown = { Remove-JiraProductAccess -AccountId a1 -Product Trello -Confirm:$false 6>$null } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,JiraDeactivate.Commands.RemoveJiraProductAccessCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidData'
        $thrown.Exception.Message | Should -Match 'JiraSoftware'
        $thrown.Exception.Message | Should -Match 'JSM'
        # From the pipeline, the object cannot bind: it is refused, never taken for another product.
        { [pscustomobject]@{ AccountId = 'a1'; Product = 'Trello' } | Remove-JiraProductAccess -Confirm:$false -ErrorAction Stop 6>$null } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,JiraDeactivate.Commands.RemoveJiraProductAccessCommand'
    }

    It 'refuses a malformed site address <Site>' -ForEach @(
        @{ Site = 'not a url' }
        @{ Site = 'ftp://jira.example.com' }
        @{ Site = 'jira.example.com' }
    ) {
        $credential = [pscredential]::new($emu.email, (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force))
        $thrown = { Connect-JiraAdmin -Site $Site -Credential $credential } |
            Should -Throw -ErrorId 'ConnectInvalidArgument,JiraDeactivate.Commands.ConnectJiraAdminCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -Match 'https://'
        $thrown.Exception.Message | Should -Not -Match ([regex]::Escape($emu.apiToken))
        Get-JiraAdminConnection | Should -BeNullOrEmpty
    }

    It 'refuses http:// to another machine for the Admin API too' {
        $key = ConvertTo-SecureString $emu.adminApiKey -AsPlainText -Force
        $thrown = { Connect-JiraAdmin -AdminApiKey $key -AdminApiUri 'http://api.example.com' } |
            Should -Throw -ErrorId 'ConnectInvalidArgument,JiraDeactivate.Commands.ConnectJiraAdminCommand' -PassThru
        $thrown.Exception.Message | Should -Match 'unencrypted'
    }

    It 'refuses empty credentials: <Case>' -ForEach @(
        @{ Case = 'an empty API token'; Email = 'admin@acme.example'; Token = '' }
        @{ Case = 'an empty email'; Email = ' '; Token = 'something' }
        @{ Case = 'an empty API key'; Key = $true }
    ) {
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/stats/reset" | Out-Null
        $thrown = if ($Key) {
            Get-Thrown { Connect-JiraAdmin -AdminApiKey ([securestring]::new()) -AdminApiUri $emu.adminApiUrl }
        }
        else {
            $secure = if ($Token) { ConvertTo-SecureString $Token -AsPlainText -Force } else { [securestring]::new() }
            Get-Thrown { Connect-JiraAdmin -Site $emu.siteUrl -Credential ([pscredential]::new($Email, $secure)) }
        }
        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -Be 'ConnectInvalidArgument,JiraDeactivate.Commands.ConnectJiraAdminCommand'
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -Match 'empty'
        (Get-JiraEmulatorStats $emu).totalRequests | Should -Be 0 -Because 'nothing is sent with an empty credential'
    }

    It 'refuses no credentials at all' {
        { Connect-JiraAdmin } | Should -Throw -ErrorId 'ConnectInvalidArgument,JiraDeactivate.Commands.ConnectJiraAdminCommand'
    }
}

Describe 'CSV input through the module' {
    It 'keeps values that start like spreadsheet formulas as text, and writes no CSV of its own' {
        $header = 'User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Jira - acme,Group name'
        $row = '-a1,"=HYPERLINK(""http://evil.example"",""x"")",@x.example,Active,1 Jan 2020,+cmd,1 Jan 2024,User,"=cmd|'' /C calc''!A0, @grp"'
        $path = New-TestExport "$header`n$row" -Name 'formulas.csv'
        $before = @(Get-ChildItem $TestDrive -Recurse -File).Count
        $user = Import-CsvExport $path | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf
        $user.AccountId | Should -Be '-a1'
        $user.DisplayName | Should -Be '=HYPERLINK("http://evil.example","x")'
        $user.Email | Should -Be '@x.example'
        (Import-CsvExport $path).Groups | Should -Be @("=cmd|' /C calc'!A0", '@grp')
        @(Get-ChildItem $TestDrive -Recurse -File).Count | Should -Be $before -Because 'reading and selecting write no file'
    }

    It 'reads <Encoding> exports through Import-CsvExport' -ForEach @(
        @{ Encoding = 'UTF-16'; Bytes = { param($t) [Text.Encoding]::Unicode.GetPreamble() + [Text.Encoding]::Unicode.GetBytes($t) } }
        @{ Encoding = 'Latin-1'; Bytes = { param($t) [Text.Encoding]::Latin1.GetBytes($t) } }
    ) {
        $path = Join-Path $TestDrive "encoded-$Encoding.csv"
        [IO.File]::WriteAllBytes($path, [byte[]](& $Bytes "User id,User name,email,User status`na1,Zoë Müller,z@x.example,Active`n"))
        (Import-CsvExport $path).DisplayName | Should -Be 'Zoë Müller'
    }
}

Describe 'Server answers' {
    BeforeAll {
        Reset-Emulator
        Connect-TestEmulator $emu
        $adminId = ((Get-JiraEmulatorState $emu).users | Where-Object email -eq $emu.email).accountId
    }
    BeforeEach {
        Reset-Emulator
        if (-not (Get-JiraAdminConnection)) { Connect-TestEmulator $emu }
    }
    AfterAll { Reset-Emulator; Disconnect-JiraAdmin }

    It 'gives AuthenticationError when the API token is revoked after connecting' {
        Edit-EmulatorState -Find $emu.apiToken -Replace 'revoked-token-value'
        $thrown = { Get-JiraProductLicense } | Should -Throw -ErrorId 'ProductLicenseUnavailable,JiraDeactivate.Commands.GetJiraProductLicenseCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $thrown.Exception.Message | Should -Match '401'
        $thrown.Exception.Message | Should -Not -Match ([regex]::Escape($emu.apiToken))
        (Get-JiraEmulatorStats $emu).total5xx | Should -Be 0
    }

    It 'gives AuthenticationError when the organization API key is revoked after connecting' {
        Edit-EmulatorState -Find $emu.adminApiKey -Replace 'revoked-api-key-value'
        $thrown = Get-Thrown { Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf -ErrorAction Stop }
        $thrown.FullyQualifiedErrorId | Should -Match '^(ProductUsersUnavailable|LastActiveDatesUnavailable),'
        $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $thrown.Exception.Message | Should -Match '401'
        $thrown.Exception.Message | Should -Not -Match ([regex]::Escape($emu.adminApiKey))
    }

    It 'gives ObjectNotFound when the organization is gone (404)' {
        Edit-EmulatorState -Find $emu.orgId -Replace 'another-org-id'
        $thrown = Get-Thrown { Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf -ErrorAction Stop }
        $thrown.FullyQualifiedErrorId | Should -Match '^(ProductUsersUnavailable|LastActiveDatesUnavailable),'
        $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $thrown.Exception.Message | Should -Match '404'
    }

    It 'reports an unknown user (404) as RemovalPlanFailed and changes nobody' {
        $before = Get-EmulatorMembership $emu
        $results = [pscustomobject]@{ AccountId = 'no-such-account'; Product = 'JiraSoftware' } |
            Remove-JiraProductAccess -MoreThan 90 -Confirm:$false -JournalPath (Join-Path $TestDrive 'unknown.jsonl') -ErrorVariable failures -ErrorAction SilentlyContinue 6>$null
        $results.Status | Should -Be 'Failed'
        $failures[0].FullyQualifiedErrorId | Should -Be 'RemovalPlanFailed,JiraDeactivate.Commands.RemoveJiraProductAccessCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'reports 403 on a removal as RemovalFailed, journals it, and changes nobody' {
        $user = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf | Select-Object -First 1
        $before = Get-EmulatorMembership $emu
        # The connected account loses site administration after connecting: Jira answers 403 to group changes.
        # That group becomes the site-admin group, whose members are protected: the user must not be one of them.
        $notAdmins = ((Get-JiraEmulatorState $emu).groups | Where-Object { $_.members -notcontains $adminId -and $_.members -notcontains $user.AccountId } | Select-Object -First 1).name
        Edit-EmulatorState -Find '"siteAdminGroups": ["site-admins"]' -Replace "`"siteAdminGroups`": [`"$notAdmins`"]"
        $journal = Join-Path $TestDrive 'forbidden.jsonl'
        $results = $user | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -ErrorVariable failures -ErrorAction SilentlyContinue 6>$null
        $results.Status | Should -Be 'Failed'
        $results.Message | Should -Match '403'
        $failures[0].FullyQualifiedErrorId | Should -Be 'RemovalFailed,JiraDeactivate.Commands.RemoveJiraProductAccessCommand'
        (Get-Content $journal | ConvertFrom-Json).event | Should -Contain 'RemoveFailed'
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'gives InvalidResult for <Case> and shows no page in full' -ForEach @(
        @{ Case = 'invalid JSON'; Fault = 'invalidJson'; Status = 0; Pattern = 'not the JSON expected' }
        @{ Case = 'an HTML page (200)'; Fault = 'htmlPage'; Status = 0; Pattern = 'not the JSON expected' }
        @{ Case = 'an HTML error page (400)'; Fault = 'htmlPage'; Status = 400; Pattern = 'HTML page' }
        @{ Case = 'a truncated body'; Fault = 'truncatedBody'; Status = 0; Pattern = 'truncated' }
    ) {
        Set-JiraEmulatorConfig $emu @{ answerFault = $Fault; answerFaultStatus = $Status } | Out-Null
        $thrown = { Get-JiraProductLicense } | Should -Throw -ErrorId 'ProductLicenseUnavailable,JiraDeactivate.Commands.GetJiraProductLicenseCommand' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidResult'
        $thrown.Exception.Message | Should -Match $Pattern
        $thrown.Exception.Message | Should -Not -Match 'Log in to continue'
        $thrown.Exception.Message | Should -Not -Match ([regex]::Escape($emu.apiToken))
    }

    It 'gives <Case> from the Admin API without judging anyone' -ForEach @(
        @{ Case = 'invalid JSON'; Fault = 'invalidJson' }
        @{ Case = 'a truncated body'; Fault = 'truncatedBody' }
    ) {
        Set-JiraEmulatorConfig $emu @{ answerFault = $Fault } | Out-Null
        $found = $null
        $thrown = Get-Thrown { $script:found = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf -ErrorAction Stop }
        $thrown.FullyQualifiedErrorId | Should -Match '^(ProductUsersUnavailable|LastActiveDatesUnavailable),'
        $thrown.CategoryInfo.Category | Should -Be 'InvalidResult'
        $script:found | Should -BeNullOrEmpty
    }

    It 'never follows a redirect to another host, so the credentials never go there (<Api>)' -ForEach @(
        @{ Api = 'Jira REST API' }
        @{ Api = 'Admin API' }
    ) {
        $other = Start-JiraEmulator -Users 2 -Seed 12
        try {
            Set-JiraEmulatorConfig $emu @{ answerFault = 'redirect'; redirectTo = $other.siteUrl } | Out-Null
            $thrown = if ($Api -eq 'Jira REST API') { Get-Thrown { Get-JiraProductLicense } }
            else { Get-Thrown { Get-InactiveJiraUser -Product JiraSoftware -MoreThan 30 -AsOf $asOf -ErrorAction Stop } }
            $thrown | Should -Not -BeNullOrEmpty
            $thrown.CategoryInfo.Category | Should -Be 'InvalidResult'
            $thrown.Exception.Message | Should -Match 'redirected to http://127\.0\.0\.1:\d+'
            $thrown.Exception.Message | Should -Match 'never sent elsewhere'
            (Get-JiraEmulatorStats $other).totalRequests | Should -Be 0 -Because 'the other host got no request at all, so no credential'
        }
        finally { Stop-JiraEmulator $other }
    }

    It 'treats a redirect to the same host name as a redirect too (localhost vs 127.0.0.1)' {
        Set-JiraEmulatorConfig $emu @{ answerFault = 'redirect' } | Out-Null
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/stats/reset" | Out-Null
        $thrown = { Get-JiraProductLicense } | Should -Throw -ErrorId 'ProductLicenseUnavailable,JiraDeactivate.Commands.GetJiraProductLicenseCommand' -PassThru
        $thrown.Exception.Message | Should -Match 'redirected to http://localhost:\d+'
        $stats = Get-JiraEmulatorStats $emu
        $stats.totalRequests | Should -Be 1 -Because 'the redirect was not followed'
    }
}

Describe 'Secrets' {
    BeforeAll { Reset-Emulator; Disconnect-JiraAdmin }
    AfterAll { Disconnect-JiraAdmin }

    It 'never shows the API token or the admin key in any stream, file, error, exception or output' {
        $token = $emu.apiToken
        $key = $emu.adminApiKey
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($emu.email):$token"))
        $journal = Join-Path $TestDrive 'secrets.jsonl'
        $Error.Clear()
        $captured = [System.Collections.Generic.List[object]]::new()
        & {
            Connect-TestEmulator $emu -PassThru -Verbose -Debug
            Get-JiraAdminConnection -Verbose -Debug
            Get-JiraProductLicense -Verbose -Debug
            $users = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -Verbose -Debug | Select-Object -First 3
            $users
            $users | Get-JiraProductAccess -Verbose -Debug
            $users | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -Verbose -Debug
            [pscustomobject]@{ AccountId = 'no-such-account'; Product = 'JiraSoftware' } | Remove-JiraProductAccess -MoreThan 90 -Confirm:$false -JournalPath $journal -Verbose -Debug -ErrorAction Continue
            Restore-JiraProductAccess -JournalPath $journal -Verbose -Debug
            # Failures, whose messages come from the server.
            Set-JiraEmulatorConfig $emu @{ answerFault = 'htmlPage'; answerFaultStatus = 401 } | Out-Null
            try { Get-JiraProductLicense -Verbose -Debug } catch { $_ }
            Set-JiraEmulatorConfig $emu @{ answerFault = 'redirect' } | Out-Null
            try { Get-JiraProductLicense -Verbose -Debug } catch { $_ }
            Set-JiraEmulatorConfig $emu @{ answerFault = ''; answerFaultStatus = 0 } | Out-Null
            try { Connect-JiraAdmin -Site $emu.siteUrl -Credential ([pscredential]::new($emu.email, (ConvertTo-SecureString "$token-wrong" -AsPlainText -Force))) -Verbose -Debug } catch { $_ }
            Connect-TestEmulator $emu -Verbose -Debug
        } *>&1 | ForEach-Object { $captured.Add($_) }

        $captured.Count | Should -BeGreaterThan 10
        $texts = [System.Collections.Generic.List[string]]::new()
        foreach ($item in @($captured) + @($Error)) {
            $texts.Add("$item")
            $texts.Add(($item | Format-List * -Force | Out-String -Width 4096))
            $texts.Add(($item | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue))
            $exception = if ($item -is [System.Management.Automation.ErrorRecord]) { $item.Exception } elseif ($item -is [Exception]) { $item } else { $null }
            while ($exception) { $texts.Add($exception.ToString()); $texts.Add($exception.Message); $exception = $exception.InnerException }
            if ($item.PSObject.BaseObject -ne $null) { $texts.Add($item.PSObject.BaseObject.ToString()) }
        }
        $connection = Get-JiraAdminConnection
        $texts.Add($connection.ToString())
        $texts.Add(($connection | Format-List * -Force | Out-String))
        $texts.Add(($connection | ConvertTo-Json -Depth 5))
        # Every file the run wrote: the journal, and anything under TestDrive.
        Get-ChildItem $TestDrive -Recurse -File | ForEach-Object { $texts.Add([IO.File]::ReadAllText($_.FullName)) }
        (Get-Content $journal | ConvertFrom-Json).event | Should -Contain 'Removed'
        (Get-Content $journal | ConvertFrom-Json).event | Should -Contain 'Restored'

        $all = $texts -join "`n"
        $all | Should -Match 'GET /rest/api/3/' -Because 'the verbose trace was captured'
        $all | Should -Match 'ProductLicenseUnavailable'
        $all | Should -Not -Match ([regex]::Escape($token))
        $all | Should -Not -Match ([regex]::Escape($key))
        $all | Should -Not -Match ([regex]::Escape($basic))
    }

    It 'keeps the secrets out of the connection object and its properties' {
        Connect-TestEmulator $emu
        $connection = Get-JiraAdminConnection
        foreach ($property in $connection.PSObject.Properties) {
            "$($property.Value)" | Should -Not -Match ([regex]::Escape($emu.apiToken))
            "$($property.Value)" | Should -Not -Match ([regex]::Escape($emu.adminApiKey))
        }
    }
}

Describe 'Runspaces' {
    It 'keeps two connections used at the same time in two runspaces apart' {
        Reset-Emulator
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/stats/reset" | Out-Null
        $second = Start-JiraEmulator -Users 80 -Seed 13 -ArgumentList '--as-of', '2026-11-01', '--site-name', 'other-site'
        try {
            $work = {
                param($ModulePath, $Emulator, $AsOf)
                Import-Module $ModulePath
                $credential = [pscredential]::new($Emulator.email, (ConvertTo-SecureString $Emulator.apiToken -AsPlainText -Force))
                Connect-JiraAdmin -Site $Emulator.siteUrl -Credential $credential -AdminApiKey (ConvertTo-SecureString $Emulator.adminApiKey -AsPlainText -Force) -AdminApiUri $Emulator.adminApiUrl
                foreach ($round in 1..4) {
                    $connection = Get-JiraAdminConnection
                    [pscustomobject]@{ Kind = 'connection'; Value = "$($connection.SiteName)|$($connection.OrganizationId)|$($connection.User)" }
                    foreach ($user in Get-InactiveJiraUser -Product JiraSoftware -MoreThan 60 -AsOf $AsOf) {
                        [pscustomobject]@{ Kind = 'user'; Value = "$($user.AccountId)|$($user.Site)" }
                    }
                }
            }
            $instances = foreach ($emulator in $emu, $second) {
                $runspace = [runspacefactory]::CreateRunspace()
                $runspace.Open()
                $ps = [powershell]::Create()
                $ps.Runspace = $runspace
                $null = $ps.AddScript($work).AddArgument($env:JIRADEACTIVATE_MODULE).AddArgument($emulator).AddArgument($asOf)
                [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke(); Emulator = $emulator }
            }
            $outputs = foreach ($instance in $instances) {
                try {
                    $output = $instance.PowerShell.EndInvoke($instance.Handle)
                    $instance.PowerShell.Streams.Error | Should -BeNullOrEmpty
                    , @($output)
                }
                finally { $instance.PowerShell.Runspace.Dispose(); $instance.PowerShell.Dispose() }
            }

            $stateIds = foreach ($emulator in $emu, $second) { , @((Get-JiraEmulatorState $emulator).users.accountId) }
            for ($i = 0; $i -lt 2; $i++) {
                $emulator = $instances[$i].Emulator
                $connections = $outputs[$i] | Where-Object Kind -eq 'connection' | ForEach-Object Value | Sort-Object -Unique
                $connections | Should -Be "$($emulator.siteName)|$($emulator.orgId)|$($emulator.email)"
                $users = @($outputs[$i] | Where-Object Kind -eq 'user' | ForEach-Object Value)
                $users.Count | Should -BeGreaterThan 0
                $users | ForEach-Object { ($_ -split '\|')[1] } | Sort-Object -Unique | Should -Be $emulator.siteName
                $users | ForEach-Object { ($_ -split '\|')[0] } | Where-Object { $_ -notin $stateIds[$i] } | Should -BeNullOrEmpty
                # The four rounds in one runspace all saw the same users.
                ($users | Group-Object | Where-Object Count -ne 4) | Should -BeNullOrEmpty
                $stats = Get-JiraEmulatorStats $emulator
                $stats.routes | Where-Object status -eq 401 | Should -BeNullOrEmpty -Because 'no request carried the other runspace''s credentials'
            }
            $emu.siteName | Should -Not -Be $second.siteName
        }
        finally { Stop-JiraEmulator $second }
    }
}
