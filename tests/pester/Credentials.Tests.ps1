# Today's credentials through the built module (issue 25): scoped tokens through the gateway, service accounts
# (Bearer and OAuth client credentials), refusals that name their cause; and from issue 21, secrets echoed by a
# server that appear nowhere, and a hung Admin API reported within two attempts.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emu = Start-JiraEmulator -Users 600 -Seed 25 -ArgumentList '--as-of', '2026-11-01', '--list-undated-products', 'true'
    $asOf = [datetime]'2026-11-02'
    $softwareGroups = ((Get-JiraEmulatorState $emu).products | Where-Object key -eq 'jira-software').groups

    function Reset-Emulator {
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/reset" | Out-Null
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/stats/reset" | Out-Null
        Set-JiraEmulatorConfig $emu @{ latencyMs = 0; slowRate = 0; slowArea = ''; answerFault = ''; answerFaultStatus = 0; oAuthTokenLifetimeSeconds = 3600; scopeMismatchStatus = 401 } | Out-Null
    }

    function Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
    function Get-Thrown([scriptblock] $Script) { try { & $Script; $null } catch { $_ } }
    function Get-RouteCount([string] $Method, [string] $Route) {
        [int](@((Get-JiraEmulatorStats $emu).routes | Where-Object { $_.method -eq $Method -and $_.route -like $Route }) | Measure-Object count -Sum).Sum
    }
    function Edit-EmulatorState([string] $Find, [string] $Replace) {
        $text = (Invoke-WebRequest "$($emu.controlUrl)/state").Content -replace '\s*\r?\n\s*', ''
        $text.Contains($Find) | Should -BeTrue -Because "the state holds '$Find'"
        Invoke-RestMethod -Method Put "$($emu.controlUrl)/state" -Body $text.Replace($Find, $Replace) -ContentType 'application/json' | Out-Null
    }
    function Connect-Scoped([switch] $Gateway, [switch] $AdminApi) {
        $credential = [pscredential]::new($emu.scopedEmail, (Secure $emu.scopedApiToken))
        $site = if ($Gateway) { $emu.gatewaySiteUrl } else { $emu.siteUrl }
        $key = if ($AdminApi) { @{ AdminApiKey = (Secure $emu.adminApiKey); AdminApiUri = $emu.adminApiUrl } } else { @{} }
        Connect-JiraAdmin -Site $site -Credential $credential -GatewayUri $emu.gatewayUrl @key -PassThru
    }
    function Connect-OAuth([switch] $AdminApi) {
        $key = if ($AdminApi) { @{ AdminApiKey = (Secure $emu.adminApiKey); AdminApiUri = $emu.adminApiUrl } } else { @{} }
        Connect-JiraAdmin -Site $emu.siteUrl -ClientId $emu.clientId -ClientSecret (Secure $emu.clientSecret) -GatewayUri $emu.gatewayUrl -TokenUri $emu.tokenUrl @key -PassThru
    }
}
AfterAll {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emu
}

