<#
.SYNOPSIS
    Builds, tests, demonstrates, benchmarks and packages the JiraDeactivate module.
.DESCRIPTION
    Build    compiles the solution and lays the module out in out/JiraDeactivate/<version>/.
    Test     builds, runs xunit and Pester (in a fresh pwsh, against the built module) and ends with
             one line "total: N passed, N failed, N skipped"; exits 1 when a test failed or none ran.
    Demo     builds and runs the module's main job: the CSV path on the shipped sample export, then the
             API path and a removal with preview, verification and restore against the local emulator.
    Bench    builds and measures the CSV path, the API path, removal and Import-Module side by side with
             what admins use today and with the floor; -Full for the large sizes. Writes bench/results/latest.md.
    Docs     turns docs/en-US/*.md into the module's MAML help and about topic (also part of Build).
    Package  builds and writes a .nupkg ready for Publish-PSResource / Publish-Module to artifacts/package.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Docs', 'Package', 'Clean')]
    [string[]] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Bench: the large sizes (1,000,000 CSV users, 10,000 API users).
    [switch] $Full
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
if ($env:NO_COLOR -or [Console]::IsOutputRedirected) { $PSStyle.OutputRendering = 'PlainText' }
$manifest = Import-PowerShellDataFile (Join-Path $root 'JiraDeactivate.psd1')
$version = $manifest.ModuleVersion
$moduleRoot = Join-Path $root 'out/JiraDeactivate'
$moduleDir = Join-Path $moduleRoot $version
$artifacts = Join-Path $root 'artifacts'

function Invoke-Native {
    param([Parameter(Mandatory)] [string] $Command, [string[]] $Arguments = @(), [switch] $AllowFailure)
    & $Command @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0 -and -not $AllowFailure) { throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
    $LASTEXITCODE
}

function Invoke-FreshPwsh {
    # A binary module cannot be unloaded: every run against the built module gets its own pwsh.
    param([Parameter(Mandatory)] [string] $File, [string[]] $Arguments = @(), [switch] $AllowFailure)
    Invoke-Native dotnet (@('pwsh', '-NoProfile', '-NonInteractive', '-File', $File) + $Arguments) -AllowFailure:$AllowFailure
}

function Invoke-Build {
    Write-Host "== Build $Configuration (module $version)"
    Invoke-Native dotnet @('build', (Join-Path $root 'JiraDeactivate.sln'), '-c', $Configuration, "-p:Version=$version", '-nologo', '-clp:ErrorsOnly;Summary', '-v:q') | Out-Null
    if (Test-Path $moduleDir) { Remove-Item $moduleDir -Recurse -Force }
    # The module folder: manifest, format views and help at the top; the cmdlets' assembly in bin/, which the
    # manifest loads into PowerShell's context; the core and its packages in bin/dependencies, where neither
    # PowerShell's nor .NET's probing looks, loaded on first use into the module's own context
    # (src/JiraDeactivate/Loading/ModuleLoadContext.cs).
    $bin = Join-Path $moduleDir 'bin'
    $dependencies = Join-Path $bin 'dependencies'
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/JiraDeactivate/JiraDeactivate.csproj'), '-c', $Configuration, '--no-build', '-o', $dependencies, "-p:Version=$version", '-nologo', '-v:q') | Out-Null
    Get-ChildItem -LiteralPath $dependencies -File -Filter 'JiraDeactivate.*' | Where-Object { $_.Name -notlike 'JiraDeactivate.Core.*' } | Move-Item -Destination $bin
    Copy-Item -Destination $moduleDir -LiteralPath (Join-Path $root 'JiraDeactivate.psd1'), (Join-Path $root 'src/JiraDeactivate/JiraDeactivate.Format.ps1xml')
    Invoke-Docs
    Write-Host "Module: $moduleDir"
}

function Invoke-Docs {
    $converter = Join-Path $root 'build/docs.ps1'
    if (Test-Path $converter) { & $converter -DocsPath (Join-Path $root 'docs/en-US') -OutputPath $moduleDir }
}

function Invoke-Bench {
    Invoke-Build
    $arguments = @('-ModulePath', $moduleRoot)
    if ($Full) { $arguments += '-Full' }
    Invoke-FreshPwsh (Join-Path $root 'build/bench.ps1') $arguments | Out-Null
}

function Get-TestCounts {
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($trx in Get-ChildItem (Join-Path $artifacts 'trx') -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content $trx.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed; $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $skipped += [int]$counters.notExecuted
    }
    $pesterXml = Join-Path $artifacts 'pester.xml'
    if (Test-Path $pesterXml) {
        $results = ([xml](Get-Content $pesterXml -Raw)).'test-results'
        $notRun = 0
        foreach ($name in 'not-run', 'inconclusive', 'ignored', 'skipped', 'invalid') { $notRun += [int]$results.$name }
        $passed += [int]$results.total - [int]$results.failures - [int]$results.errors - $notRun
        $failed += [int]$results.failures + [int]$results.errors
        $skipped += $notRun
    }
    else {
        Write-Host 'Pester wrote no results.'
        $failed += 1
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped }
}

function Invoke-Test {
    Invoke-Build
    Invoke-Native dotnet @('restore', (Join-Path $root 'build/pester/pester.csproj'), '-nologo', '-v:q') | Out-Null
    if (Test-Path $artifacts) { Remove-Item $artifacts -Recurse -Force }
    New-Item -ItemType Directory -Path $artifacts | Out-Null

    Write-Host '== xunit'
    $xunitExit = Invoke-Native dotnet @('test', (Join-Path $root 'JiraDeactivate.sln'), '-c', $Configuration, '--no-build', '--logger', 'trx;LogFilePrefix=xunit', '--results-directory', (Join-Path $artifacts 'trx'), '--blame-hang-timeout', '5m', '-nologo') -AllowFailure
    Write-Host '== Pester (fresh pwsh, built module)'
    $pesterExit = Invoke-FreshPwsh (Join-Path $root 'build/run-pester.ps1') @('-ModulePath', $moduleRoot, '-ResultPath', (Join-Path $artifacts 'pester.xml')) -AllowFailure

    $counts = Get-TestCounts
    # CI parses "total: N passed, N failed"; the skipped count follows on the same line.
    "total: $($counts.Passed) passed, $($counts.Failed) failed, $($counts.Skipped) skipped"
    if ($xunitExit -ne 0 -or $pesterExit -ne 0 -or $counts.Failed -gt 0 -or $counts.Passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    Invoke-FreshPwsh (Join-Path $root 'build/demo.ps1') @('-ModulePath', $moduleRoot) | Out-Null
}

function Invoke-Package {
    Invoke-Build
    $feed = Join-Path $artifacts 'package'
    if (Test-Path $feed) { Remove-Item $feed -Recurse -Force }
    New-Item -ItemType Directory -Path $feed | Out-Null
    Invoke-FreshPwsh (Join-Path $root 'build/package.ps1') @('-ModuleDir', $moduleDir, '-Feed', $feed) | Out-Null
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Bench' { Invoke-Bench }
        'Docs' { if (-not (Test-Path $moduleDir)) { Invoke-Build } else { Invoke-Docs } }
        'Package' { Invoke-Package }
        'Clean' { Remove-Item (Join-Path $root 'out'), $artifacts -Recurse -Force -ErrorAction SilentlyContinue }
    }
}
