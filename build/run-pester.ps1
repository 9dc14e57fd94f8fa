<#
.SYNOPSIS
    Runs the Pester tests against the built module, in this (fresh) pwsh process.
.DESCRIPTION
    Pester runs in a runspace whose host prints as pwsh's own does but records -WhatIf's "What if:" lines and warnings
    in <result>.host.log (build/RecordingHost.cs): no test reads them from the console, so the run prints only file
    lines, failures and the summary.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string] $TestPath = (Join-Path $PSScriptRoot '../tests/pester')
)
$ErrorActionPreference = 'Stop'
$packages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
$env:JIRADEACTIVATE_MODULE = $ModulePath
Add-Type -Path (Join-Path $PSScriptRoot 'RecordingHost.cs')
$record = [System.IO.Path]::ChangeExtension([System.IO.Path]::GetFullPath($ResultPath), '.host.log')
$recorder = [JiraDeactivate.Build.RecordingHost]::new($Host, $record)
$runspace = [runspacefactory]::CreateRunspace($recorder)
$runspace.Open()
$runspace.SessionStateProxy.Path.SetLocation((Get-Location).ProviderPath) | Out-Null
$pester = [powershell]::Create()
$pester.Runspace = $runspace
$null = $pester.AddScript({
        param($PesterModule, $TestPath, $ResultPath)
        $ErrorActionPreference = 'Stop'
        Import-Module $PesterModule
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $TestPath
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = $(if ($env:PESTER_VERBOSITY) { $env:PESTER_VERBOSITY } else { "Normal" })
        $configuration.Output.RenderMode = 'Plaintext'
        $configuration.TestResult.Enabled = $true
        $configuration.TestResult.OutputFormat = 'NUnitXml'
        $configuration.TestResult.OutputPath = $ResultPath
        Invoke-Pester -Configuration $configuration
    }).AddArgument((Join-Path $packages.Trim() 'pester/6.2.0/tools/Pester.psd1')).AddArgument($TestPath).AddArgument($ResultPath)
$result = $pester.Invoke() | Select-Object -Last 1
foreach ($failure in $pester.Streams.Error) { Write-Host "ERROR: $failure" }
if ($recorder.Recorded -gt 0) { Write-Host "$($recorder.Recorded) What-if and warning lines of the tests: $record" }
$pester.Dispose()
$runspace.Dispose()
exit ([int]($null -eq $result -or $result.FailedCount -gt 0 -or $result.Result -ne 'Passed'))
