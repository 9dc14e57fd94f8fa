<#
.SYNOPSIS
    Side-by-side benchmarks of JiraDeactivate: the CSV path, the API path, removal and Import-Module, each
    against what admins use today and against the floor. Run through ./build.ps1 Bench [-Full].
.DESCRIPTION
    Compared runs are interleaved (A B A B ...) in one run and medians are taken; only the ratios mean much on a
    shared machine. Prints "ratio <name>: <value>" and "value <name>: <value> <unit>" lines on stdout and writes
    bench/results/latest.md. Every CSV variant runs in its own child process, which reports its peak working set.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [switch] $Full,
    # Repetitions of each compared pair; defaults: quick 3 (CSV), 2 (API, removal); -Full 3, 2, 1.
    [int] $CsvRepeat = 3,
    [int] $ApiRepeat = 2,
    [int] $RemovalRepeat = 0,
    [int] $ImportRepeat = 0,
    # Only these parts (CSV, API, Search, Removal, Pace, Import, Report); default all. Search: the v2 user search against one
    # call per user, 10,000 users, in every mode (about 15 minutes, nearly all of it the per-user run). Pace: removal at
    # Atlassian's pace (Admin API 200/min, Jira 10/s), bulk reads beside per-user reads; part of Removal too.
    [ValidateSet('CSV', 'API', 'Search', 'Removal', 'Pace', 'Import', 'Report')] [string[]] $Part = @('CSV', 'API', 'Search', 'Removal', 'Import', 'Report'),
    [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).ProviderPath
Set-Location $root
$ModulePath = (Resolve-Path $ModulePath).ProviderPath
# The Pace part alone (13 minutes) has its own file, so that it does not replace the other parts' figures.
if (-not $ResultPath) { $ResultPath = Join-Path $root $(if (@($Part).Count -eq 1 -and $Part -eq 'Pace') { 'bench/results/pace.md' } else { 'bench/results/latest.md' }) }
$work = Join-Path $root 'bench/work'
New-Item -ItemType Directory -Force -Path $work, (Split-Path $ResultPath) | Out-Null
$mode = if ($Full) { 'full' } else { 'quick' }
$csvUsers = if ($Full) { 1000000 } else { 200000 }
$apiUsers = if ($Full) { 10000 } else { 1000 }
$removals = 1000
if ($RemovalRepeat -le 0) { $RemovalRepeat = if ($Full) { 1 } else { 2 } }
if ($ImportRepeat -le 0) { $ImportRepeat = if ($Full) { 30 } else { 15 } }
$seed = 7
$asOf = [datetime]'2026-11-02'
$moreThan = 90
$latencyMs = 50
$rateLimit = 100
$started = Get-Date

. (Join-Path $root 'bench/Api.ps1')
Import-Module (Join-Path $root 'tests/pester/Emulator.psm1')

