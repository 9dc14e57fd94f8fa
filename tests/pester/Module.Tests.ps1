BeforeAll { . (Join-Path $PSScriptRoot 'Common.ps1') }

Describe 'The built module' {
    It 'loads from the out folder as a binary module with its manifest' {
        $module = Get-Module JiraDeactivate
        $module.ModuleType | Should -Be 'Binary'
        $module.ModuleBase | Should -BeLike '*out*JiraDeactivate*'
        $module.Version | Should -Be ([version](Import-PowerShellDataFile (Join-Path $RepoRoot 'JiraDeactivate.psd1')).ModuleVersion)
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
