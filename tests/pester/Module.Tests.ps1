BeforeAll { . (Join-Path $PSScriptRoot 'Common.ps1') }

Describe 'The built module' {
    It 'loads from the out folder with its manifest, its cmdlets from bin/ and its core from bin/dependencies in a load context of its own' {
        $module = Get-Module JiraDeactivate
        $module.ModuleBase | Should -BeLike '*out*JiraDeactivate*'
        $module.Version | Should -Be ([version](Import-PowerShellDataFile (Join-Path $RepoRoot 'JiraDeactivate.psd1')).ModuleVersion)
        $assembly = (Get-Command Import-CsvExport).ImplementingType.Assembly
        $assembly.Location | Should -Be (Join-Path $module.ModuleBase 'bin/JiraDeactivate.dll')
        $core = (Get-Command Import-CsvExport).OutputType[0].Type.Assembly
        $core.Location | Should -Be (Join-Path $module.ModuleBase 'bin/dependencies/JiraDeactivate.Core.dll')
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core).Name | Should -Be 'JiraDeactivate'
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $listed = (Import-PowerShellDataFile (Join-Path $RepoRoot 'JiraDeactivate.psd1')).CmdletsToExport | Sort-Object
        $exported = (Get-Command -Module JiraDeactivate).Name | Sort-Object
        $exported | Should -Be $listed
    }

    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        Get-Command -Module JiraDeactivate | ForEach-Object { $approved | Should -Contain $_.Verb }
    }

    It 'declares an OutputType on every cmdlet' {
        Get-Command -Module JiraDeactivate | ForEach-Object { $_.OutputType.Count | Should -BeGreaterThan 0 -Because $_.Name }
    }
}