$figures = [System.Collections.Generic.List[object]]::new()
function Add-Figure {
    # Prints the figure's line and keeps it for the table.
    param([string] $Kind, [string] $Name, $Value, [string] $Unit = '', [string] $Target = '', $Met = $null, [string] $Note = '')
    $text = if ($Value -is [double]) { [math]::Round($Value, $(if ([math]::Abs($Value) -ge 100) { 0 } elseif ([math]::Abs($Value) -ge 10) { 1 } else { 2 })).ToString([cultureinfo]::InvariantCulture) } else { "$Value" }
    Write-Output ("{0} {1}: {2}{3}" -f $Kind, $Name, $text, $(if ($Unit) { " $Unit" } else { '' }))
    $figures.Add([pscustomobject]@{ Kind = $Kind; Name = $Name; Value = $text; Unit = $Unit; Target = $Target; Met = $Met; Note = $Note })
}
function Write-Step([string] $Text) { Write-Host "# $(Get-Date -Format 'HH:mm:ss') $Text" }
function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    if ($sorted.Count -eq 0) { return [double]::NaN }
    $mid = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$mid] } else { ($sorted[$mid - 1] + $sorted[$mid]) / 2 }
}
function Invoke-Child {
    # Runs a command in its own process and returns the JSON object of its last stdout line.
    param([string[]] $Arguments)
    $lines = & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed ($LASTEXITCODE): $($lines -join "`n")" }
    ($lines | Where-Object { $_ -like '{*' } | Select-Object -Last 1) | ConvertFrom-Json
}
function Invoke-CsvChild([string] $Variant, [string[]] $More = @()) {
    Invoke-Child (@('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'bench/csv-child.ps1'), '-Variant', $Variant, '-ModulePath', $ModulePath, '-AsOf', $asOf.ToString('yyyy-MM-dd'), '-MoreThan', "$moreThan") + $More)
}
function Invoke-TimedCsvChild([string] $Variant, [string[]] $More = @()) {
    # A fresh process, timed from outside: pwsh start + Import-Module + the run.
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $child = Invoke-CsvChild $Variant $More
    $clock.Stop()
    $child | Add-Member -NotePropertyName processSeconds -NotePropertyValue $clock.Elapsed.TotalSeconds -PassThru
}
function MB([double] $bytes) { $bytes / 1MB }

# ---------------------------------------------------------------- CSV
function Get-Export([int] $Count) {
    # Generated once per count and seed, then reused from bench/work.
    $path = Join-Path $work "export-$Count-s$seed.csv"
    if (-not (Test-Path $path)) {
        Write-Step "generating $Count users (seed $seed) to $path"
        $partial = "$path.partial"
        & (Join-Path $root 'tools/New-UserExport.ps1') -Path $partial -Count $Count -Seed $seed -AsOf '2026-11-01'
        Move-Item $partial $path -Force
    }
    $path
}

function Invoke-CsvBench {
    $file = Get-Export $csvUsers
    Write-Step "CSV: one warm session, floor / module / -Path / Import-Csv script interleaved x$CsvRepeat ($csvUsers users)"
    $warm = Invoke-CsvChild Warm @('-File', $file, '-Repeat', "$CsvRepeat")
    $runs = @{ Module = @(); Path = @(); ImportCsv = @(); Idle = @() }
    for ($i = 1; $i -le $CsvRepeat; $i++) {
        Write-Step "CSV fresh processes, round $i/$CsvRepeat"
        $runs.Module += Invoke-TimedCsvChild Module @('-File', $file)
        $runs.Path += Invoke-TimedCsvChild Path @('-File', $file)
        $runs.ImportCsv += Invoke-TimedCsvChild ImportCsv @('-File', $file)
        $runs.Idle += Invoke-TimedCsvChild Idle
    }
    $idleModule = Invoke-CsvChild IdleModule
    Write-Step 'CSV: profile (bench/profile, the reader stage by stage without PowerShell)'
    & dotnet build (Join-Path $root 'bench/profile/Profile.csproj') -c Release -nologo -v:q '-clp:ErrorsOnly' | Out-Host
    if ($LASTEXITCODE -ne 0) { throw 'Building bench/profile failed.' }
    $profile = Invoke-Child @((Join-Path $root 'bench/profile/bin/Release/net10.0/Profile.dll'), $file, $asOf.ToString('yyyy-MM-dd'), "$moreThan", '3')

    $users = [long]$warm.users
    $counts = @(@($warm.floorCounts + $warm.moduleCounts + $warm.pathCounts + $warm.importcsvCounts + @($runs.Module + $runs.Path + $runs.ImportCsv | ForEach-Object { [long]$_.psobject.Properties['count'].Value }) + @([long]$profile.readerSelectCount)) | Sort-Object -Unique)
    $tFloor = Get-Median $warm.floorSeconds
    $tModule = Get-Median $warm.moduleSeconds
    $tPath = Get-Median $warm.pathSeconds
    $tScript = Get-Median $warm.importcsvSeconds
    $fModule = Get-Median $runs.Module.processSeconds
    $fPath = Get-Median $runs.Path.processSeconds
    $fScript = Get-Median $runs.ImportCsv.processSeconds
    $fIdle = Get-Median $runs.Idle.processSeconds
    $equal = @($counts).Count -eq 1
    $script:csvCount = @($counts)
    Add-Figure ratio csv-module-vs-floor ($tModule / $tFloor) '' '<= 1.5' (($tModule / $tFloor) -le 1.5) "warm session, median of ${CsvRepeat}: Import-CsvExport / Get-InactiveJiraUser / Measure-Object time / floor time"
    Add-Figure ratio csv-importcsv-vs-module ($tScript / $tModule) '' '>= 4' (($tScript / $tModule) -ge 4) "warm session, median of ${CsvRepeat}: Import-Csv / Where-Object script time / module pipeline time"
    Add-Figure ratio csv-importcsv-vs-path ($tScript / $tPath) '' '>= 10' (($tScript / $tPath) -ge 10) "warm session, median of ${CsvRepeat}: Import-Csv / Where-Object script time / Get-InactiveJiraUser -Path time"
    Add-Figure ratio csv-path-vs-floor ($tPath / $tFloor) '' '' $null 'warm session: Get-InactiveJiraUser -Path time / floor time (the floor moves every user through a pipeline; -Path moves only the inactive ones)'
    Add-Figure ratio csv-fresh-importcsv-vs-module ($fScript / $fModule) '' '' $null "fresh process each (pwsh start + import + run), median of $CsvRepeat"
    Add-Figure ratio csv-fresh-importcsv-vs-path ($fScript / $fPath) '' '' $null "fresh process each, median of $CsvRepeat"
    Add-Figure value csv-users $users users
    Add-Figure value csv-inactive-count $(if ($equal) { $counts[0] } else { $counts -join '/' }) seats 'all equal' $equal 'the same count from the floor, module, -Path, Import-Csv script (warm and fresh) and the profile: required'
    Add-Figure value csv-counts-equal $(if ($equal) { 'yes' } else { 'NO' }) '' 'yes' $equal 'every run of every form'
    Add-Figure value csv-floor-seconds $tFloor s '' $null 'warm: [IO.File]::ReadAllBytes + as many pre-built JiraUserActivity objects through two compiled cmdlets (passing on the inactive count) and Measure-Object'
    Add-Figure value csv-module-seconds $tModule s '' $null 'warm: Import-CsvExport / Get-InactiveJiraUser / Measure-Object'
    Add-Figure value csv-path-seconds $tPath s '' $null 'warm: Get-InactiveJiraUser -Path / Measure-Object'
    Add-Figure value csv-importcsv-seconds $tScript s '' $null 'warm: Import-Csv / Where-Object / Measure-Object'
    Add-Figure value csv-fresh-module-seconds $fModule s '' $null 'fresh process: pwsh start + Import-Module + the module pipeline'
    Add-Figure value csv-fresh-path-seconds $fPath s '' $null 'fresh process: pwsh start + Import-Module + Get-InactiveJiraUser -Path'
    Add-Figure value csv-fresh-importcsv-seconds $fScript s '' $null 'fresh process: pwsh start + the Import-Csv script'
    Add-Figure value csv-fresh-idle-seconds $fIdle s '' $null 'fresh process doing nothing: pwsh start'
    Add-Figure value csv-module-rows-per-s ($users / $tModule) rows/s
    Add-Figure value csv-path-rows-per-s ($users / $tPath) rows/s
    Add-Figure value csv-importcsv-rows-per-s ($users / $tScript) rows/s
    $idle = Get-Median $runs.Idle.peakWorkingSet
    $target = if ($Full) { '< 150 (1,000,000 users)' } else { '< 150 at 1,000,000 users (-Full); informative here' }
    foreach ($form in 'Module', 'Path') {
        $above = MB ((Get-Median $runs.$form.peakWorkingSet) - $idle)
        Add-Figure value "csv-$($form.ToLowerInvariant())-peak-ws-above-idle" $above MB $target $(if ($Full) { $above -lt 150 } else { $null }) 'fresh process: peak working set (VmHWM) minus an idle pwsh''s'
    }
    Add-Figure value csv-module-peak-ws (MB (Get-Median $runs.Module.peakWorkingSet)) MB
    Add-Figure value csv-path-peak-ws (MB (Get-Median $runs.Path.peakWorkingSet)) MB
    Add-Figure value csv-importcsv-peak-ws (MB (Get-Median $runs.ImportCsv.peakWorkingSet)) MB
    Add-Figure value idle-pwsh-peak-ws (MB $idle) MB
    Add-Figure value idle-pwsh-module-peak-ws (MB $idleModule.peakWorkingSet) MB
    Add-Figure value csv-profile-read-bytes-seconds $profile.readBytesSeconds s '' $null 'profile (best of 3, no PowerShell): File.ReadAllBytes'
    Add-Figure value csv-profile-decode-seconds $profile.decodeUtf8Seconds s '' $null 'profile: decoding the file to UTF-16 (StreamReader)'
    Add-Figure value csv-profile-csvhelper-tokenize-seconds $profile.csvHelperTokenizeSeconds s '' $null 'profile: CsvHelper 34 CsvReader.Read of every row (line numbers tracked), no field read'
    Add-Figure value csv-profile-csvhelper-fields-seconds $profile.csvHelperAllFieldsSeconds s '' $null 'profile: CsvReader.Read + every field as a string'
    Add-Figure value csv-profile-reader-seconds $profile.readerSeconds s '' $null 'profile: UserExportReader.Read, every user built'
    Add-Figure value csv-profile-reader-select-seconds $profile.readerSelectSeconds s '' $null 'profile: UserExportReader.Read + InactiveUserSelector.Select'
    Add-Figure value csv-profile-reader-alloc-per-row ($profile.readerAllocatedBytes / $users) bytes '' $null 'profile: bytes allocated per row by UserExportReader.Read'
    Add-Figure value csv-profile-importcsv-alloc-per-row ($runs.ImportCsv[0].allocatedBytes / $users) bytes '' $null 'fresh Import-Csv script process'
    Add-Figure value csv-profile-module-alloc-per-row ($runs.Module[0].allocatedBytes / $users) bytes '' $null 'fresh module pipeline process'
}

# ---------------------------------------------------------------- API and removal
function Connect-BenchEmulator($Emulator) {
    $credential = [pscredential]::new($Emulator.email, (ConvertTo-SecureString $Emulator.apiToken -AsPlainText -Force))
    $key = ConvertTo-SecureString $Emulator.adminApiKey -AsPlainText -Force
    Connect-JiraAdmin -Site $Emulator.siteUrl -Credential $credential -AdminApiKey $key -AdminApiUri $Emulator.adminApiUrl | Out-Null
}
function Reset-BenchEmulator($Emulator) {
    # Same state, empty counters and, after a pause, full rate-limit buckets for the next run.
    Invoke-RestMethod -Method Post -Uri "$($Emulator.controlUrl)/reset" | Out-Null
    Start-Sleep -Milliseconds 1500
    Invoke-RestMethod -Method Post -Uri "$($Emulator.controlUrl)/stats/reset" | Out-Null
}
function Add-TrafficFigures([string] $Prefix, $Module, $Loop, [double] $tModule, [double] $tLoop, [string] $LoopFloorNote) {
    $speedup = $tLoop / $tModule
    $needed = $Module.jiraNeeded + $Module.adminNeeded
    $floorTotal = $needed / $rateLimit
    $floorCredential = [math]::Max($Module.jiraNeeded, $Module.adminNeeded) / $rateLimit
    $pct429 = if ($Module.total) { 100.0 * $Module.r429 / $Module.total } else { 0 }
    Add-Figure ratio "$Prefix-loop-vs-module" $speedup '' '>= 4' ($speedup -ge 4) 'sequential Invoke-RestMethod loop time / module time (median)'
    Add-Figure ratio "$Prefix-module-vs-floor" ($tModule / $floorCredential) '' '<= 1.2' (($tModule / $floorCredential) -le 1.2) 'vs the per-credential floor: max(Jira REST requests, Admin API requests) / rate limit (each credential has its own bucket); the figure the target is judged on'
    Add-Figure ratio "$Prefix-module-vs-floor-total" ($tModule / $floorTotal) '' '<= 1.2' (($tModule / $floorTotal) -le 1.2) 'vs the floor as the issue defines it: all requests the module needed / rate limit'
    Add-Figure value "$Prefix-module-seconds" $tModule s
    Add-Figure value "$Prefix-loop-seconds" $tLoop s
    Add-Figure value "$Prefix-floor-seconds" $floorCredential s '' $null "per credential: Jira REST $($Module.jiraNeeded) / $rateLimit, Admin API $($Module.adminNeeded) / $rateLimit"
    Add-Figure value "$Prefix-floor-total-seconds" $floorTotal s '' $null "$needed requests / $rateLimit per s"
    Add-Figure value "$Prefix-module-requests" $Module.total requests '' $null "Jira REST $($Module.jira), Admin API $($Module.admin); max $($Module.maxConcurrent) in flight"
    Add-Figure value "$Prefix-module-429" $Module.r429 responses '' $null ''
    Add-Figure value "$Prefix-module-429-percent" $pct429 '%' '<= 2' ($pct429 -le 2)
    Add-Figure value "$Prefix-module-retries" ($Module.r429 + $Module.r5xx + $Module.dropped) retries '' $null 'every 429/5xx/dropped answer is retried (the result is complete)'
    Add-Figure value "$Prefix-loop-requests" $Loop.total requests '' $null $LoopFloorNote
    Add-Figure value "$Prefix-loop-429" $Loop.r429 responses
}

function Invoke-ApiBench {
    Write-Step "API: emulator with $apiUsers users, $latencyMs ms latency, $rateLimit requests/s"
    $emu = Start-JiraEmulator -Users $apiUsers -Seed $seed -ArgumentList '--as-of', '2026-11-01', '--latency-ms', "$latencyMs", '--rate-limit', "$rateLimit"
    try {
        $modTimes = @(); $loopTimes = @(); $modTraffic = @(); $loopTraffic = @(); $sets = @(); $loopSets = @(); $errors = 0; $judged = @()
        for ($i = 1; $i -le $ApiRepeat; $i++) {
            Write-Step "API round $i/${ApiRepeat}: module"
            Connect-BenchEmulator $emu
            Reset-BenchEmulator $emu
            $err = $null
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            # The per-user path: the same calls as the loop, so this part measures concurrency under the rate limit
            # (the Search part measures the v2 search against it).
            $result = @(Get-InactiveJiraUser -Product JiraSoftware -MoreThan $moreThan -AsOf $asOf -ActivitySource PerUser -ErrorVariable err -ErrorAction SilentlyContinue)
            $clock.Stop()
            $modTimes += $clock.Elapsed.TotalSeconds
            $modTraffic += Get-BenchTraffic $emu
            $errors += @($err).Where({ $_ }).Count
            $sets += , (@($result.AccountId | Sort-Object -Unique) -join ',')
            $stats = Get-JiraEmulatorStats $emu
            $judged += [long](@($stats.routes) | Where-Object { $_.route -like '*last-active-dates' -and $_.status -eq 200 } | ForEach-Object { [long]$_.count } | Measure-Object -Sum).Sum
            Disconnect-JiraAdmin
            Write-Step "API round $i/${ApiRepeat}: sequential loop"
            Reset-BenchEmulator $emu
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $loop = Invoke-SequentialApi -Emulator $emu -AsOf $asOf -MoreThan $moreThan
            $clock.Stop()
            $loopTimes += $clock.Elapsed.TotalSeconds
            $loopTraffic += Get-BenchTraffic $emu
            $loopSets += , (@($loop.Inactive | Sort-Object -Unique) -join ',')
        }
        $equal = @($sets + $loopSets | Sort-Object -Unique).Count -eq 1
        $complete = $errors -eq 0 -and @($judged | Where-Object { $_ -ne $loop.Judged }).Count -eq 0
        $median = { param($list, $name) Get-Median @($list | ForEach-Object { [double]$_.$name }) }
        $m = [pscustomobject]@{}
        foreach ($name in 'total', 'r429', 'r5xx', 'dropped', 'jira', 'admin', 'jiraNeeded', 'adminNeeded', 'maxConcurrent') { $m | Add-Member $name (& $median $modTraffic $name) }
        $l = [pscustomobject]@{ total = (& $median $loopTraffic 'total'); r429 = (& $median $loopTraffic 'r429') }
        Add-TrafficFigures api $m $l (Get-Median $modTimes) (Get-Median $loopTimes) 'the same calls, one at a time'
        Add-Figure value api-inactive-count @($loop.Inactive).Count users '' $null "of $($loop.Judged) users judged"
        Add-Figure value api-results-equal $(if ($equal) { 'yes' } else { 'NO' }) '' 'yes' $equal 'module result set (account IDs) = sequential loop result set, every run'
        Add-Figure value api-results-complete $(if ($complete) { 'yes' } else { 'NO' }) '' 'yes' $complete "no errors, and last-active dates fetched for all $($loop.Judged) members in every run"
    }
    finally {
        Disconnect-JiraAdmin -ErrorAction SilentlyContinue
        Stop-JiraEmulator $emu
    }
}

function Invoke-SearchBench {
    # Issue 11: the same Get-InactiveJiraUser run through the v2 user search and forced onto one call per user, on a
    # 10,000-user org whose Admin API allows 10 requests/s and Jira 100/s, with 20 ms latency; and the CSV export of
    # the same state. One run of each: the per-user run alone takes about 15 minutes.
    $users = 10000; $adminRate = 10; $jiraRate = 100; $latency = 20
    Write-Step "Search: emulator with $users users, $latency ms latency, Admin API $adminRate requests/s, Jira $jiraRate requests/s"
    $emu = Start-JiraEmulator -Users $users -Seed $seed -ArgumentList '--as-of', '2026-11-01', '--latency-ms', "$latency", '--rate-limit', "$jiraRate", '--admin-rate-limit', "$adminRate"
    $routeCount = { param($stats, $like, $status) $n = 0L; foreach ($r in @($stats.routes)) { if ($r.route -like $like -and $r.status -eq $status) { $n += [long]$r.count } }; $n }
    try {
        $runs = [ordered]@{}
        foreach ($source in 'Search', 'PerUser') {
            Write-Step "Search: Get-InactiveJiraUser -ActivitySource $source"
            Connect-BenchEmulator $emu
            Reset-BenchEmulator $emu
            $err = $null; $warn = $null
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $result = @(Get-InactiveJiraUser -Product JiraSoftware -MoreThan $moreThan -AsOf $asOf -ActivitySource $source -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warn -WarningAction SilentlyContinue)
            $clock.Stop()
            $stats = Get-JiraEmulatorStats $emu
            $runs[$source] = [pscustomobject]@{
                Seconds = $clock.Elapsed.TotalSeconds; Traffic = Get-BenchTraffic $emu; Set = (@($result.AccountId | Sort-Object -Unique) -join ',')
                Count = $result.Count; Problems = @($err).Where({ $_ }).Count + @($warn).Where({ $_ }).Count
                SearchCalls = (& $routeCount $stats '*/users/search' 200); PerUserCalls = (& $routeCount $stats '*/last-active-dates' 200)
            }
            Disconnect-JiraAdmin
        }
        $csvFile = Join-Path $work "search-export-$users-s$seed.csv"
        Invoke-WebRequest "$($emu.controlUrl)/export.csv" -OutFile $csvFile
        $csv = @(Import-CsvExport $csvFile | Get-InactiveJiraUser -Product JiraSoftware -MoreThan $moreThan -AsOf $asOf)
        $csvSet = @($csv.AccountId | Sort-Object -Unique) -join ','
        Remove-Item $csvFile -ErrorAction SilentlyContinue

        $search = $runs['Search']; $perUser = $runs['PerUser']
        $holders = $perUser.PerUserCalls
        $floor = [math]::Max($search.Traffic.adminNeeded / $adminRate, $search.Traffic.jiraNeeded / $jiraRate)
        $speedup = $perUser.Seconds / $search.Seconds
        $vsFloor = $search.Seconds / $floor
        $perHolder = if ($holders) { $search.Traffic.adminNeeded / $holders } else { [double]::NaN }
        $equal = $search.Set -eq $perUser.Set -and $search.Set -eq $csvSet
        Add-Figure ratio api-peruser-vs-search $speedup '' '>= 20' ($speedup -ge 20) "Get-InactiveJiraUser -ActivitySource PerUser time / -ActivitySource Search time, $users users, Admin API $adminRate/s, Jira $jiraRate/s, $latency ms"
        Add-Figure ratio api-search-vs-floor $vsFloor '' '<= 1.3' ($vsFloor -le 1.3) "search run time / max(Admin API requests / $adminRate, Jira requests / $jiraRate) = $([math]::Round($floor, 2)) s"
        Add-Figure value api-search-admin-calls-per-holder $perHolder calls '<= 0.02' ($perHolder -le 0.02) "Admin API requests of the search run ($($search.Traffic.adminNeeded): $($search.SearchCalls) search pages, $($search.PerUserCalls) per-user) / $holders product holders"
        Add-Figure value api-search-seconds $search.Seconds s '' $null "Admin API $($search.Traffic.admin) requests ($($search.Traffic.r429) answered 429 over both APIs), Jira REST $($search.Traffic.jira)"
        Add-Figure value api-peruser-seconds $perUser.Seconds s '' $null "Admin API $($perUser.Traffic.admin) requests ($($perUser.PerUserCalls) per-user calls), Jira REST $($perUser.Traffic.jira)"
        Add-Figure value api-search-floor-seconds $floor s
        Add-Figure value api-search-inactive-count $search.Count users '' $null "of $holders holders"
        Add-Figure value api-search-results-equal $(if ($equal -and $search.Problems + $perUser.Problems -eq 0) { 'yes' } else { 'NO' }) '' 'yes' ($equal -and $search.Problems + $perUser.Problems -eq 0) 'search run = per-user run = CSV export of the same state (account IDs), with no error or warning'
    }
    finally {
        Disconnect-JiraAdmin -ErrorAction SilentlyContinue
        Stop-JiraEmulator $emu
    }
}

function Invoke-RemovalBench {
    $users = [int][math]::Ceiling($removals * 1.8)
    Write-Step "Removal: emulator with $users users, $removals removals, $latencyMs ms latency, $rateLimit requests/s"
    $emu = Start-JiraEmulator -Users $users -Seed $seed -ArgumentList '--as-of', '2026-11-01', '--latency-ms', "$latencyMs", '--rate-limit', "$rateLimit"
    try {
        $targets = Get-BenchRemovalTargets -Emulator $emu -Count $removals
        if ($targets.Count -lt $removals) { throw "Only $($targets.Count) removable users in the emulator; $removals needed." }
        $ids = [string[]]$targets.AccountId
        $before = Get-BenchGrantingMembership $emu $ids
        $memberships = ($targets | ForEach-Object { $_.Groups.Count } | Measure-Object -Sum).Sum
        $modTimes = @(); $loopTimes = @(); $modTraffic = @(); $loopTraffic = @(); $ok = $true; $notes = @()
        for ($i = 1; $i -le $RemovalRepeat; $i++) {
            Write-Step "Removal round $i/${RemovalRepeat}: module"
            Connect-BenchEmulator $emu
            Reset-BenchEmulator $emu
            $journal = Join-Path $work "bench-journal-$PID-$i.jsonl"
            # A judgment every target meets (the emulator's data ends weeks ago): each removal takes its last look.
            $removalInput = @($targets | Select-Object AccountId, Product, @{ Name = 'MoreThan'; Expression = { 1 } })
            $err = $null
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $results = @($removalInput | Remove-JiraProductAccess -Confirm:$false -MaxUsers $removals -JournalPath $journal -ErrorVariable err -ErrorAction SilentlyContinue)
            $clock.Stop()
            $modTimes += $clock.Elapsed.TotalSeconds
            $modTraffic += Get-BenchTraffic $emu
            $removed = @($results | Where-Object { "$($_.Status)" -eq 'Removed' }).Count
            $left = @(Get-BenchGrantingMembership $emu $ids).Count
            if ($removed -ne $removals -or $left -ne 0 -or @($err).Where({ $_ }).Count) { $ok = $false; $notes += "module run ${i}: $removed removed, $left memberships left, $(@($err).Where({ $_ }).Count) errors" }
            Remove-Item $journal -ErrorAction SilentlyContinue
            Disconnect-JiraAdmin
            Write-Step "Removal round $i/${RemovalRepeat}: sequential loop"
            Reset-BenchEmulator $emu
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $loop = Invoke-SequentialRemoval -Emulator $emu -Targets $targets
            $clock.Stop()
            $loopTimes += $clock.Elapsed.TotalSeconds
            $loopTraffic += Get-BenchTraffic $emu
            $left = @(Get-BenchGrantingMembership $emu $ids).Count
            if ($left -ne 0) { $ok = $false; $notes += "loop run ${i}: $left memberships left" }
        }
        Reset-BenchEmulator $emu
        $median = { param($list, $name) Get-Median @($list | ForEach-Object { [double]$_.$name }) }
        $m = [pscustomobject]@{}
        foreach ($name in 'total', 'r429', 'r5xx', 'dropped', 'jira', 'admin', 'jiraNeeded', 'adminNeeded', 'maxConcurrent') { $m | Add-Member $name (& $median $modTraffic $name) }
        $l = [pscustomobject]@{ total = (& $median $loopTraffic 'total'); r429 = (& $median $loopTraffic 'r429') }
        $tModule = Get-Median $modTimes
        Add-TrafficFigures removal $m $l $tModule (Get-Median $loopTimes) "one DELETE per granting membership ($memberships memberships of $removals users)"
        $deleteFloor = $memberships / $rateLimit
        Add-Figure ratio removal-module-vs-delete-floor ($tModule / $deleteFloor) '' '' $null "vs the DELETEs alone ($memberships / $rateLimit per s = $([math]::Round($deleteFloor, 1)) s): the module also reads each user before (plan, protections) and after (verification)"
        Add-Figure value removal-users $removals users '' $null "$memberships granting memberships"
        Add-Figure value removal-results-equal $(if ($ok) { 'yes' } else { 'NO' }) '' 'yes' $ok "every run: all $removals users Removed and no granting membership left (module), no membership left (loop) $($notes -join '; ')"
    }
    finally {
        Disconnect-JiraAdmin -ErrorAction SilentlyContinue
        Stop-JiraEmulator $emu
    }
}

# ---------------------------------------------------------------- Import-Module
function Invoke-ImportBench {
    Write-Step "Import-Module: $ImportRepeat interleaved rounds of fresh pwsh starts (bare, the module, an empty module)"
    # The floor: a manifest module with nothing in it, what any Import-Module costs before a module does anything.
    $empty = Join-Path $work 'EmptyModule'
    New-Item -ItemType Directory -Force -Path $empty | Out-Null
    Set-Content -LiteralPath (Join-Path $empty 'EmptyModule.psd1') -Value "@{ ModuleVersion = '1.0.0'; GUID = '0b1a6c57-1f4e-4a55-9a0e-2f8f1f0c1a11'; FunctionsToExport = @(); CmdletsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }"
    $bare = @(); $with = @(); $inside = @(); $floor = @(); $floorInside = @()
    # Every child runs the same script; only the Import-Module differs (none for the bare start). Each reports the
    # Import-Module call's own time, measured inside it (far less noisy than process starts).
    $timed = { param($Import) "`$c = [Diagnostics.Stopwatch]::StartNew(); $Import; `$c.Elapsed.TotalMilliseconds" }
    & dotnet pwsh -NoProfile -c '$null' | Out-Null   # warm the file cache
    for ($i = 0; $i -lt $ImportRepeat; $i++) {
        $bare += (Measure-Command { & dotnet pwsh -NoProfile -c (& $timed '') | Out-Null }).TotalMilliseconds
        $with += (Measure-Command { $script:out = & dotnet pwsh -NoProfile -c (& $timed "Import-Module '$ModulePath'") }).TotalMilliseconds
        $inside += [double]($script:out | Select-Object -Last 1)
        $floor += (Measure-Command { $script:out = & dotnet pwsh -NoProfile -c (& $timed "Import-Module '$empty'") }).TotalMilliseconds
        $floorInside += [double]($script:out | Select-Object -Last 1)
    }
    $added = (Get-Median $with) - (Get-Median $bare)
    Add-Figure value import-module-ms $added ms '< 100' ($added -lt 100) "median of ${ImportRepeat}: pwsh -NoProfile -c 'Import-Module' minus the same pwsh without it (process starts vary by ~100 ms here)"
    Add-Figure value import-module-inprocess-ms (Get-Median $inside) ms '' $null 'the Import-Module call alone, timed inside the same child processes'
    Add-Figure value import-module-floor-ms ((Get-Median $floor) - (Get-Median $bare)) ms '' $null "the floor, side by side: the same for a manifest module with nothing in it"
    Add-Figure value import-module-floor-inprocess-ms (Get-Median $floorInside) ms '' $null 'the floor: an empty module''s Import-Module call alone'
    Add-Figure value pwsh-start-ms (Get-Median $bare) ms
}

# ---------------------------------------------------------------- Export-JiraInactivityReport
function Invoke-ReportBench {
    # Real inactive users: the CSV part's generated export through Import-CsvExport | Get-InactiveJiraUser.
    $file = Get-Export 200000
    Write-Step "Report: reading the inactive users of $file"
    $all = @(Import-CsvExport $file | Get-InactiveJiraUser -Product JiraSoftware -MoreThan $moreThan -AsOf $asOf | Select-Object -First 100000)
    if ($all.Count -lt 100000) { throw "Only $($all.Count) inactive users in $file; 100,000 needed." }
    foreach ($count in 1000, 100000) {
        Write-Step "Report: $count inactive users"
        $users = $all[0..($count - 1)]
        $path = Join-Path $work "report-$count.html"
        $times = @()
        for ($i = 0; $i -lt 3; $i++) {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $users | Export-JiraInactivityReport -Path $path -PricePerSeat 8.60
            $times += $clock.Elapsed.TotalSeconds
        }
        $size = (Get-Item $path).Length
        $target = if ($count -eq 100000) { '< 3' } else { '' }
        $seconds = Get-Median $times
        Add-Figure value "report-$count-write-seconds" $seconds s $target $(if ($target) { $seconds -lt 3 } else { $null }) "users already in memory | Export-JiraInactivityReport (HTML), median of 3"
        Add-Figure value "report-$count-size" $(if ($count -ge 100000) { MB $size } else { $size / 1KB }) $(if ($count -ge 100000) { 'MB' } else { 'KB' }) '' $null 'self-contained HTML, users embedded as JSON'
    }
}

# ---------------------------------------------------------------- removal at Atlassian's pace (issue 24)
function Invoke-RemovalPaceBench {
    # A 1,200-user org at the pace Atlassian shows production apps: Admin API 200 requests/min, Jira 10/s, 20 ms.
    # The users Get-InactiveJiraUser judges are removed with -ReadMode PerUser and Auto, interleaved on the same state
    # (every 8th judged user worked today, so the last look spares them), then a loop of DELETEs alone.
    # -DevelopersOverlap shapes the org (how many granting groups a Jira user is in); -Prefix names its figures.
    param([double] $DevelopersOverlap = 0.4, [string[]] $Modes = @('PerUser', 'Auto'), [string] $Prefix = 'removal', [switch] $WithLoop)
    $orgUsers = 1200; $adminPerMinute = 200; $jiraPerSecond = 10; $paceLatency = 20
    $adminPace = $adminPerMinute / 60.0
    Write-Step "Pace ($Prefix): emulator with $orgUsers users (developers overlap $DevelopersOverlap), Admin API $adminPerMinute/min, Jira $jiraPerSecond/s, $paceLatency ms latency"
    $emu = Start-JiraEmulator -Users $orgUsers -Seed $seed -ArgumentList '--as-of', '2026-11-01', '--latency-ms', "$paceLatency", '--list-undated-products', 'true', '--developers-overlap', ([string]$DevelopersOverlap)
    try {
        Connect-BenchEmulator $emu
        $judged = @(Get-InactiveJiraUser -Product JiraSoftware -MoreThan $moreThan -AsOf $asOf | Sort-Object AccountId)
        Disconnect-JiraAdmin
        $today = [datetime]::UtcNow.ToString('yyyy-MM-dd')
        $activeSince = @(for ($i = 0; $i -lt $judged.Count; $i += 8) { $judged[$i].AccountId })
        # The groups as every run finds them (each begins from this state).
        $groups = @{}; (Get-JiraEmulatorState $emu).groups | ForEach-Object { $groups[$_.name] = $_ }
        function Reset-PaceState {
            Set-JiraEmulatorConfig $emu @{ rateLimit = 0; adminRateLimit = 0 } | Out-Null
            Invoke-RestMethod -Method Post -Uri "$($emu.controlUrl)/reset" | Out-Null
            foreach ($id in $activeSince) {
                Invoke-RestMethod -Method Post "$($emu.controlUrl)/activity" -Body (@{ accountId = $id; product = 'jira-software'; date = $today } | ConvertTo-Json) -ContentType 'application/json' | Out-Null
            }
            # Full buckets for the next run, then empty counters.
            Set-JiraEmulatorConfig $emu @{ rateLimit = $jiraPerSecond; adminRateLimit = $adminPace } | Out-Null
            Start-Sleep -Milliseconds 1500
            Invoke-RestMethod -Method Post -Uri "$($emu.controlUrl)/stats/reset" | Out-Null
        }
        $runs = @{ PerUser = @(); Auto = @() }; $loops = @(); $outcomes = @{}
        for ($round = 1; $round -le $RemovalRepeat; $round++) {
            foreach ($mode in $Modes) {
                Write-Step "Pace round $round/${RemovalRepeat}: module, -ReadMode $mode ($($judged.Count) judged users)"
                Reset-PaceState
                Connect-BenchEmulator $emu
                Invoke-RestMethod -Method Post -Uri "$($emu.controlUrl)/stats/reset" | Out-Null
                $journal = Join-Path $work "pace-journal-$PID-$mode-$round.jsonl"
                $err = $null
                $clock = [System.Diagnostics.Stopwatch]::StartNew()
                $results = @($judged | Remove-JiraProductAccess -ReadMode $mode -Confirm:$false -MaxUsers $judged.Count -JournalPath $journal -ErrorVariable err -ErrorAction SilentlyContinue 6>$null)
                $clock.Stop()
                $traffic = Get-BenchRequestsByKind $emu
                Disconnect-JiraAdmin
                Remove-Item $journal -ErrorAction SilentlyContinue
                $outcomes["$mode-$round"] = @($results | Sort-Object AccountId | ForEach-Object { "$($_.AccountId)|$($_.Status)|$($_.GroupsRemoved -join ',')" })
                $runs[$mode] += [pscustomobject]@{
                    Seconds = $clock.Elapsed.TotalSeconds; Traffic = $traffic; Errors = @($err).Where({ $_ }).Count
                    Removed = @($results | Where-Object { "$($_.Status)" -eq 'Removed' }); Judged = $judged.Count
                }
            }
            if (-not $WithLoop) { continue }
            Write-Step "Pace round $round/${RemovalRepeat}: a loop of DELETEs alone"
            Reset-PaceState
            $targets = @($runs.Auto[-1].Removed | ForEach-Object { [pscustomobject]@{ AccountId = $_.AccountId; Groups = @($_.GroupsRemoved | ForEach-Object { $groups[$_] }) } })
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $loop = Invoke-SequentialRemoval -Emulator $emu -Targets $targets
            $clock.Stop()
            $loops += [pscustomobject]@{ Seconds = $clock.Elapsed.TotalSeconds; Deleted = $loop.Deleted; Requests = $loop.Requests }
        }
        Set-JiraEmulatorConfig $emu @{ rateLimit = 0; adminRateLimit = 0 } | Out-Null
        $same = @($outcomes.Values | ForEach-Object { $_ -join ';' } | Sort-Object -Unique).Count -eq 1
        foreach ($mode in @('Auto', 'PerUser').Where({ $_ -in $Modes })) {
            $name = if ($mode -eq 'Auto') { $Prefix } else { "$Prefix-peruser" }
            $t = Get-Median @($runs[$mode].Seconds)
            $last = $runs[$mode][-1]
            $admin = Get-Median @($runs[$mode] | ForEach-Object { $_.Traffic.admin })
            $jira = Get-Median @($runs[$mode] | ForEach-Object { $_.Traffic.jira })
            $removed = $last.Removed.Count
            $floor = [math]::Max($admin / $adminPace, $jira / $jiraPerSecond)
            $ratio = $t / $floor
            # The issue's "a few": the reads a run makes once whatever its size (the organization's admins, its
            # directories, the site's workspace, the search of the product's groups for synced ones).
            $fewCalls = 4
            $adminBound = [math]::Min(0.1, $orgUsers / 100.0 / $judged.Count) + $fewCalls / $judged.Count
            $adminPerUser = $admin / $judged.Count
            $jiraPerRemoved = if ($removed) { $jira / $removed } else { [double]::NaN }
            $deletes = [long]$last.Traffic.kinds['DELETE /rest/api/3/group/user']
            $isAuto = $mode -eq 'Auto'
            Add-Figure ratio "$name-vs-floor" $ratio '' $(if ($isAuto) { '<= 1.3' } else { '' }) $(if ($isAuto) { $ratio -le 1.3 } else { $null }) "time / max(Admin API calls / $adminPerMinute per min, Jira requests / $jiraPerSecond per s) = $([math]::Round($t, 1)) s / $([math]::Round($floor, 1)) s (Admin floor $([math]::Round($admin / $adminPace, 1)) s, Jira floor $([math]::Round($jira / $jiraPerSecond, 1)) s; their sum $([math]::Round($admin / $adminPace + $jira / $jiraPerSecond, 1)) s)"
            Add-Figure value "$name-admin-calls-per-judged-user" $adminPerUser calls $(if ($isAuto) { "<= $([math]::Round($adminBound, 3))" } else { '' }) $(if ($isAuto) { $adminPerUser -le $adminBound } else { $null }) "$admin Admin API calls for $($judged.Count) judged users; bound min(0.1, $orgUsers / 100 / $($judged.Count)) + $fewCalls calls made once a run"
            Add-Figure value "$name-jira-requests-per-removed-user" $jiraPerRemoved requests $(if ($isAuto) { '<= 1.5' } else { '' }) $(if ($isAuto) { $jiraPerRemoved -le 1.5 } else { $null }) "$jira Jira requests for $removed removed users, $deletes of them DELETEs ($([math]::Round($deletes / [math]::Max(1, $removed), 2)) per removed user)"
            $memberships = ($last.Removed | ForEach-Object { @($_.GroupsRemoved).Count } | Measure-Object -Sum).Sum
            Add-Figure value "$name-deletes-per-membership-removed" ($deletes / [math]::Max(1, $memberships)) '' '1' ($deletes -eq $memberships) "$deletes DELETEs for the $memberships granting memberships the removed users left: one per (user, group), none wasted"
            $perUserLooks = [long]$last.Traffic.kinds['GET /admin/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates']
            if ($isAuto) {
                $neverUsed = @($judged | Where-Object { -not $_.LastActive }).Count
                Add-Figure value "$name-admin-calls-per-judged-user-but-silent-looks" (($admin - $perUserLooks) / $judged.Count) calls "<= $([math]::Round($adminBound, 3))" ((($admin - $perUserLooks) / $judged.Count) -le $adminBound) "the Admin API calls without the $perUserLooks per-user looks at users the search is silent about ($neverUsed of the judged users never used Jira Software: the search lists the product without a date, which cannot prove 'never used', so each gets the per-user last-active-dates, the authority)"
            }
            if ($isAuto) {
                Add-Figure value "$name-jira-reads-per-removed-user" (($jira - $deletes) / [math]::Max(1, $removed)) requests '' $null "the $($jira - $deletes) Jira requests that are not DELETEs (plan, protections, verification) per removed user"
                # The fewest Jira requests any removal that reads its plan from the groups can make here: a DELETE per
                # membership left and every page of the groups left, read once. The issue's 1.5 was set on an org
                # with about 1.3 granting memberships per removed user.
                $left = @($last.Removed | ForEach-Object { $_.GroupsRemoved } | Sort-Object -Unique)
                $pages = ($left | ForEach-Object { [math]::Max(1, [math]::Ceiling(@($groups[$_].members).Count / 50)) } | Measure-Object -Sum).Sum
                Add-Figure value "$name-jira-floor-per-removed-user" (($memberships + $pages) / [math]::Max(1, $removed)) requests '' $null "$memberships granting memberships ($([math]::Round($memberships / [math]::Max(1, $removed), 2)) per removed user) + $pages member pages of the $($left.Count) groups left, read once, per removed user: no removal that reads its plan from the groups can go under it in this org"
            }
            Add-Figure value "$name-seconds" $t s
            Add-Figure value "$name-requests-by-kind" (($last.Traffic.kinds.GetEnumerator() | ForEach-Object { "$($_.Key) $($_.Value)" }) -join '; ') '' '' $null "the last run; 429s: Admin API $($last.Traffic.admin429), Jira $($last.Traffic.jira429); errors written $($last.Errors)"
        }
        $tAuto = Get-Median @($runs.Auto.Seconds)
        Add-Figure value "$Prefix-pace-judged-users" $judged.Count users '' $null "$orgUsers-user org, $($activeSince.Count) of the judged users active since (spared by the last look)"
        Add-Figure value "$Prefix-pace-results-equal" $(if ($same) { 'yes' } else { 'NO' }) '' 'yes' $same "every run of $($Modes -join ' and '): the same status and groups removed for every user"
        if (-not $WithLoop) { return }
        $tLoop = Get-Median @($loops.Seconds)
        Add-Figure ratio removal-loop-vs-module ($tLoop / $tAuto) '' '' $null "a sequential Invoke-RestMethod loop of the same $($loops[-1].Deleted) DELETEs alone ($([math]::Round($tLoop, 1)) s, $($loops[-1].Requests) requests with its 429 retries) / the module's whole run with -ReadMode Auto (plan, protections, last look, DELETEs, verification)"
        Add-Figure ratio removal-peruser-vs-auto ((Get-Median @($runs.PerUser.Seconds)) / $tAuto) '' '' $null 'the same removal with -ReadMode PerUser / -ReadMode Auto, interleaved on the same state'
    }
    finally {
        Disconnect-JiraAdmin -ErrorAction SilentlyContinue
        Stop-JiraEmulator $emu
    }
}

# ---------------------------------------------------------------- run and report
Write-Step "JiraDeactivate bench, $mode mode: module $ModulePath"
Import-Module $ModulePath
if ('CSV' -in $Part) { Invoke-CsvBench }
if ('API' -in $Part) { Invoke-ApiBench }
if ('Search' -in $Part) { Invoke-SearchBench }
if ('Removal' -in $Part) { Invoke-RemovalBench }
if ('Removal' -in $Part -or 'Pace' -in $Part) {
    Invoke-RemovalPaceBench -WithLoop
    # The org the issue measured on: its 835 Jira requests for 252 removals (a read, the DELETEs, a read back) mean
    # about 1.3 granting memberships per removed user, where the default org has about 1.41.
    Invoke-RemovalPaceBench -DevelopersOverlap 0.25 -Modes Auto -Prefix removal-issue-org
}
if ('Import' -in $Part) { Invoke-ImportBench }
if ('Report' -in $Part) { Invoke-ReportBench }

$cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
$memory = (Get-Content /proc/meminfo -ErrorAction SilentlyContinue | Where-Object { $_ -like 'MemTotal*' }) -replace '^MemTotal:\s*', ''
$os = if (Test-Path /etc/os-release) { ((Get-Content /etc/os-release | Where-Object { $_ -like 'PRETTY_NAME=*' }) -replace '^PRETTY_NAME="?|"$', '') } else { [System.Runtime.InteropServices.RuntimeInformation]::OSDescription }
$machine = [ordered]@{
    'nproc'     = "$(& nproc 2>$null)"
    'CPU'       = $cpu
    'memory'    = $memory
    'OS'        = "$os, kernel $(& uname -r 2>$null) ($([System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture))"
    'dotnet'    = "$(& dotnet --version)"
    'pwsh'      = "$($PSVersionTable.PSVersion)"
    'date'      = $started.ToUniversalTime().ToString('yyyy-MM-dd HH:mm') + ' UTC'
    'mode'      = "$mode (CSV $csvUsers users x$CsvRepeat, API $apiUsers users x$ApiRepeat, removal $removals users x$RemovalRepeat, Import-Module x$ImportRepeat; $latencyMs ms latency, $rateLimit requests/s per credential; Pace: 1,200 users x$RemovalRepeat, Admin API 200/min, Jira 10/s, 20 ms)"
    'parts'     = ($Part -join ', ') + $(if ('Pace' -in $Part -and 'Removal' -notin $Part) { ' (only the figures of these parts are below)' } else { '' })
    'duration'  = "{0:N0} s" -f ((Get-Date) - $started).TotalSeconds
}
$md = [System.Text.StringBuilder]::new()
[void]$md.AppendLine('# JiraDeactivate benchmarks')
[void]$md.AppendLine()
[void]$md.AppendLine('Written by `./build.ps1 Bench` (build/bench.ps1). Compared runs are interleaved in one run and medians taken; on a shared machine only the ratios mean much. Targets are recorded, never asserted.')
[void]$md.AppendLine()
[void]$md.AppendLine('| machine | |')
[void]$md.AppendLine('|---|---|')
foreach ($k in $machine.Keys) { [void]$md.AppendLine("| $k | $($machine[$k]) |") }
[void]$md.AppendLine()
[void]$md.AppendLine('| figure | value | unit | target | met | note |')
[void]$md.AppendLine('|---|---:|---|---|---|---|')
foreach ($f in $figures) {
    $met = if ($null -eq $f.Met) { '' } elseif ($f.Met) { 'yes' } else { '**no**' }
    [void]$md.AppendLine("| $($f.Kind) $($f.Name) | $($f.Value) | $($f.Unit) | $($f.Target) | $met | $($f.Note -replace '\|', '/') |")
}
[void]$md.AppendLine()
[void]$md.AppendLine('Definitions: the CSV floor is reading the file''s bytes ([IO.File]::ReadAllBytes) plus a compiled cmdlet emitting as many pre-built objects of the reader''s shape (JiraUserActivity copies made before the clock starts) into a compiled consumer that passes on as many as the module finds inactive, into Measure-Object, timed in the same warm session as the module (a floor must not contain the code it judges). The CSV profile (bench/profile) times the reader stage by stage without PowerShell. The rate-limit floor is requests / rate limit: "total" counts every request the module needed (429s left out) against one bucket, as the issue defines it; the per-credential floor takes the busier of the two credentials (Jira REST basic auth, Admin API bearer key), which the emulator limits separately, and is the one the target is judged on. The emulator''s buckets start full (one second of burst), so a client can finish a little under either floor.')
Set-Content -Path $ResultPath -Value $md.ToString() -Encoding utf8NoBOM
Write-Step "wrote $ResultPath"
