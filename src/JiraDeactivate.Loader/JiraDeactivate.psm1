# The module's cmdlets and their dependencies load into a load context of their own (bin/JiraDeactivate.Loader.dll),
# so that other modules' versions of CsvHelper, Polly or Microsoft.Extensions.* in the same session neither break
# JiraDeactivate nor get broken by it. Only the loader enters PowerShell's own context. Kept to a few statements:
# each one adds to every Import-Module.
try {
    $loadContext = [System.Reflection.Assembly]::LoadFrom("$PSScriptRoot/bin/JiraDeactivate.Loader.dll").GetType('JiraDeactivate.Loader.ModuleLoadContext', $true)
    $isReload = $loadContext::IsLoaded
    $assembly = $loadContext::Initialize()
}
catch {
    # The loader's own message (a missing file, named with the module's folder), not "Exception calling ...".
    throw ($_.Exception.InnerException ?? $_)
}
$cmdlets = Import-Module -Assembly $assembly -PassThru:$isReload

if ($isReload) {
    # Imported again in this process (Import-Module -Force, or after Remove-Module): PowerShell hands back the module
    # it built from the assembly the first time without adding its cmdlets to this module
    # (PowerShell/PowerShell#20710), so they are added here.
    $addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod('AddExportedCmdlet', [System.Reflection.BindingFlags]'Instance, NonPublic')
    foreach ($cmdlet in $cmdlets.ExportedCmdlets.Values) {
        $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmdlet))
    }
}
