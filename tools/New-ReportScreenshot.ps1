<#
.SYNOPSIS
    Makes docs/images/report.png: the HTML report of the shipped sample export, with seat counts from the local
    emulator, rendered by headless Chromium.
.DESCRIPTION
    Sample: Import-CsvExport samples/export-users.csv | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90
    -AsOf 2026-11-02. The export has no seat counts, so Get-JiraProductLicense runs against an emulator named like
    the sample's first site (acme). Needs the built module and chromium (Debian: apt-get install chromium).
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh -NoProfile -File ./tools/New-ReportScreenshot.ps1
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/JiraDeactivate'),
    [string] $OutFile = (Join-Path $PSScriptRoot '../docs/images/report.png')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Import-Module (Join-Path $PSScriptRoot '../tests/pester/Emulator.psm1')
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).ProviderPath

$inactive = Import-CsvExport (Join-Path $root 'samples/export-users.csv') | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf '2026-11-02'
$emulator = Start-JiraEmulator -Users 300 -Seed 1 -ArgumentList '--as-of', '2026-11-01', '--site-name', 'acme'
try {
    $credential = [pscredential]::new($emulator.email, (ConvertTo-SecureString $emulator.apiToken -AsPlainText -Force))
    Connect-JiraAdmin -Site $emulator.siteUrl -Credential $credential
    $licenses = Get-JiraProductLicense -Product JiraSoftware
}
finally {
    Disconnect-JiraAdmin
    Stop-JiraEmulator $emulator
}

$html = Join-Path ([System.IO.Path]::GetTempPath()) "jiradeactivate-report-$PID.html"
@($inactive) + @($licenses) | Export-JiraInactivityReport -Path $html -Title 'Inactive Jira Software users (sample export)' -PricePerSeat 8.60
$chromium = @('chromium', 'chromium-browser', 'google-chrome') | ForEach-Object { Get-Command $_ -CommandType Application -ErrorAction SilentlyContinue } | Select-Object -First 1
if (-not $chromium) { throw 'chromium is needed: apt-get install -y chromium' }
$OutFile = [System.IO.Path]::GetFullPath($OutFile)
# --no-sandbox: Chromium refuses to run sandboxed as root (CI, containers); the page is a local file.
$shot = & $chromium.Source --headless --no-sandbox --disable-gpu --hide-scrollbars "--screenshot=$OutFile" '--window-size=1280,1600' ([System.Uri]::new($html, [System.UriKind]::Absolute)).AbsoluteUri 2>&1
if (-not (Test-Path $OutFile)) { throw "Chromium wrote no screenshot: $($shot -notmatch 'dbus' -join "`n")" }
Remove-Item $html
Get-Item $OutFile
