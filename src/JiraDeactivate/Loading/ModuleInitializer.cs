using System.Management.Automation;

namespace JiraDeactivate.Loading;

/// <summary>
/// Runs at Import-Module, before any cmdlet: the core and its dependencies are then sure to load into the module's
/// own context, never PowerShell's.
/// </summary>
/// <remarks>
/// The loader rule: PowerShell loads every public type of the cmdlets' assembly at Import-Module, before this runs, so
/// no type of this assembly may hold a field of a core value type (an enum, or a nullable one: laying the type out would load the core early, into PowerShell's context).
/// A cmdlet keeps such a value in a field of type object behind a typed property
/// (<c>private object _product = default(JiraProduct);</c>). tests/pester/ModuleLoading.Tests.ps1 names any offending field.
/// </remarks>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    public void OnImport() => ModuleLoadContext.Register();
}
