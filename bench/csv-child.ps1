<#
.SYNOPSIS
    One CSV variant of build/bench.ps1, in its own pwsh so its peak working set is its own. Prints one JSON line.
.DESCRIPTION
    Module     Import-CsvExport <file> | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf <date> | Measure-Object
    ImportCsv  the script admins write today: Import-Csv | Where-Object, same dates, same rule, same count
    ReadOnly   Import-CsvExport <file> | Measure-Object (profile: parsing plus passing every user down the pipeline)
    Pipeline   the cost of passing the same number of objects through a pipeline of two binary cmdlets and Measure-Object
    Idle       nothing: the peak working set of a bare pwsh (IdleModule: after Import-Module)
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Module', 'ImportCsv', 'ReadOnly', 'Pipeline', 'Idle', 'IdleModule')] [string] $Variant,
    [string] $ModulePath,
    [string] $File,
    [datetime] $AsOf = '2026-11-02',
    [int] $MoreThan = 90,
    [long] $Users = 0,
    [long] $Count = 0
)
$ErrorActionPreference = 'Stop'

function Get-PeakWorkingSet {
    # VmHWM: the resident set's high-water mark of this process (Linux); PeakWorkingSet64 elsewhere.
    $status = '/proc/self/status'
    if (Test-Path $status) {
        $line = Select-String -Path $status -Pattern '^VmHWM:\s+(\d+)\s+kB' | Select-Object -First 1
        if ($line) { return [long]$line.Matches[0].Groups[1].Value * 1024 }
    }
    [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
}

$result = [ordered]@{ variant = $Variant; count = $null; users = $null; seconds = $null }
switch ($Variant) {
    'Module' {
        Import-Module $ModulePath
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $measure = Import-CsvExport $File | Get-InactiveJiraUser -Product JiraSoftware -MoreThan $MoreThan -AsOf $AsOf | Measure-Object
        $clock.Stop()
        $result.count = $measure.Count
    }
    'ReadOnly' {
        Import-Module $ModulePath
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $measure = Import-CsvExport $File | Measure-Object
        $clock.Stop()
        $result.users = $measure.Count
    }
    'ImportCsv' {
        # What admins write today: Import-Csv and a Where-Object with the module's rule. One result per site
        # where the user has Jira access and is inactive, like Get-InactiveJiraUser; active accounts only.
        $culture = [System.Globalization.CultureInfo]::InvariantCulture
        $asOfDay = $AsOf.Date
        $dataDate = $AsOf.AddHours(-24).Date
        $never = @('Never accessed', 'Never logged in', 'Never')
        $noAccess = @('No', 'False', 'None', '-', 'No access')
        $columns = foreach ($site in 'acme', 'acme-eu') { , @("Jira - $site", "Last seen in Jira - $site") }
        $seats = [int[]]::new(1)
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $measure = Import-Csv $File | Where-Object {
            if ($_.'User status' -ne 'Active') { return $false }
            $inactive = 0
            foreach ($column in $columns) {
                $access = $_.($column[0])
                if (-not $access -or $noAccess -contains $access) { continue }
                $seen = $_.($column[1])
                if ($seen -and $never -notcontains $seen) { $days = ($dataDate - [datetime]::ParseExact($seen, 'd MMM yyyy', $culture)).Days }
                elseif ($_.'Added to org') { $days = ($asOfDay - [datetime]::ParseExact($_.'Added to org', 'd MMM yyyy', $culture)).Days }
                else { $days = [int]::MaxValue }
                if ($days -gt $MoreThan) { $inactive++ }
            }
            $seats[0] += $inactive
            $inactive -gt 0
        } | Measure-Object
        $clock.Stop()
        $result.count = $seats[0]
        $result.users = $measure.Count
    }
    'Pipeline' {
        Add-Type -TypeDefinition @'
using System.Management.Automation;
namespace BenchPipeline {
    public sealed class Item { public string AccountId = "x"; }
    [Cmdlet("Send", "BenchObject")]
    public sealed class SendBenchObject : PSCmdlet {
        [Parameter] public long Count { get; set; }
        protected override void EndProcessing() { for (long i = 0; i < Count; i++) WriteObject(new Item()); }
    }
    [Cmdlet("Select", "BenchObject")]
    public sealed class SelectBenchObject : PSCmdlet {
        private long _seen;
        [Parameter(ValueFromPipeline = true)] public object InputObject { get; set; }
        [Parameter] public long Pass { get; set; }
        protected override void ProcessRecord() { if (_seen++ < Pass) WriteObject(InputObject); }
    }
}
'@ -PassThru | Select-Object -First 1 | ForEach-Object { Import-Module -Assembly $_.Assembly }
        Send-BenchObject -Count 1000 | Select-BenchObject -Pass 100 | Measure-Object | Out-Null
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $measure = Send-BenchObject -Count $Users | Select-BenchObject -Pass $Count | Measure-Object
        $clock.Stop()
        $result.count = $measure.Count
    }
    'Idle' { }
    'IdleModule' { Import-Module $ModulePath }
}
if ($clock) { $result.seconds = $clock.Elapsed.TotalSeconds }
$result.peakWorkingSet = Get-PeakWorkingSet
$result.allocatedBytes = [System.GC]::GetTotalAllocatedBytes($false)
$result.gcCount = [System.GC]::CollectionCount(0)
$result | ConvertTo-Json -Compress
