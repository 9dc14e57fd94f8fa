# Dot-sourced by every test file: imports the BUILT module (never the source tree) named by build/run-pester.ps1.
$modulePath = $env:JIRADEACTIVATE_MODULE
if (-not $modulePath) { throw 'JIRADEACTIVATE_MODULE is not set: run the tests through ./build.ps1 Test.' }
Import-Module $modulePath -ErrorAction Stop
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
$script:Sample = Join-Path $script:RepoRoot 'samples/export-users.csv'
$script:SampleAsOf = [datetime]'2026-11-02'

function New-TestExport {
    # Writes CSV text to a new file in TestDrive and returns its path.
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Content, [string] $Name = "export-$([guid]::NewGuid().ToString('N')).csv")
    $path = Join-Path $TestDrive $Name
    [System.IO.File]::WriteAllText($path, $Content.Replace("`r`n", "`n"), [System.Text.UTF8Encoding]::new($false))
    $path
}
