<#
.SYNOPSIS
    The demo, in a fresh pwsh with the built module: the CSV path on the shipped sample export, then the API
    path and a whole removal (preview, remove, verify, restore) against the local Atlassian emulator.
#>
param([Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Import-Module (Join-Path $PSScriptRoot '../tests/pester/Emulator.psm1')

function Write-Step([string] $Text) { Write-Host "`n== $Text" }
function Show([Parameter(ValueFromPipeline)] $InputObject) { end { $input | Format-Table | Out-String -Width 150 | Write-Host } }

# Dates in the sample and the emulator are relative to 1 Nov 2026: applying the rule on 2 Nov 2026 keeps the output the same every day.
$asOf = [datetime]'2026-11-02'
$sample = Join-Path $PSScriptRoot '../samples/export-users.csv'

Write-Step "CSV path: Import-CsvExport samples/export-users.csv | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf 2026-11-02"
$inactive = Import-CsvExport $sample | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf
$inactive | Select-Object -First 10 | Show
Write-Host "$($inactive.Count) inactive Jira Software seats in the export: $(($inactive | Group-Object Site | Sort-Object Name | ForEach-Object { "$($_.Count) on $($_.Name)" }) -join ', '); never used: $(@($inactive | Where-Object NeverActive).Count)."

Write-Step 'API path against the local emulator (a real HTTP server speaking Atlassian''s contract; 20 ms latency, 100 requests/s)'
$emulator = Start-JiraEmulator -Users 500 -Seed 7 -ArgumentList '--as-of', '2026-11-01', '--latency-ms', '20', '--rate-limit', '100'
try {
    $credential = [pscredential]::new($emulator.email, (ConvertTo-SecureString $emulator.apiToken -AsPlainText -Force))
    $apiKey = ConvertTo-SecureString $emulator.adminApiKey -AsPlainText -Force
    Connect-JiraAdmin -Site $emulator.siteUrl -Credential $credential -AdminApiKey $apiKey -AdminApiUri $emulator.adminApiUrl
    Get-JiraAdminConnection | Format-List Site, SiteName, User, OrganizationName, JiraConnected, AdminApiConnected | Out-String | Write-Host

    $seatsBefore = Get-JiraProductLicense
    $seatsBefore | Show

    Write-Step 'Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 (no CSV: groups from Jira, last-active dates from the Admin API)'
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $candidates = Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf
    Write-Host "$($candidates.Count) inactive users found in $([math]::Round($clock.Elapsed.TotalSeconds, 1)) s."
    $candidates | Select-Object -First 5 | Show

    Write-Step 'Preview: ... | Remove-JiraProductAccess -WhatIf (first 5 shown)'
    $candidates | Select-Object -First 5 | Remove-JiraProductAccess -WhatIf

    Write-Step "Remove: ... | Remove-JiraProductAccess -Confirm:`$false -MaxUsers $($candidates.Count)"
    $journal = Join-Path ([System.IO.Path]::GetTempPath()) "jiradeactivate-demo-$PID.jsonl"
    $results = $candidates | Remove-JiraProductAccess -Confirm:$false -MaxUsers $candidates.Count -JournalPath $journal
    $results | Group-Object Status | Sort-Object Name | ForEach-Object { [pscustomobject]@{ Status = $_.Name; Users = $_.Count } } | Show
    $results | Where-Object Status -ne Removed | Select-Object -First 5 | Show

    Write-Step 'Verify: Get-JiraProductAccess for three of them'
    $results | Where-Object Status -eq Removed | Select-Object -First 3 | Get-JiraProductAccess -Product JiraSoftware | Show

    $seatsAfter = Get-JiraProductLicense
    Write-Step 'Summary'
    foreach ($product in $seatsBefore) {
        $after = $seatsAfter | Where-Object Key -eq $product.Key
        Write-Host ("{0}: {1} users counted before, {2} after: {3} seats freed." -f $product.Name, $product.UsersCounted, $after.UsersCounted, ($product.UsersCounted - $after.UsersCounted))
    }
    Write-Host "Users changed: $(@($results | Where-Object Status -eq Removed).Count); skipped (protected): $(@($results | Where-Object Status -eq Skipped).Count); journal: $journal ($((Get-Content $journal).Count) lines)."

    Write-Step "Undo: Restore-JiraProductAccess -JournalPath $journal"
    $restored = Restore-JiraProductAccess -JournalPath $journal
    Write-Host "$(@($restored | Where-Object Status -eq Restored).Count) users restored; Jira Software users counted again: $((Get-JiraProductLicense JiraSoftware).UsersCounted)."
    Remove-Item $journal
}
finally {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emulator
}

Write-Step 'Report: ... | Export-JiraInactivityReport (inactive users, seats before the run, results; priced at 8.60 USD a seat)'
$reportFolder = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../out/reports'))
New-Item -ItemType Directory -Force -Path $reportFolder | Out-Null
$report = @($candidates) + @($seatsBefore) + @($results) |
    Export-JiraInactivityReport -Path (Join-Path $reportFolder 'demo-report.html') -Title 'Demo: inactive Jira Software users (emulator)' -PricePerSeat 8.60 -PassThru
Write-Host "Report ($([math]::Round($report.Length / 1KB)) KB, open it in a browser): $($report.FullName)"
