# The package that build.ps1 Package publishes: built from the built module by build/package.ps1 into TestDrive,
# expanded like an installed module, and imported in a fresh pwsh (a binary module cannot be loaded twice here).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $manifest = Import-PowerShellDataFile (Join-Path $RepoRoot 'JiraDeactivate.psd1')
    $moduleDir = (Get-Module JiraDeactivate).ModuleBase
    $feed = Join-Path $TestDrive 'feed'

    function Invoke-FreshPwsh([string] $Command) {
        # dotnet pwsh needs the repository's tool manifest, so it starts from the repository root.
        Push-Location $RepoRoot
        try { $output = dotnet pwsh -NoProfile -NonInteractive -Command $Command 2>&1 }
        finally { Pop-Location }
        if ($LASTEXITCODE -ne 0) { throw "pwsh failed ($LASTEXITCODE): $($output -join "`n")" }
        $output
    }

    Invoke-FreshPwsh "& '$(Join-Path $RepoRoot 'build/package.ps1')' -ModuleDir '$moduleDir' -Feed '$feed'" | Out-Null
    $package = @(Get-ChildItem $feed -Filter '*.nupkg')
    $installed = Join-Path $TestDrive 'modules/JiraDeactivate'
    [System.IO.Compression.ZipFile]::ExtractToDirectory($package[0].FullName, $installed)
    [xml] $nuspec = Get-Content (Join-Path $installed 'JiraDeactivate.nuspec') -Raw
}

Describe 'The module package' {
    It 'is one .nupkg named after the module and its version' {
        $package.Name | Should -Be "JiraDeactivate.$($manifest.ModuleVersion).nupkg"
    }

    It 'carries the gallery metadata: description, tags, project and licence URIs, release notes' {
        $metadata = $nuspec.package.metadata
        $metadata.description | Should -Be $manifest.Description
        $metadata.tags -split ' ' | Should -Contain 'PSEdition_Core'
        $metadata.tags -split ' ' | Should -Contain 'Jira'
        $metadata.projectUrl | Should -Be $manifest.PrivateData.PSData.ProjectUri
        $metadata.licenseUrl | Should -Be $manifest.PrivateData.PSData.LicenseUri
        $metadata.releaseNotes | Should -Match 'Remove-JiraProductAccess'
    }

    It 'holds the help files and no build leftovers' {
        Join-Path $installed 'en-US/JiraDeactivate.dll-Help.xml' | Should -Exist
        Join-Path $installed 'en-US/about_JiraDeactivate.help.txt' | Should -Exist
        Get-ChildItem $installed -Filter '*.pdb' -Recurse | Should -BeNullOrEmpty
        Join-Path $installed 'bin/JiraDeactivate.xml' | Should -Not -Exist
        Join-Path $installed 'bin/dependencies/JiraDeactivate.Core.xml' | Should -Not -Exist
    }

    It 'holds the cmdlets in bin/ and their dependencies in bin/dependencies, and the manifest loads only the cmdlets' {
        foreach ($file in 'bin/JiraDeactivate.dll', 'bin/JiraDeactivate.deps.json', 'bin/dependencies/JiraDeactivate.Core.dll', 'bin/dependencies/CsvHelper.dll', 'bin/dependencies/Polly.Core.dll') {
            Join-Path $installed $file | Should -Exist
        }
        Get-ChildItem $installed -Filter '*.dll' | Should -BeNullOrEmpty -Because 'PowerShell probes the module folder itself'
        Get-ChildItem (Join-Path $installed 'bin') -Filter '*.dll' | ForEach-Object Name | Should -Be 'JiraDeactivate.dll' -Because '.NET resolves a dependency beside the assembly that needs it into PowerShell''s context'
        $manifest.RootModule | Should -Be 'bin/JiraDeactivate.dll'
        $manifest.Keys | Should -Not -Contain 'RequiredAssemblies'
        $manifest.Keys | Should -Not -Contain 'NestedModules'
    }

    It 'refuses to package a module without its help' {
        $incomplete = Join-Path $TestDrive 'incomplete/JiraDeactivate'
        Copy-Item $moduleDir $incomplete -Recurse
        Remove-Item (Join-Path $incomplete 'en-US') -Recurse
        { Invoke-FreshPwsh "& '$(Join-Path $RepoRoot 'build/package.ps1')' -ModuleDir '$incomplete' -Feed '$(Join-Path $TestDrive 'feed2')'" } |
            Should -Throw -ExpectedMessage '*missing: en-US/JiraDeactivate.dll-Help.xml*'
    }

    It 'imports in a fresh pwsh, exports the cmdlets of the manifest and shows their help' {
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$installed'
`$module = Get-Module JiraDeactivate
[pscustomobject]@{
    Base         = `$module.ModuleBase
    Editions     = @(`$module.CompatiblePSEditions)
    PowerShell   = "`$(`$module.PowerShellVersion)"
    Cmdlets      = @((Get-Command -Module JiraDeactivate).Name)
    Synopsis     = (Get-Help Remove-JiraProductAccess -Full).Synopsis
    Examples     = @((Get-Help Remove-JiraProductAccess -Full).examples.example).Count
    About        = (Get-Help about_JiraDeactivate | Out-String)
    Table        = (Import-CsvExport '$Sample' | Select-Object -First 2 | Out-String -Width 200)
} | ConvertTo-Json -Compress
"@
        $result = (Invoke-FreshPwsh $script | Select-Object -Last 1) | ConvertFrom-Json
        $result.Base | Should -Be $installed
        $result.Editions | Should -Be @('Core')
        $result.PowerShell | Should -Be '7.4'
        $result.Cmdlets | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $result.Synopsis | Should -Be "Removes users' access to a Jira product by removing them from the groups that grant it; keeps their accounts."
        $result.Examples | Should -BeGreaterThan 1
        $result.About | Should -Match 'LONG DESCRIPTION'
        $result.Table | Should -Match 'DisplayName\s+Email\s+Status\s+AddedToOrg\s+Products' -Because 'the format views apply to the types of the module''s load context'
    }
}
