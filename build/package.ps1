<#
.SYNOPSIS
    Writes the built module as a .nupkg to a local feed folder (what Publish-PSResource pushes to a gallery).
.DESCRIPTION
    Stages the module without build leftovers (.pdb and the compiler's XML doc files), checks that it has its
    manifest, its assemblies (bin/ and bin/dependencies/) and its help (en-US/JiraDeactivate.dll-Help.xml and the about topic),
    and publishes it to -Feed.
    Publishing to a gallery is the same command with -Repository PSGallery -ApiKey <key>.
.EXAMPLE
    ./build/package.ps1 -ModuleDir ./out/JiraDeactivate/0.1.0 -Feed ./artifacts/package
#>
param([Parameter(Mandatory)] [string] $ModuleDir, [Parameter(Mandatory)] [string] $Feed)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$moduleName = 'JiraDeactivate'
$requiredFiles = "$moduleName.psd1", "bin/$moduleName.dll", "bin/$moduleName.deps.json", "bin/dependencies/$moduleName.Core.dll",
    "en-US/$moduleName.dll-Help.xml", "en-US/about_$moduleName.help.txt"

function Test-PackageContent {
    # The files an installed module needs; the help is built by build/docs.ps1, which a partial build can skip.
    param([Parameter(Mandatory)] [string] $Path)
    $missing = $requiredFiles | Where-Object { -not (Test-Path -LiteralPath (Join-Path $Path $_)) }
    if ($missing) { throw "The module in '$Path' is incomplete, missing: $($missing -join ', '). Run ./build.ps1 Build first." }
    Test-ModuleManifest (Join-Path $Path "$moduleName.psd1") | Out-Null
}

function Copy-ModuleForPackage {
    # A copy without debug symbols and the compiler's XML doc files (<assembly>.xml next to <assembly>.dll).
    param([Parameter(Mandatory)] [string] $Source, [Parameter(Mandatory)] [string] $Destination)
    Copy-Item -LiteralPath $Source -Destination $Destination -Recurse
    $leftovers = Get-ChildItem -LiteralPath $Destination -File -Recurse | Where-Object {
        $_.Extension -eq '.pdb' -or ($_.Extension -eq '.xml' -and (Test-Path -LiteralPath ([System.IO.Path]::ChangeExtension($_.FullName, '.dll'))))
    }
    $leftovers | Remove-Item
}

function Publish-ToFeed {
    # A repository name per process, so that two builds publishing at once do not unregister each other's.
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Feed)
    $repository = "JiraDeactivateLocalBuild$PID"
    Register-PSResourceRepository -Name $repository -Uri $Feed -Trusted -Force
    try { Publish-PSResource -Path $Path -Repository $repository -SkipDependenciesCheck }
    finally { Unregister-PSResourceRepository -Name $repository }
}

$staging = Join-Path ([System.IO.Path]::GetTempPath()) "jiradeactivate-package-$([guid]::NewGuid().ToString('N'))"
$stagedModule = Join-Path $staging $moduleName
try {
    New-Item -ItemType Directory -Path $staging | Out-Null
    Test-PackageContent -Path $ModuleDir
    Copy-ModuleForPackage -Source $ModuleDir -Destination $stagedModule
    New-Item -ItemType Directory -Path $Feed -Force | Out-Null
    Publish-ToFeed -Path $stagedModule -Feed (Resolve-Path -LiteralPath $Feed).ProviderPath
    Get-ChildItem -LiteralPath $Feed -Filter '*.nupkg' | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}
finally {
    Remove-Item -LiteralPath $staging -Recurse -Force -ErrorAction SilentlyContinue
}
