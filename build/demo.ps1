<#
.SYNOPSIS
    The demo: the module's main job on the shipped sample export, in a fresh pwsh with the built module.
#>
param([Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$sample = Join-Path $PSScriptRoot '../samples/export-users.csv'
# The sample's dates are relative to 1 Nov 2026; applying the rule at that date keeps the demo's output the same every day.
$asOf = [datetime]'2026-11-02'

Write-Host "`n== Import-CsvExport $sample | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf 2026-11-02"
$inactive = Import-CsvExport $sample | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf
$inactive | Select-Object -First 15 | Format-Table | Out-String -Width 160 | Write-Host
Write-Host "... $($inactive.Count) inactive Jira Software seats in all; by site:"
$inactive | Group-Object Site | Sort-Object Name | Format-Table Count, Name -AutoSize | Out-String | Write-Host
$never = @($inactive | Where-Object NeverActive).Count
Write-Host "Never used Jira Software: $never; inactive for more than a year: $(@($inactive | Where-Object DaysInactive -gt 365).Count)."

Write-Host "`n== Jira Service Management, more than 30 days, excluding contractors"
$jsm = Import-CsvExport $sample | Get-InactiveJiraUser -Product JiraServiceManagement -MoreThan 30 -AsOf $asOf -Exclude '*@contractor.example'
Write-Host "$($jsm.Count) inactive Jira Service Management seats."
