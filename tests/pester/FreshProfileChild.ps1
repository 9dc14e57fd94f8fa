# Run by JournalIntegrity.Tests.ps1 in a fresh pwsh whose per-user data folder is empty (another machine, or a new
# sandbox), optionally with a SecretManagement vault registered: connects to the emulator named in JIRADEACTIVATE_TEST_EMULATOR and restores a journal, printing one JSON line.
param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $JournalPath, [string] $KeyPath, [string] $KeyVault)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$emu = $env:JIRADEACTIVATE_TEST_EMULATOR | ConvertFrom-Json
$credential = [pscredential]::new($emu.email, (ConvertTo-SecureString $emu.apiToken -AsPlainText -Force))
Connect-JiraAdmin -Site $emu.siteUrl -Credential $credential | Out-Null
$parameters = @{ JournalPath = $JournalPath; Confirm = $false }
if ($KeyPath) { $parameters.KeyPath = $KeyPath }
if ($KeyVault) {
    # The vault this machine has registered (JIRADEACTIVATE_TEST_VAULT names its secrets' file).
    . (Join-Path $PSScriptRoot 'TestVault.ps1')
    $parameters.KeyVault = $KeyVault
}
$restored = @(Restore-JiraProductAccess @parameters -ErrorVariable failures -ErrorAction SilentlyContinue 6>$null)
[pscustomobject]@{
    DataFolder = [Environment]::GetFolderPath('LocalApplicationData', 'Create')
    Restored   = @($restored | Where-Object Status -eq 'Restored' | ForEach-Object AccountId)
    Errors     = @($failures | ForEach-Object { @{ Id = $_.FullyQualifiedErrorId; Message = $_.Exception.Message; Category = "$($_.CategoryInfo.Category)" } })
} | ConvertTo-Json -Compress -Depth 5
