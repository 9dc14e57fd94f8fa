using System.Management.Automation;
using JiraDeactivate.Core.Journal;

namespace JiraDeactivate;

/// <summary>Where a command finds the runs' seal keys: a key folder (-KeyPath), the per-user one, or a SecretManagement vault (-KeyVault).</summary>
public abstract partial class JiraCmdlet
{
    private static readonly string[] s_secretManagementCommands = ["Get-Secret", "Get-SecretInfo", "Set-Secret"];

    // Typed object: a field of a core type would load the core when the module is imported. One per command, so the
    // keys it read on the pipeline's thread are there for its workers.
    private object? _vaultKeys;

    /// <summary>
    /// The seal keys of the folder <paramref name="keyPath"/> (a PowerShell path; default the per-user key folder), or,
    /// with <paramref name="keyVault"/>, of that SecretManagement vault: then the runs' heads stay in
    /// <paramref name="keyPath"/> when given, else beside the journal <paramref name="journalPath"/>, so they travel with it.
    /// A terminating error when SecretManagement is not there.
    /// </summary>
    private protected JournalKeys KeysIn(string? keyPath, string? keyVault = null, string? journalPath = null)
    {
        string? folder = string.IsNullOrWhiteSpace(keyPath) ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(keyPath);
        if (string.IsNullOrWhiteSpace(keyVault))
        {
            return JournalKeys.In(folder);
        }

        string heads = folder is not null ? System.IO.Path.GetFullPath(folder)
            : journalPath is not null ? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(journalPath))!
            : RemovalJournal.DefaultFolder;
        return new JournalKeys(VaultKeys(keyVault), heads);
    }

    private VaultKeySource VaultKeys(string vault)
    {
        if (_vaultKeys is VaultKeySource known && string.Equals(known.Vault, vault, StringComparison.Ordinal))
        {
            return known;
        }

        if (s_secretManagementCommands.FirstOrDefault(c => InvokeCommand.GetCommand(c, CommandTypes.Cmdlet | CommandTypes.Function) is null) is { } missing)
        {
            ThrowTerminatingError(Error(
                $"-KeyVault needs the Microsoft.PowerShell.SecretManagement module ({missing} is not there): it is not installed or not importable. Nothing was changed.",
                "SecretManagementMissing", ErrorCategory.NotInstalled, vault,
                recommendedAction: "Install-PSResource Microsoft.PowerShell.SecretManagement (and a vault extension such as Microsoft.PowerShell.SecretStore or Az.KeyVault), then Register-SecretVault; or keep the keys in a folder with -KeyPath."));
        }

        var source = new VaultKeySource(InvokeCommand, vault);
        _vaultKeys = source;
        return source;
    }
}
