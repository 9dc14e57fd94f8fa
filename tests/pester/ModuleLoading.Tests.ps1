# How the module loads (issue 14): through bin/JiraDeactivate.Loader.dll into a load context of its own, with nothing
# else at import; again after -Force or Remove-Module; and with an error naming the file and the folder when the
# install is broken. Each case runs in a fresh pwsh, where the module was never loaded.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $moduleDir = (Get-Module JiraDeactivate).ModuleBase
    $modulePath = $env:JIRADEACTIVATE_MODULE

    function Invoke-FreshPwsh([string] $Command) {
        # Returns the JSON object of the last line the command prints; dotnet pwsh starts from the repository root,
        # where its tool manifest is. The emulator's details (test secrets) go by the environment, never the command line.
        Push-Location $RepoRoot
        try { $output = dotnet pwsh -NoProfile -NonInteractive -Command $Command 2>&1 }
        finally { Pop-Location }
        if ($LASTEXITCODE -ne 0) { throw "pwsh failed ($LASTEXITCODE): $($output -join "`n")" }
        ($output | Select-Object -Last 1) | ConvertFrom-Json
    }
}

Describe 'Import-Module JiraDeactivate' {
    It 'loads only the loader into PowerShell''s context and only the cmdlets'' assembly into the module''s own' {
        $result = Invoke-FreshPwsh @"
`$before = [System.AppDomain]::CurrentDomain.GetAssemblies()
Import-Module '$modulePath'
`$new = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_ -notin `$before }
[pscustomobject]@{
    FromModule = @(`$new | Where-Object { `$_.Location -like '$moduleDir*' } | ForEach-Object { "`$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name): `$(`$_.GetName().Name)" } | Sort-Object)
    NotFramework = @(`$new | Where-Object { -not `$_.IsDynamic -and `$_.Location -notlike "`$([System.IO.Path]::GetDirectoryName([object].Assembly.Location))*" -and `$_.Location -notlike "`$PSHOME*" -and `$_.Location -notlike '$moduleDir*' } | ForEach-Object { `$_.GetName().Name })
    Context = @([System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'JiraDeactivate' | ForEach-Object { `$_.Assemblies.GetName().Name })
} | ConvertTo-Json -Compress
"@
        # A public type of the cmdlets' assembly with a field of a core type (an enum parameter's backing field, say)
        # would load the core here too: keep such values boxed (see GetInactiveJiraUserCommand.Product).
        $result.FromModule | Should -Be @('Default: JiraDeactivate.Loader', 'JiraDeactivate: JiraDeactivate')
        $result.Context | Should -Be @('JiraDeactivate')
        $result.NotFramework | Should -BeNullOrEmpty
    }

    It 'exports every cmdlet again after Import-Module -Force and after Remove-Module, and they run' {
        $result = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
`$counts = foreach (`$step in 'first', 'force', 'removed', 'again') {
    switch (`$step) {
        'first' { Import-Module '$modulePath' }
        'force' { Import-Module '$modulePath' -Force }
        'removed' { Remove-Module JiraDeactivate }
        'again' { Import-Module '$modulePath' }
    }
    @(Get-Command -Module JiraDeactivate -ErrorAction SilentlyContinue).Count
}
[pscustomobject]@{ Counts = @(`$counts); Users = @(Import-CsvExport '$Sample').Count } | ConvertTo-Json -Compress
"@
        $exported = @((Import-PowerShellDataFile (Join-Path $RepoRoot 'JiraDeactivate.psd1')).CmdletsToExport).Count
        $result.Counts | Should -Be @($exported, $exported, 0, $exported)
        $result.Users | Should -Be @(Import-CsvExport $Sample).Count
    }

    It 'closes the session''s connection when the module is removed' {
        $emu = Start-JiraEmulator -Users 10 -Seed 6
        $env:JIRADEACTIVATE_TEST_EMULATOR = $emu | Select-Object * -ExcludeProperty Process | ConvertTo-Json -Compress
        try {
            $result = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
`$emu = `$env:JIRADEACTIVATE_TEST_EMULATOR | ConvertFrom-Json
Import-Module '$modulePath'
Connect-JiraAdmin -AdminApiKey (ConvertTo-SecureString `$emu.adminApiKey -AsPlainText -Force) -AdminApiUri `$emu.adminApiUrl
`$connected = [bool](Get-JiraAdminConnection)
Remove-Module JiraDeactivate
Import-Module '$modulePath'
[pscustomobject]@{ Connected = `$connected; AfterRemove = [bool](Get-JiraAdminConnection) } | ConvertTo-Json -Compress
"@
        }
        finally {
            Remove-Item Env:\JIRADEACTIVATE_TEST_EMULATOR
            Stop-JiraEmulator $emu
        }
        $result.Connected | Should -BeTrue
        $result.AfterRemove | Should -BeFalse
    }

    It 'names the missing file and the module''s folder when the install lacks <File>' -ForEach @(
        @{ File = 'CsvHelper.dll' }
        @{ File = 'JiraDeactivate.Core.dll' }
        @{ File = 'JiraDeactivate.dll' }
    ) {
        $broken = Join-Path $TestDrive "broken-$File/JiraDeactivate"
        Copy-Item $moduleDir $broken -Recurse
        Remove-Item (Join-Path $broken "bin/$File")
        $result = Invoke-FreshPwsh @"
try { Import-Module '$broken' -ErrorAction Stop; [pscustomobject]@{ Message = `$null } | ConvertTo-Json -Compress }
catch { [pscustomobject]@{ Message = `$_.Exception.Message; Cmdlets = @(Get-Command -Module JiraDeactivate -ErrorAction SilentlyContinue).Count } | ConvertTo-Json -Compress }
"@
        $result.Message | Should -BeLike "*'$File'*"
        $result.Message | Should -BeLike "*'$(Join-Path $broken 'bin')'*"
        $result.Message | Should -Match 'reinstall'
        $result.Cmdlets | Should -Be 0
    }
}