Describe 'Scoped API tokens through the gateway' {
    BeforeEach { Reset-Emulator }

    It 'connects with the gateway address as -Site (one slash before the cloud ID) and names the site as exports do' {
        $connection = Connect-Scoped -Gateway
        $connection.JiraApiUri | Should -Be "$($emu.gatewaySiteUrl)/"
        "$($connection.JiraApiUri)" | Should -Not -Match '/ex/jira//'
        $connection.SiteName | Should -Be $emu.siteName
        $connection.CloudId | Should -Be $emu.cloudId
        Get-RouteCount 'GET' '/rest/api/3/myself' | Should -BeGreaterThan 0
    }

    It 'with the site address: the site refuses it, the cloud ID comes from tenant_info, the gateway is used and -Verbose says so' {
        $credential = [pscredential]::new($emu.scopedEmail, (Secure $emu.scopedApiToken))
        $all = Connect-JiraAdmin -Site $emu.siteUrl -Credential $credential -GatewayUri $emu.gatewayUrl -PassThru -Verbose 4>&1
        $connection = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'gateway accepted it \(a scoped API token\)'
        $connection.JiraApiUri | Should -Be "$($emu.gatewaySiteUrl)/"
        $connection.Site | Should -Be "https://$($emu.siteName).atlassian.net/"
        # The site's own address refused the token once (401), then every call went through the gateway.
        $stats = (Get-JiraEmulatorStats $emu).routes
        ($stats | Where-Object { $_.route -like '/rest/api/3/myself' -and $_.status -eq 401 }).count | Should -Be 1
        ($stats | Where-Object { $_.route -like '/rest/api/3/myself' -and $_.status -eq 200 }).count | Should -Be 1
        (Get-JiraAdminConnection).JiraApiUri | Should -Be "$($emu.gatewaySiteUrl)/"
    }

    It 'finds inactive users on the CSV and the API path, removes five and restores them' {
        Connect-Scoped -AdminApi | Out-Null
        $before = Get-EmulatorMembership $emu
        $fromCsv = Get-InactiveJiraUser -Path (Save-EmulatorExport $emu) -Product JiraSoftware -MoreThan 90 -AsOf $asOf
        $fromApi = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf
        @($fromCsv).Count | Should -BeGreaterThan 5
        @($fromApi).Count | Should -BeGreaterThan 5
        $fromApi.Site | Sort-Object -Unique | Should -Be $emu.siteName

        # Admins are protected (and skipped): five users who are none.
        $state = Get-JiraEmulatorState $emu
        $admins = @($state.users | Where-Object orgAdmin | ForEach-Object accountId) + @($state.groups | Where-Object { $_.name -match 'admin' } | ForEach-Object members)
        $five = $fromApi | Where-Object { $_.AccountId -notin $admins } | Sort-Object AccountId | Select-Object -First 5
        $journal = Join-Path $TestDrive 'scoped.jsonl'
        $removed = $five | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal 6>$null
        @($removed | Where-Object Status -eq 'Removed').Count | Should -Be 5
        $after = Get-EmulatorMembership $emu
        $gone = $before | Where-Object { $_ -notin $after }
        $gone | ForEach-Object { ($_ -split '\|')[1] } | Sort-Object -Unique | Should -Be ($five.AccountId | Sort-Object)
        $gone | ForEach-Object { ($_ -split '\|')[0] } | Where-Object { $_ -notin $softwareGroups } | Should -BeNullOrEmpty
        $after | Where-Object { $_ -notin $before } | Should -BeNullOrEmpty
        # Every change went through the gateway.
        Get-RouteCount 'DELETE' '/rest/api/3/group/user' | Should -BeGreaterOrEqual 5

        Restore-JiraProductAccess -JournalPath $journal -Confirm:$false 6>$null | Out-Null
        Get-EmulatorMembership $emu | Should -Be $before
    }

    It 'a token without a scope a call needs is refused with the scope named (<Status>)' -ForEach @(@{ Status = 401 }, @{ Status = 403 }) {
        Disconnect-JiraAdmin
        Set-JiraEmulatorConfig $emu @{ scopeMismatchStatus = $Status } | Out-Null
        # Every scoped credential loses read:jira-user, which GET /myself needs (or all three granular scopes).
        Edit-EmulatorState -Find '"read:jira-user",' -Replace ''
        $thrown = Get-Thrown { Connect-Scoped -Gateway }
        $thrown.FullyQualifiedErrorId | Should -Be 'ConnectBadToken,JiraDeactivate.Commands.ConnectJiraAdminCommand'
        $thrown.Exception.Message | Should -Match 'read:jira-user \(classic\)'
        $thrown.Exception.Message | Should -Match 'GET /rest/api/3/myself'
        Get-JiraAdminConnection | Should -BeNullOrEmpty
    }
}

