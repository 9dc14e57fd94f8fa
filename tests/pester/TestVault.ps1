# Dot-sourced by tests that need a SecretManagement vault (SecretManagement itself is not installed here): global
# Get-Secret, Get-SecretInfo and Set-Secret that behave as its documented commands do, backed by the JSON file
# $env:JIRADEACTIVATE_TEST_VAULT, so a child pwsh (a fresh profile) sees the same secrets. Only the vaults listed in
# $env:JIRADEACTIVATE_TEST_VAULTS (comma-separated) exist; any other name fails as an unregistered vault does.
function global:Read-TestVault {
    if (Test-Path $env:JIRADEACTIVATE_TEST_VAULT) { Get-Content -Raw $env:JIRADEACTIVATE_TEST_VAULT | ConvertFrom-Json -AsHashtable } else { @{} }
}
function global:Assert-TestVault([string] $Vault) {
    if ($Vault -notin ($env:JIRADEACTIVATE_TEST_VAULTS -split ',')) { throw "Unable to find secret vault '$Vault'. Run Get-SecretVault to see registered vaults." }
}
function global:Set-Secret {
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [object] $Secret, [string] $Vault)
    Assert-TestVault $Vault
    $secrets = Read-TestVault
    $value = if ($Secret -is [securestring]) { @{ Type = 'SecureString'; Value = (ConvertFrom-SecureString $Secret -AsPlainText) } } else { @{ Type = $Secret.GetType().Name; Value = "$Secret" } }
    $secrets["$Vault/$Name"] = $value
    $secrets | ConvertTo-Json -Depth 5 | Set-Content -Path $env:JIRADEACTIVATE_TEST_VAULT
}
function global:Get-SecretInfo {
    param([string] $Name = '*', [string] $Vault)
    Assert-TestVault $Vault
    (Read-TestVault).GetEnumerator() | Where-Object { $_.Key -like "$Vault/$Name" } | ForEach-Object {
        [pscustomobject]@{ Name = $_.Key.Substring($Vault.Length + 1); Type = $_.Value.Type; VaultName = $Vault }
    }
}
function global:Get-Secret {
    param([Parameter(Mandatory)] [string] $Name, [string] $Vault, [switch] $AsPlainText)
    Assert-TestVault $Vault
    $secret = (Read-TestVault)["$Vault/$Name"]
    if (-not $secret) { Write-Error "The secret $Name was not found." -ErrorId GetSecretNotFound; return }
    if ($secret.Type -eq 'SecureString' -and -not $AsPlainText) { ConvertTo-SecureString $secret.Value -AsPlainText -Force } else { $secret.Value }
}
