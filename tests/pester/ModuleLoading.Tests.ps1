# How the module loads (issue 14): the cmdlets' assembly alone at import, the core and its packages later in a load
# context of their own; again after -Force or Remove-Module; and with an error naming the file and the folder when the
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
    It 'loads only the cmdlets'' assembly, into PowerShell''s context, and the core on first use into the module''s own' {
        $result = Invoke-FreshPwsh @"
`$before = [System.AppDomain]::CurrentDomain.GetAssemblies()
Import-Module '$modulePath'
`$new = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_ -notin `$before }
`$context = @([System.Runtime.Loader.AssemblyLoadContext]::All.Where({ `$_.Name -eq 'JiraDeactivate' }).ForEach({ `$_.Assemblies.GetName().Name }))
[pscustomobject]@{
    FromModule = @(`$new | Where-Object { `$_.Location -like '$moduleDir*' } | ForEach-Object { "`$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name): `$(`$_.GetName().Name)" } | Sort-Object)
    NotFramework = @(`$new | Where-Object { -not `$_.IsDynamic -and `$_.Location -notlike "`$([System.IO.Path]::GetDirectoryName([object].Assembly.Location))*" -and `$_.Location -notlike "`$PSHOME*" -and `$_.Location -notlike '$moduleDir*' } | ForEach-Object { `$_.GetName().Name })
    Context = `$context
    Users = @(Import-CsvExport '$Sample').Count
    AfterUse = @([System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.Location -like '$moduleDir*' } | ForEach-Object { "`$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name): `$(`$_.GetName().Name)" } | Sort-Object)
} | ConvertTo-Json -Compress
"@
        # A public type of the cmdlets' assembly with a field of a core type (an enum parameter's backing field, say)
        # would load the core here too, into PowerShell's context or not at all: keep such values boxed (see
        # GetInactiveJiraUserCommand.Product).
        $result.FromModule | Should -Be @('Default: JiraDeactivate')
        # Taken as the import returns: in one run, after the Coexistence tests, something in the process (cause not
        # found; not the import) loaded the core into the module's context on another thread a second later.
        $result.Context | Should -BeNullOrEmpty
        $result.NotFramework | Should -BeNullOrEmpty
        $result.Users | Should -BeGreaterThan 0
        $result.AfterUse | Should -Be @('Default: JiraDeactivate', 'JiraDeactivate: CsvHelper', 'JiraDeactivate: JiraDeactivate.Core', 'JiraDeactivate: System.IO.Hashing')
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
        @{ File = 'dependencies/CsvHelper.dll' }
        @{ File = 'dependencies/JiraDeactivate.Core.dll' }
        @{ File = 'JiraDeactivate.deps.json' }
    ) {
        $broken = Join-Path $TestDrive "broken-$(Split-Path $File -Leaf)/JiraDeactivate"
        Copy-Item $moduleDir $broken -Recurse
        Remove-Item (Join-Path $broken "bin/$File")
        $result = Invoke-FreshPwsh @"
try { Import-Module '$broken' -ErrorAction Stop; [pscustomobject]@{ Message = `$null } | ConvertTo-Json -Compress }
catch { [pscustomobject]@{ Message = `$_.Exception.Message; Cmdlets = @(Get-Command -Module JiraDeactivate -ErrorAction SilentlyContinue).Count } | ConvertTo-Json -Compress }
"@
        $result.Message | Should -BeLike "*'$(Split-Path $File -Leaf)'*"
        $result.Message | Should -BeLike "*'$(Split-Path (Join-Path $broken "bin/$File"))'*"
        $result.Message | Should -Match 'reinstall'
        $result.Cmdlets | Should -Be 0
    }

    It 'names the file and the manifest when the install lacks the cmdlets'' assembly (PowerShell''s own message)' {
        $broken = Join-Path $TestDrive 'broken-cmdlets/JiraDeactivate'
        Copy-Item $moduleDir $broken -Recurse
        Remove-Item (Join-Path $broken 'bin/JiraDeactivate.dll')
        $result = Invoke-FreshPwsh @"
try { Import-Module '$broken' -ErrorAction Stop; [pscustomobject]@{ Message = `$null } | ConvertTo-Json -Compress }
catch { [pscustomobject]@{ Message = `$_.Exception.Message } | ConvertTo-Json -Compress }
"@
        $result.Message | Should -BeLike "*'bin/JiraDeactivate.dll'*"
        $result.Message | Should -BeLike "*'$(Join-Path $broken 'JiraDeactivate.psd1')'*"
    }

    # The loader rule (src/JiraDeactivate/Loading/ModuleInitializer.cs): PowerShell loads every public type of the
    # cmdlets' assembly at Import-Module, and a field of one of the core's value types (an enum, JiraProduct? too) must be
    # laid out then, which loads the core with it, into the wrong context. Such a value is held as object (boxed).
    It 'has no field of a core value type in any type of the cmdlets'' assembly, and names one when there is' {
        $cmdlets = [JiraDeactivate.Commands.RemoveJiraProductAccessCommand].Assembly
        $core = [JiraDeactivate.Commands.RemoveJiraProductAccessCommand].GetProperty('Product').PropertyType.Assembly
        function Find-CoreTypeField([type[]] $Types) {
            $flags = [System.Reflection.BindingFlags]'Instance, Static, Public, NonPublic, DeclaredOnly'
            foreach ($type in $Types) {
                foreach ($field in $type.GetFields($flags)) {
                    if (-not $field.FieldType.IsValueType) { continue }
                    $used = @($field.FieldType) + @($field.FieldType.GenericTypeArguments)
                    if ($used | Where-Object { $_.Assembly -eq $core }) { "$($type.FullName).$($field.Name) ($($field.FieldType.Name))" }
                }
            }
        }
        $public = @($cmdlets.GetTypes() | Where-Object { $_.IsPublic -or $_.IsNestedPublic })
        $public.Count | Should -BeGreaterThan 10
        @(Find-CoreTypeField $public) | Should -BeNullOrEmpty -Because 'a cmdlet class must not hold a field of a core value type'
        # The same check on a core type that does hold one names it.
        Find-CoreTypeField @($core.GetType('JiraDeactivate.Core.Removal.RemovalPlan')) | Should -Contain 'JiraDeactivate.Core.Removal.RemovalPlan.<Outcome>k__BackingField (Nullable`1)'
    }
}