Describe 'Service accounts' {
    BeforeEach { Reset-Emulator }

    It 'connects with the service account token as Bearer, and with its email as Basic' {
        $bearer = Connect-JiraAdmin -Site $emu.siteUrl -AccessToken (Secure $emu.serviceAccountToken) -GatewayUri $emu.gatewayUrl -PassThru
        $bearer.CredentialType | Should -Be 'Bearer token'
        $bearer.JiraApiUri | Should -Be "$($emu.gatewaySiteUrl)/"
        (Get-JiraProductLicense | Where-Object Product -eq 'JiraSoftware').Seats | Should -BeGreaterThan 0

        $basic = Connect-JiraAdmin -Site $emu.siteUrl -Credential ([pscredential]::new($emu.serviceAccountEmail, (Secure $emu.serviceAccountToken))) -GatewayUri $emu.gatewayUrl -PassThru
        $basic.User | Should -Be $emu.serviceAccountEmail
        $basic.JiraApiUri | Should -Be "$($emu.gatewaySiteUrl)/"
    }

    It 'an OAuth connection whose token lives 5 seconds completes a run of 500 users, fetching new tokens before they expire' {
        Set-JiraEmulatorConfig $emu @{ oAuthTokenLifetimeSeconds = 5; latencyMs = 25 } | Out-Null
        $connection = Connect-OAuth
        $connection.CredentialType | Should -Be 'OAuth client credentials'
        $ids = (Get-JiraEmulatorState $emu).users | Select-Object -First 500 | ForEach-Object accountId
        $Error.Clear()
        $clock = [Diagnostics.Stopwatch]::StartNew()
        # Two calls at a time of at least 25 ms each: 500 users take at least 6.25 s, longer than one token lives.
        $access = $ids | ForEach-Object { [pscustomobject]@{ AccountId = $_ } } | Get-JiraProductAccess -ThrottleLimit 2 -ErrorVariable failures
        $clock.Stop()
        $failures | Should -BeNullOrEmpty
        $clock.Elapsed.TotalSeconds | Should -BeGreaterThan 5
        @($access.AccountId | Sort-Object -Unique).Count | Should -Be 500
        # The run outlived a token, and the module fetched new ones (no refresh token exists: each is a new exchange).
        Get-RouteCount 'POST' '/oauth/token' | Should -BeGreaterThan 1
        Get-RouteCount 'GET' '/rest/api/3/user' | Should -BeGreaterOrEqual 500
    }

    It 'a refused client secret, a refused bearer token and an expired API token each say why' {
        $secret = Get-Thrown { Connect-JiraAdmin -Site $emu.siteUrl -ClientId $emu.clientId -ClientSecret (Secure 'not-the-secret') -GatewayUri $emu.gatewayUrl -TokenUri $emu.tokenUrl }
        $secret.FullyQualifiedErrorId | Should -Be 'ConnectBadToken,JiraDeactivate.Commands.ConnectJiraAdminCommand'
        $secret.Exception.Message | Should -Match 'client ID and secret were refused'

        $bearer = Get-Thrown { Connect-JiraAdmin -Site $emu.siteUrl -AccessToken (Secure 'EMUSVCnot-a-token') -GatewayUri $emu.gatewayUrl }
        $bearer.Exception.Message | Should -Match 'refused the bearer token .*expired or been revoked'

        Disconnect-JiraAdmin
        Edit-EmulatorState -Find $emu.apiToken -Replace 'expired-token-value'
        $expired = Get-Thrown { Connect-JiraAdmin -Site $emu.siteUrl -Credential ([pscredential]::new($emu.email, (Secure $emu.apiToken))) -GatewayUri $emu.gatewayUrl }
        $expired.FullyQualifiedErrorId | Should -Be 'ConnectBadToken,JiraDeactivate.Commands.ConnectJiraAdminCommand'
        $expired.Exception.Message | Should -Match 'both refused'
        $expired.Exception.Message | Should -Match 'expired'
        Get-JiraAdminConnection | Should -BeNullOrEmpty
    }
}

