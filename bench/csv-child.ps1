<#
.SYNOPSIS
    One CSV measurement of build/bench.ps1, in its own pwsh so its peak working set is its own. Prints one JSON line.
.DESCRIPTION
    Warm       one session, every form timed side by side after a warm-up, interleaved -Repeat times:
               floor      [IO.File]::ReadAllBytes of the file + a compiled cmdlet emitting as many pre-built
                          JiraUserActivity objects (built before the clock starts) into a compiled consumer that passes
                          on as many as the module finds inactive, into Measure-Object: what reading the file and
                          moving the objects cost, without the reader it judges
               module     Import-CsvExport <file> | Get-InactiveJiraUser ... | Measure-Object
               path       Get-InactiveJiraUser -Path <file> ... | Measure-Object
               importcsv  the script admins write today: Import-Csv | Where-Object, same dates, same rule, same count
    Module, Path, ImportCsv: one form in a fresh process (peak working set; the parent times the whole process)
    Idle       nothing: the peak working set of a bare pwsh (IdleModule: after Import-Module)
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Warm', 'Module', 'Path', 'ImportCsv', 'Idle', 'IdleModule')] [string] $Variant,
    [string] $ModulePath,
    [string] $File,
    [datetime] $AsOf = '2026-11-02',
    [int] $MoreThan = 90,
    [int] $Repeat = 3,
    # Warm: the forms to time (a module without -Path, such as an older build, is timed without 'path').
    [ValidateSet('floor', 'module', 'path', 'importcsv')] [string[]] $Forms = @('floor', 'module', 'path', 'importcsv')
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

function Measure-Module { (Import-CsvExport $File | Get-InactiveJiraUser -Product JiraSoftware -MoreThan $MoreThan -AsOf $AsOf | Measure-Object).Count }
function Measure-Path { (Get-InactiveJiraUser -Path $File -Product JiraSoftware -MoreThan $MoreThan -AsOf $AsOf | Measure-Object).Count }
function Measure-ImportCsv {
    # What admins write today: Import-Csv and a Where-Object with the module's rule. One result per site where the
    # user has Jira access and is inactive, like Get-InactiveJiraUser; active accounts only. Returns the seats.
    $culture = [System.Globalization.CultureInfo]::InvariantCulture
    $asOfDay = $AsOf.Date
    $dataDate = $AsOf.AddHours(-24).Date
    $never = @('Never accessed', 'Never logged in', 'Never')
    $noAccess = @('No', 'False', 'None', '-', 'No access')
    $columns = foreach ($site in 'acme', 'acme-eu') { , @("Jira - $site", "Last seen in Jira - $site") }
    $seats = [int[]]::new(1)
    Import-Csv $File | Where-Object {
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
    } | Measure-Object | Out-Null
    $seats[0]
}
function Add-FloorCmdlets {
    Add-Type -TypeDefinition @'
using System.Management.Automation;
using System.Reflection;
namespace BenchFloor {
    public static class Objects {
        public static object[] Items = new object[0];
        // Copies of one JiraUserActivity of the file (the reader's shape: the same properties, products and groups),
        // made before any clock starts. A memberwise copy: the floor must not run the reader it judges.
        public static void Build(object template, long count) {
            var copy = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic);
            Items = new object[count];
            for (long i = 0; i < count; i++) Items[i] = copy.Invoke(template, null);
        }
    }
    [Cmdlet("Send", "BenchObject")]
    public sealed class SendBenchObject : PSCmdlet {
        protected override void EndProcessing() { foreach (var item in Objects.Items) WriteObject(item); }
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
}
function Measure-Floor([long] $Pass) {
    $bytes = [System.IO.File]::ReadAllBytes($File)
    (Send-BenchObject | Select-BenchObject -Pass $Pass | Measure-Object).Count + 0 * $bytes.Length
}
function Measure-Seconds([scriptblock] $Work) {
    # CPU time beside the wall clock: on a shared machine it moves less with the other processes' load.
    [GC]::Collect()
    $self = [System.Diagnostics.Process]::GetCurrentProcess()
    $cpu = $self.TotalProcessorTime
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $count = & $Work
    $clock.Stop()
    $self.Refresh()
    [pscustomobject]@{ seconds = $clock.Elapsed.TotalSeconds; cpu = ($self.TotalProcessorTime - $cpu).TotalSeconds; found = $count }
}

$result = [ordered]@{ variant = $Variant }
switch ($Variant) {
    'Warm' {
        Import-Module $ModulePath
        Add-FloorCmdlets
        $users = (Import-CsvExport $File | Measure-Object).Count
        [BenchFloor.Objects]::Build((Import-CsvExport $File | Select-Object -First 1), $users)
        $seats = Measure-Module
        # Warm-up: every form once (JIT, file cache); the script on the whole file is slow enough not to need it.
        Measure-Floor $seats | Out-Null
        if ('path' -in $Forms) { Measure-Path | Out-Null }
        $work = @{ floor = { Measure-Floor $seats }; module = { Measure-Module }; path = { Measure-Path }; importcsv = { Measure-ImportCsv } }
        $runs = @{ floor = @(); module = @(); path = @(); importcsv = @() }
        for ($i = 0; $i -lt $Repeat; $i++) {
            foreach ($k in $Forms) { $runs[$k] += Measure-Seconds $work[$k] }
        }
        $result.users = $users
        foreach ($k in $Forms) {
            $result["${k}Seconds"] = @($runs[$k].seconds)
            $result["${k}CpuSeconds"] = @($runs[$k].cpu)
            $result["${k}Counts"] = @($runs[$k].found | Sort-Object -Unique)
        }
    }
    'Module' { Import-Module $ModulePath; $result.count = Measure-Module }
    'Path' { Import-Module $ModulePath; $result.count = Measure-Path }
    'ImportCsv' { $result.count = Measure-ImportCsv }
    'Idle' { }
    'IdleModule' { Import-Module $ModulePath }
}
$result.peakWorkingSet = Get-PeakWorkingSet
$result.allocatedBytes = [System.GC]::GetTotalAllocatedBytes($false)
$result | ConvertTo-Json -Compress
