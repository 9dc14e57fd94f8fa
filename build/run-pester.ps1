<#
.SYNOPSIS
    Runs the Pester tests against the built module, in this (fresh) pwsh process.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string] $TestPath = (Join-Path $PSScriptRoot '../tests/pester')
)
$ErrorActionPreference = 'Stop'
$packages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
Import-Module (Join-Path $packages.Trim() 'pester/6.2.0/tools/Pester.psd1')
$env:JIRADEACTIVATE_MODULE = $ModulePath
$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = $(if ($env:PESTER_VERBOSITY) { $env:PESTER_VERBOSITY } else { "Normal" })
$configuration.Output.RenderMode = 'Plaintext'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
$result = Invoke-Pester -Configuration $configuration
exit ([int]($result.FailedCount -gt 0 -or $result.Result -ne 'Passed'))
