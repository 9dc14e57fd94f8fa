# JiraDeactivate beside other modules' versions of its dependencies in one process (issue 14), as in a runbook that
# also loads Az, Microsoft.Graph or PnP. Each case runs tests/pester/CoexistenceChild.ps1 in a fresh pwsh, which
# loads the other versions with [Reflection.Assembly]::LoadFrom before or after the module and uses the module.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emu = Start-JiraEmulator -Users 150 -Seed 5 -ArgumentList '--as-of', '2026-11-01'
    $asOf = [datetime]'2026-11-02'
    $export = Save-EmulatorExport $emu
    $packages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()

    # What the same steps give in this process, where nothing else is loaded beside the module.
    $expectedCsv = @(Import-CsvExport -LiteralPath $export | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf).Count
    Connect-TestEmulator $emu
    $expectedApi = @(Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90 -AsOf $asOf).Count
    $expectedLicenses = @(Get-JiraProductLicense).Count
    Disconnect-JiraAdmin

    function Invoke-Coexistence([string] $Order) {
        # The child reads the emulator's details (test secrets) from the environment, never from its command line.
        $env:JIRADEACTIVATE_TEST_EMULATOR = $emu | Select-Object * -ExcludeProperty Process | ConvertTo-Json -Compress
        Push-Location $RepoRoot
        try {
            $output = dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'CoexistenceChild.ps1') `
                -ModulePath $env:JIRADEACTIVATE_MODULE -Order $Order -PackagesRoot $packages -ExportPath $export -AsOf $asOf.ToString('yyyy-MM-dd') 2>&1
        }
        finally {
            Pop-Location
            Remove-Item Env:\JIRADEACTIVATE_TEST_EMULATOR
        }
        if ($LASTEXITCODE -ne 0) { throw "The child pwsh failed ($LASTEXITCODE): $($output -join "`n")" }
        $result = ($output | Where-Object { $_ -like '{*' } | Select-Object -Last 1) | ConvertFrom-Json
        $result | Add-Member -NotePropertyName Failures -NotePropertyValue @($result.Steps | Where-Object Error | ForEach-Object { "$($_.Step): $($_.Error)" })
        $result
    }

    function Get-StepResult($Result, [string] $Step) { ($Result.Steps | Where-Object Step -eq $Step).Result }
}
AfterAll {
    Stop-JiraEmulator $emu
}

Describe 'Other versions of the dependencies loaded first (Microsoft.Extensions.* 6.0, Polly.Core 8.1, CsvHelper 30)' {
    BeforeAll { $result = Invoke-Coexistence OthersFirst }

    It 'runs the CSV path, Connect-JiraAdmin and the API path with the results it has alone' {
        $result.Failures | Should -BeNullOrEmpty
        Get-StepResult $result 'first csv' | Should -Be $expectedCsv
        Get-StepResult $result 'first connect' | Should -Be 1
        Get-StepResult $result 'first api' | Should -Be $expectedApi
        Get-StepResult $result 'first license' | Should -Be $expectedLicenses
        $expectedCsv | Should -BeGreaterThan 0
    }

    It 'leaves the other versions where they were, and uses its own copies in its own load context' {
        $result.Loaded | Should -Contain 'Default: CsvHelper 30.0.0.0'
        $result.Loaded | Should -Contain 'Default: Microsoft.Extensions.Http 6.0.0.0'
        $result.Loaded | Should -Contain 'Default: Microsoft.Extensions.DependencyInjection.Abstractions 6.0.0.0'
        $result.Loaded | Should -Contain 'JiraDeactivate: CsvHelper 34.0.0.0'
        $result.Loaded | Should -Contain 'JiraDeactivate: Polly.Core 8.0.0.0'
        $result.Loaded | Should -Contain 'Default: Polly.Core 8.0.0.0'
        $result.Loaded | Where-Object { $_ -like 'Default: JiraDeactivate*' } | Should -Be 'Default: JiraDeactivate 0.1.0.0' -Because 'only the cmdlets sit in PowerShell''s context'
    }
}

Describe 'The module used first, then Microsoft.Extensions.Http and DependencyInjection.Abstractions 10.0 loaded' {
    BeforeAll { $result = Invoke-Coexistence ModuleFirst }

    It 'lets the other module load version 10' {
        $result.Failures | Should -BeNullOrEmpty
        Get-StepResult $result 'load others' | Should -Be @('Microsoft.Extensions.DependencyInjection.Abstractions 10.0.0.0', 'Microsoft.Extensions.Http 10.0.0.0')
        $result.Loaded | Should -Contain 'Default: Microsoft.Extensions.Http 10.0.0.0'
        $result.Loaded | Should -Contain 'Default: Microsoft.Extensions.DependencyInjection.Abstractions 10.0.0.0'
    }

    It 'works the same before and after' {
        foreach ($round in 'first', 'second') {
            Get-StepResult $result "$round csv" | Should -Be $expectedCsv -Because $round
            Get-StepResult $result "$round connect" | Should -Be 1 -Because $round
            Get-StepResult $result "$round api" | Should -Be $expectedApi -Because $round
            Get-StepResult $result "$round license" | Should -Be $expectedLicenses -Because $round
        }
    }
}
