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

Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force

function Connect-TestEmulator {
    # Connects the module to an emulator with its admin's email, API token and organization API key.
    param([Parameter(Mandatory)] $Emulator, [switch] $PassThru)
    $credential = [pscredential]::new($Emulator.email, (ConvertTo-SecureString $Emulator.apiToken -AsPlainText -Force))
    $key = ConvertTo-SecureString $Emulator.adminApiKey -AsPlainText -Force
    Connect-JiraAdmin -Site $Emulator.siteUrl -Credential $credential -AdminApiKey $key -AdminApiUri $Emulator.adminApiUrl -PassThru:$PassThru
}

function Get-EmulatorMembership {
    # Every group membership of the emulator's state as sorted "group|accountId" strings.
    param([Parameter(Mandatory)] $Emulator)
    (Get-JiraEmulatorState $Emulator).groups | ForEach-Object { $group = $_.name; $_.members | ForEach-Object { "$group|$_" } } | Sort-Object
}

function Save-EmulatorExport {
    # The emulator's state as an "Export users" CSV file in TestDrive.
    param([Parameter(Mandatory)] $Emulator, [string] $Name = 'emulator-export.csv')
    $path = Join-Path $TestDrive $Name
    Invoke-WebRequest "$($Emulator.controlUrl)/export.csv" -OutFile $path
    $path
}
