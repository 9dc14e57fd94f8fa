<#
.SYNOPSIS
    Writes the built module as a .nupkg to a local feed folder (what Publish-PSResource pushes to a gallery).
#>
param([Parameter(Mandatory)] [string] $ModuleDir, [Parameter(Mandatory)] [string] $Feed)
$ErrorActionPreference = 'Stop'
$repository = 'JiraDeactivateLocalBuild'
Register-PSResourceRepository -Name $repository -Uri $Feed -Trusted -Force
try {
    Test-ModuleManifest (Join-Path $ModuleDir 'JiraDeactivate.psd1') | Out-Null
    Publish-PSResource -Path $ModuleDir -Repository $repository -SkipDependenciesCheck
    Get-ChildItem $Feed -Filter '*.nupkg' | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}
finally {
    Unregister-PSResourceRepository -Name $repository
}
