<#
.SYNOPSIS
    Run by tests/pester/Coexistence.Tests.ps1 in a fresh pwsh: puts other modules' versions of JiraDeactivate's
    dependencies into the same process (before or after the module) and uses the module, as a session that also
    loads Az, Microsoft.Graph or PnP would.
.DESCRIPTION
    Prints one JSON line: what each step returned or the text of its error, and which version of each
    dependency every load context holds. The emulator's details come in $env:JIRADEACTIVATE_TEST_EMULATOR (JSON),
    so its test secrets appear on no command line.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [ValidateSet('OthersFirst', 'ModuleFirst')] [string] $Order,
    [Parameter(Mandatory)] [string] $PackagesRoot,
    [Parameter(Mandatory)] [string] $ExportPath,
    [Parameter(Mandatory)] [datetime] $AsOf
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# What another module would bring: older versions before the module, newer ones after it.
$others = @{
    OthersFirst = @(
        'Microsoft.Extensions.Primitives/6.0.0', 'Microsoft.Extensions.DependencyInjection.Abstractions/6.0.0',
        'Microsoft.Extensions.Options/6.0.0', 'Microsoft.Extensions.Logging.Abstractions/6.0.0',
        'Microsoft.Extensions.Http/6.0.0', 'Polly.Core/8.1.0', 'CsvHelper/30.0.1')
    ModuleFirst = @('Microsoft.Extensions.DependencyInjection.Abstractions/10.0.0', 'Microsoft.Extensions.Http/10.0.0')
}[$Order]
$watched = 'Microsoft.Extensions.Http', 'Microsoft.Extensions.DependencyInjection.Abstractions', 'Microsoft.Extensions.Options',
    'Microsoft.Extensions.Primitives', 'Microsoft.Extensions.Logging.Abstractions', 'Polly.Core', 'CsvHelper', 'JiraDeactivate', 'JiraDeactivate.Core'
$emulator = $env:JIRADEACTIVATE_TEST_EMULATOR | ConvertFrom-Json

function Get-PackageAssemblyPath([string] $Package) {
    # The package's build for the newest framework this runtime can load.
    $name, $version = $Package -split '/'
    $lib = Join-Path $PackagesRoot "$($name.ToLowerInvariant())/$version/lib"
    foreach ($framework in 'net10.0', 'net8.0', 'net6.0', 'net5.0', 'netstandard2.1', 'netstandard2.0') {
        $path = Join-Path $lib "$framework/$name.dll"
        if (Test-Path -LiteralPath $path) { return $path }
    }
    throw "No loadable build of $Package under $lib (restore build/pester/pester.csproj)."
}

function Import-OtherAssembly {
    # [Reflection.Assembly]::LoadFrom, as a module that lists them in RequiredAssemblies does; returns "name version".
    foreach ($package in $others) {
        $assembly = [System.Reflection.Assembly]::LoadFrom((Get-PackageAssemblyPath $package))
        "$($assembly.GetName().Name) $($assembly.GetName().Version)"
    }
}

function Invoke-Step {
    # Runs one step and records its result or its error, so one failure does not hide what the next steps do.
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [scriptblock] $Action)
    try { $steps.Add([pscustomobject]@{ Step = $Name; Result = (& $Action); Error = $null }) }
    catch { $steps.Add([pscustomobject]@{ Step = $Name; Result = $null; Error = "$($_.Exception.GetType().FullName): $($_.Exception.Message)" }) }
}

function Invoke-Module([string] $Round) {
    # The CSV path, Connect-JiraAdmin and the API path, each recorded with the number of objects it returned.
    Invoke-Step "$Round csv" { @(Import-CsvExport -LiteralPath $ExportPath | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $AsOf).Count }
    Invoke-Step "$Round connect" {
        $credential = [pscredential]::new($emulator.email, (ConvertTo-SecureString $emulator.apiToken -AsPlainText -Force))
        $key = ConvertTo-SecureString $emulator.adminApiKey -AsPlainText -Force
        @(Connect-JiraAdmin -Site $emulator.siteUrl -Credential $credential -AdminApiKey $key -AdminApiUri $emulator.adminApiUrl -PassThru).Count
    }
    Invoke-Step "$Round api" { @(Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $AsOf).Count }
    Invoke-Step "$Round license" { @(Get-JiraProductLicense).Count }
    Disconnect-JiraAdmin -ErrorAction SilentlyContinue
}

function Get-LoadedAssembly {
    # Every watched assembly loaded in the process: "<load context>: <name> <version>".
    foreach ($context in [System.Runtime.Loader.AssemblyLoadContext]::All) {
        foreach ($assembly in $context.Assemblies) {
            $name = $assembly.GetName()
            if ($name.Name -in $watched) { "$($context.Name): $($name.Name) $($name.Version)" }
        }
    }
}

$steps = [System.Collections.Generic.List[object]]::new()
if ($Order -eq 'OthersFirst') { Invoke-Step 'load others' { Import-OtherAssembly } }
Invoke-Step 'import' { Import-Module $ModulePath -PassThru | ForEach-Object Name }
Invoke-Module 'first'
if ($Order -eq 'ModuleFirst') {
    Invoke-Step 'load others' { Import-OtherAssembly }
    Invoke-Module 'second'
}
[pscustomobject]@{ Steps = $steps; Loaded = @(Get-LoadedAssembly | Sort-Object) } | ConvertTo-Json -Compress -Depth 4