Describe 'Expiry' {
    BeforeEach { Reset-Emulator; Disconnect-JiraAdmin }

    It 'warns on connecting and in Get-JiraAdminConnection when the API token or an API key expires within 14 days' {
        $quiet = Connect-TestEmulator $emu 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }
        $quiet | Should -BeNullOrEmpty -Because 'the emulator''s dates are far off'
        (Get-JiraAdminConnection).AdminApiKeyExpiresAt | Should -Be ([datetimeoffset]'2027-09-30T00:00:00Z')
        (Get-JiraAdminConnection).ApiTokenExpiresAt | Should -Be ([datetimeoffset]'2027-10-30T00:00:00Z')

        $soon = [datetimeoffset]::UtcNow.AddDays(5)
        $text = (Invoke-WebRequest "$($emu.controlUrl)/state").Content
        $text = $text -replace '2027-09-30T00:00:00\+00:00', $soon.ToString('yyyy-MM-ddTHH:mm:ssK') -replace '2027-10-30T00:00:00\+00:00', $soon.AddDays(-2).ToString('yyyy-MM-ddTHH:mm:ssK')
        Invoke-RestMethod -Method Put "$($emu.controlUrl)/state" -Body $text -ContentType 'application/json' | Out-Null

        $connecting = Connect-TestEmulator $emu 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }
        ($connecting -join "`n") | Should -Match "An API key of organization .* \('jira-deactivate'\) expires on $($soon.ToString('yyyy-MM-dd'))"
        ($connecting -join "`n") | Should -Match "An API token of $([regex]::Escape($emu.email)) expires on $($soon.AddDays(-2).ToString('yyyy-MM-dd'))"
        $connection = Get-JiraAdminConnection -WarningVariable later 3>$null
        @($later).Count | Should -Be 2
        $connection.AdminApiKeyExpiresAt.Date | Should -Be $soon.UtcDateTime.Date
    }
}

Describe 'Secrets echoed by a server' {
    BeforeEach { Reset-Emulator }
    AfterEach { Set-JiraEmulatorConfig $emu @{ answerFault = ''; answerFaultStatus = 0 } | Out-Null }

    It 'never shows the token, the key, the Basic value, the client secret or an access token in any stream, $Error, transcript, journal or report' {
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($emu.email):$($emu.apiToken)"))
        $scopedBasic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($emu.scopedEmail):$($emu.scopedApiToken)"))
        $journal = Join-Path $TestDrive 'echo.jsonl'
        $report = Join-Path $TestDrive 'echo.html'
        $transcript = Join-Path $TestDrive 'echo-transcript.txt'
        $Error.Clear()
        $captured = [System.Collections.Generic.List[object]]::new()
        Start-Transcript -Path $transcript | Out-Null
        try {
            & {
                foreach ($connect in { Connect-TestEmulator $emu -PassThru }, { Connect-Scoped -AdminApi }, { Connect-OAuth -AdminApi }, { Connect-JiraAdmin -Site $emu.siteUrl -AccessToken (Secure $emu.serviceAccountToken) -GatewayUri $emu.gatewayUrl -AdminApiKey (Secure $emu.adminApiKey) -AdminApiUri $emu.adminApiUrl -PassThru }) {
                    & $connect
                    $users = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -Verbose | Select-Object -First 2
                    $users | Export-JiraInactivityReport -Path $report
                    foreach ($status in 400, 401, 403) {
                        Set-JiraEmulatorConfig $emu @{ answerFault = 'echoHeaders'; answerFaultStatus = $status } | Out-Null
                        try { Get-JiraProductLicense -Verbose -Debug } catch { $_ }
                        try { Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf -Verbose -ErrorAction Continue } catch { $_ }
                        $users | Get-JiraProductAccess -Verbose -ErrorAction Continue
                        $users | Remove-JiraProductAccess -Confirm:$false -JournalPath $journal -Verbose -ErrorAction Continue
                        # Connecting through the echoing proxy fails, with this very credential; then connect again.
                        try { & $connect } catch { $_ }
                        Set-JiraEmulatorConfig $emu @{ answerFault = ''; answerFaultStatus = 0 } | Out-Null
                        & $connect
                    }
                }
            } *>&1 | ForEach-Object { $captured.Add($_) }
        }
        finally { Stop-Transcript | Out-Null }

        $texts = [System.Collections.Generic.List[string]]::new()
        foreach ($item in @($captured) + @($Error)) {
            $texts.Add("$item")
            $texts.Add(($item | Format-List * -Force | Out-String -Width 4096))
            $exception = if ($item -is [System.Management.Automation.ErrorRecord]) { $item.Exception } elseif ($item -is [Exception]) { $item } else { $null }
            while ($exception) { $texts.Add($exception.ToString()); $exception = $exception.InnerException }
        }
        Get-ChildItem $TestDrive -Recurse -File | ForEach-Object { $texts.Add([IO.File]::ReadAllText($_.FullName)) }
        $all = $texts -join "`n"

        $all | Should -Match 'Upstream request failed' -Because 'the echoing answers reached the module'
        $all | Should -Match ([regex]::Escape('[secret removed]')) -Because 'the echoed values were removed, not the whole message'
        Test-Path $journal | Should -BeTrue
        foreach ($secret in $emu.apiToken, $emu.adminApiKey, $basic, $emu.scopedApiToken, $scopedBasic, $emu.serviceAccountToken, $emu.clientSecret) {
            $all | Should -Not -Match ([regex]::Escape($secret))
        }
        $all | Should -Not -Match 'EMUACCESS[A-Za-z0-9_-]{8,}' -Because 'no OAuth access token is shown'
        $all | Should -Not -Match '(?i)(Basic|Bearer) (?!\[secret removed\])[A-Za-z0-9+/=_-]{12,}'
        # Nothing was lost: the echoing answers changed nothing.
    }
}

