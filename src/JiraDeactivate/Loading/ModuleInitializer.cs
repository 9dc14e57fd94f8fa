using System.Management.Automation;

namespace JiraDeactivate.Loading;

/// <summary>
/// Runs at Import-Module, before any cmdlet: the core and its dependencies are then sure to load into the module's
/// own context, never PowerShell's.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    public void OnImport() => ModuleLoadContext.Register();
}
