<#
.SYNOPSIS
    Writes a realistic Atlassian "Export users" CSV of generated users, the same for the same seed.
.DESCRIPTION
    Used for samples/, the tests, the demo and the benchmarks. Dates are relative to -AsOf. Every case the
    module handles appears: recent, old and never-used activity per product and site, recent invitees,
    suspended and deactivated accounts, users without access, organization admins, names that need quoting.
.EXAMPLE
    ./tools/New-UserExport.ps1 -Path ./big.csv -Count 200000 -Seed 7
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [ValidateRange(1, 10000000)] [int] $Count = 300,
    [int] $Seed = 1,
    [datetime] $AsOf = '2026-11-01',
    [string[]] $Site = @('acme', 'acme-eu'),
    # How group membership is written: a comma-separated 'Group name' cell, one row per group, or 'Group n' columns.
    [ValidateSet('GroupList', 'GroupPerRow', 'GroupColumns')] [string] $GroupLayout = 'GroupList',
    # 'Jira' in current exports, 'Jira Software' in older ones.
    [ValidateSet('Jira', 'Jira Software')] [string] $JiraLabel = 'Jira'
)
$ErrorActionPreference = 'Stop'
$random = [System.Random]::new($Seed)
$culture = [System.Globalization.CultureInfo]::InvariantCulture
$asOfDate = $AsOf.Date
$products = @($JiraLabel, 'Jira Service Management', 'Confluence')
$groupsByProduct = @{
    $JiraLabel                = @('jira-software-users', 'jira-developers')
    'Jira Service Management' = @('jira-servicemanagement-users', 'jsm-agents')
    'Confluence'              = @('confluence-users')
}
$first = 'Ava', 'Ben', 'Chloé', 'Dmitri', 'Eve', 'Farah', 'Gustav', 'Hana', 'Ivan', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Xavier', 'Yara', 'Zoë'
$last = 'Anders', 'Brown', "O'Brien", 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Lund', 'Müller', 'Nakamura', 'Okafor', 'Petrov', 'Quint', 'Rossi', 'Singh', 'Tanaka', 'Umar', 'Varga', 'Weber', 'Xu', 'Young'

function Format-Cell([string] $value) {
    if ($value.IndexOfAny([char[]]@(',', '"', "`r", "`n")) -ge 0) { '"' + $value.Replace('"', '""') + '"' } else { $value }
}
function Format-Day([datetime] $day) { $day.ToString('d MMM yyyy', $culture) }

$header = [System.Collections.Generic.List[string]]::new()
$header.AddRange([string[]]@('User id', 'User name', 'email', 'User status', 'Added to org', 'Org role'))
foreach ($s in $Site) { foreach ($p in $products) { $header.Add("Last seen in $p - $s") } }
foreach ($s in $Site) { foreach ($p in $products) { $header.Add("$p - $s") } }
$maxGroups = 6
switch ($GroupLayout) {
    'GroupColumns' { 1..$maxGroups | ForEach-Object { $header.Add("Group $_") } }
    default { $header.Add('Group name') }
}

$writer = [System.IO.StreamWriter]::new([System.IO.Path]::GetFullPath($Path, (Get-Location).ProviderPath), $false, [System.Text.UTF8Encoding]::new($false), 1MB)
try {
    $writer.WriteLine(($header | ForEach-Object { Format-Cell $_ }) -join ',')
    $idBytes = [byte[]]::new(16)
    $cells = [string[]]::new($header.Count)
    for ($i = 0; $i -lt $Count; $i++) {
        $random.NextBytes($idBytes)
        $accountId = if ($i % 10 -eq 3) { [System.Convert]::ToHexString($idBytes, 0, 12).ToLowerInvariant() } else { '712020:' + [guid]::new($idBytes).ToString() }
        $given = $first[$random.Next($first.Count)]; $family = $last[$random.Next($last.Count)]
        $name = if ($i % 97 -eq 5) { "$family, $given" } else { "$given $family" }
        $domain = if ($i % 13 -eq 0) { 'contractor.example' } else { 'acme.example' }
        $email = ("$given.$family.$i@$domain" -replace "[^A-Za-z0-9.@-]", '').ToLowerInvariant()
        $roll = $random.Next(100)
        $status = if ($roll -lt 6) { 'Suspended' } elseif ($roll -lt 12) { 'Deactivated' } else { 'Active' }
        $invitee = $random.Next(100) -lt 5
        $daysInOrg = if ($invitee) { $random.Next(0, 25) } else { $random.Next(30, 1500) }
        $added = $asOfDate.AddDays(-$daysInOrg)

        $cells[0] = $accountId; $cells[1] = Format-Cell $name; $cells[2] = $email; $cells[3] = $status
        $cells[4] = Format-Day $added; $cells[5] = if ($i % 50 -eq 7) { 'Organization admin' } else { '' }
        $groups = [System.Collections.Generic.List[string]]::new()
        $column = 6
        $access = [bool[]]::new($Site.Count * $products.Count)
        $k = 0
        foreach ($s in $Site) {
            foreach ($p in $products) {
                $hasAccess = $random.Next(100) -lt $(if ($p -eq $JiraLabel) { 80 } else { 45 })
                $access[$k++] = $hasAccess
                $profile = $random.Next(100)
                $cells[$column++] = if (-not $hasAccess -and $profile -lt 60) { 'Never accessed' }
                elseif ($invitee -or $profile -lt 12) { 'Never accessed' }
                else {
                    $ago = if ($profile -lt 45) { $random.Next(0, 30) } elseif ($profile -lt 65) { $random.Next(30, 90) } elseif ($profile -lt 85) { $random.Next(90, 366) } else { $random.Next(366, 1000) }
                    Format-Day $asOfDate.AddDays(-[Math]::Min($ago, $daysInOrg))
                }
                if ($hasAccess) { foreach ($g in $groupsByProduct[$p]) { if (-not $groups.Contains($g) -and ($g -notlike '*-developers' -or $random.Next(2) -eq 0)) { $groups.Add($g) } } }
            }
        }
        foreach ($a in $access) { $cells[$column++] = if ($a) { 'User' } else { '' } }
        if ($i % 7 -eq 0) { $groups.Add('all-staff') }

        switch ($GroupLayout) {
            'GroupList' { $cells[$column] = Format-Cell ($groups -join ', '); $writer.WriteLine([string]::Join(',', $cells)) }
            'GroupColumns' {
                for ($g = 0; $g -lt $maxGroups; $g++) { $cells[$column + $g] = if ($g -lt $groups.Count) { $groups[$g] } else { '' } }
                $writer.WriteLine([string]::Join(',', $cells))
            }
            'GroupPerRow' {
                if ($groups.Count -eq 0) { $groups.Add('') }
                foreach ($g in $groups) { $cells[$column] = $g; $writer.WriteLine([string]::Join(',', $cells)) }
            }
        }
    }
}
finally {
    $writer.Dispose()
}