Describe 'A hung Admin API' {
    BeforeEach { Reset-Emulator }
    AfterEach { Set-JiraEmulatorConfig $emu @{ slowRate = 0; slowArea = '' } | Out-Null }

    It 'is reported after two attempts of a call, the users are skipped and nothing changes' {
        $credential = [pscredential]::new($emu.email, (Secure $emu.apiToken))
        Connect-JiraAdmin -Site $emu.siteUrl -Credential $credential -AdminApiKey (Secure $emu.adminApiKey) -AdminApiUri $emu.adminApiUrl -TimeoutSec 2
        $users = Get-InactiveJiraUser -Path (Save-EmulatorExport $emu) -Product JiraSoftware -MoreThan 90 -AsOf $asOf | Select-Object -First 3
        $before = Get-EmulatorMembership $emu
        Invoke-RestMethod -Method Post "$($emu.controlUrl)/stats/reset" | Out-Null
        Set-JiraEmulatorConfig $emu @{ slowRate = 1; slowMs = 120000; slowArea = 'admin' } | Out-Null

        $results = $users | Remove-JiraProductAccess -Confirm:$false -JournalPath (Join-Path $TestDrive 'hung.jsonl') -WarningVariable warnings -ErrorVariable failures -ErrorAction SilentlyContinue 3>$null 6>$null

        ($warnings + $failures) -join "`n" | Should -Match 'Admin API'
        ($warnings + $failures) -join "`n" | Should -Match 'timed out'
        $results | Where-Object Status -eq 'Removed' | Should -BeNullOrEmpty
        Get-EmulatorMembership $emu | Should -Be $before
        # Each Admin API call that hung was tried twice, not seven times.
        $admin = @((Get-JiraEmulatorStats $emu).routes | Where-Object { $_.route -like '/admin/*' })
        $calls = @($admin | Group-Object { "$($_.method) $($_.route)" })
        $calls.Count | Should -BeGreaterThan 0
        foreach ($call in $calls) { ($call.Group | Measure-Object count -Sum).Sum | Should -BeLessOrEqual 2 -Because "$($call.Name) hung" }
    }
}
