using System.Management.Automation;

namespace JiraDeactivate.Loading;

/// <summary>
/// Closes this runspace's connection when the module is removed (Remove-Module, or Import-Module -Force): the
/// assembly stays loaded for the life of the process, and its HTTP clients and secrets must not stay with it.
/// </summary>
public sealed class ModuleCleanup : IModuleAssemblyCleanup
{
    public void OnRemove(PSModuleInfo psModuleInfo) => SessionStore.CloseDefault();
}
