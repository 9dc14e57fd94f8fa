using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security;
using System.Security.Cryptography;
using JiraDeactivate.Core.Journal;

namespace JiraDeactivate;

/// <summary>
/// Seal keys as secrets of a SecretManagement vault, one per run ("JiraDeactivate.journal.&lt;runId&gt;", Base64 text in a
/// SecureString, the type every vault extension stores). One secret per run: it is written once and never updated, so
/// two runs sharing a vault never race on it, and a run's key can be removed with its journal. PowerShell is only
/// called on the pipeline's thread: keys are read there first (a restore checks every run before it changes anything)
/// and kept for the run's workers.
/// </summary>
internal sealed class VaultKeySource(CommandInvocationIntrinsics invoke, string vault) : IJournalKeySource
{
    public const string SecretPrefix = "JiraDeactivate.journal.";

    private const string ReadScript = "param($vault, $name) Get-Secret -Vault $vault -Name $name -ErrorAction Stop";
    private const string InfoScript = "param($vault, $name) @(Get-SecretInfo -Vault $vault -Name $name -ErrorAction Stop) | Where-Object Name -eq $name | Select-Object -First 1 -ExpandProperty Name";
    private const string WriteScript = "param($vault, $name, $secret) Set-Secret -Vault $vault -Name $name -Secret $secret -ErrorAction Stop";

    private readonly int _pipelineThread = Environment.CurrentManagedThreadId;
    private readonly Dictionary<string, KeyLookup> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _prepared = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    public string Vault { get; } = vault;

    private string? _unreadable;

    // A vault that cannot be listed holds none of the keys as far as a restore can tell: named once, with why, in the one
    // error that lists the missing keys, rather than once per line of every run.
    public string Where => _unreadable is null ? $"the vault '{Vault}'" : $"the vault '{Vault}' (it cannot be read: {_unreadable})";

    public string Remedy => $"Give -KeyVault with the vault the run stored them in, or -KeyPath with the folder that holds them if the run kept its keys in a folder";

    public string NameOf(string runId) => $"secret '{SecretPrefix}{runId}'";

    public string RecommendedAction(string runId) => $"-KeyVault <vault holding {SecretPrefix}{runId}>, or -KeyPath <folder holding {JournalKeys.FileNameOf(runId)}>";

    /// <summary>
    /// Makes and stores a run's key now, on the pipeline's thread, for the run that begins later on a worker
    /// (<see cref="Create"/> hands it over then). A run that changes nobody leaves its unused secret behind.
    /// </summary>
    /// <exception cref="JournalException">It cannot be stored.</exception>
    public void Prepare(string runId)
    {
        byte[] key = RandomNumberGenerator.GetBytes(KeyFolder.KeyBytes);
        Store(runId, key);
        lock (_lock)
        {
            _prepared[runId] = key;
        }
    }

    public byte[] Create(string runId)
    {
        lock (_lock)
        {
            if (_prepared.Remove(runId, out var key))
            {
                return key;
            }
        }

        if (Environment.CurrentManagedThreadId != _pipelineThread)
        {
            throw new JournalException($"The seal key of run '{runId}' was not stored in the vault '{Vault}' before the run began. Nothing was changed.");
        }

        byte[] made = RandomNumberGenerator.GetBytes(KeyFolder.KeyBytes);
        Store(runId, made);
        return made;
    }

    private void Store(string runId, byte[] key)
    {
        string name = SecretPrefix + runId;
        try
        {
            using var secret = ToSecureString(Convert.ToBase64String(key));
            invoke.InvokeScript(WriteScript, true, PipelineResultTypes.None, null, Vault, name, secret);
        }
        catch (RuntimeException e)
        {
            throw new JournalException($"The journal's seal key cannot be stored as the secret '{name}' in the vault '{Vault}': {FirstLine(e)} Nothing was changed.", e);
        }

        // Read back: a vault that keeps something else than it was given would leave a run nobody can undo.
        var stored = Read(runId);
        if (stored.Key is not { } back || !back.AsSpan().SequenceEqual(key))
        {
            throw new JournalException($"The vault '{Vault}' does not give back the seal key stored as the secret '{name}' ({stored.Problem ?? "it is not there"}). Nothing was changed.");
        }
    }

    public KeyLookup Inspect(string runId)
    {
        lock (_lock)
        {
            if (_seen.TryGetValue(runId, out var seen))
            {
                return seen;
            }
        }

        if (Environment.CurrentManagedThreadId != _pipelineThread)
        {
            return new KeyLookup(null, $"the seal key of run '{runId}' was not read from the vault '{Vault}' before the run's changes began");
        }

        return Read(runId);
    }

    private KeyLookup Read(string runId)
    {
        string name = SecretPrefix + runId;
        KeyLookup lookup;
        bool listed = false;
        try
        {
            listed = invoke.InvokeScript(InfoScript, true, PipelineResultTypes.None, null, Vault, name).Count > 0;
            lookup = listed ? KeyOf(invoke.InvokeScript(ReadScript, true, PipelineResultTypes.None, null, Vault, name), name) : new KeyLookup(null, null);
        }
        catch (RuntimeException e) when (!listed)
        {
            _unreadable = FirstLine(e);
            lookup = new KeyLookup(null, null);
        }
        catch (RuntimeException e)
        {
            lookup = new KeyLookup(null, $"the secret '{name}' cannot be read from the vault '{Vault}': {FirstLine(e)}");
        }

        lock (_lock)
        {
            _seen[runId] = lookup;
        }

        return lookup;
    }

    // What the vault gives back is untrusted: only a 32-byte key, as Base64 text (a SecureString or a string) or as bytes.
    private KeyLookup KeyOf(Collection<PSObject> result, string name)
    {
        object? value = result.Count == 1 ? result[0]?.BaseObject : null;
        string? text = value switch
        {
            SecureString secure => new NetworkCredential(string.Empty, secure).Password,
            string plain => plain,
            _ => null,
        };
        byte[]? key = value is byte[] bytes ? bytes : null;
        if (text is not null)
        {
            var buffer = new byte[KeyFolder.KeyBytes + 3];
            key = Convert.TryFromBase64String(text.Trim(), buffer, out int written) ? buffer[..written] : null;
        }

        return key is { Length: KeyFolder.KeyBytes }
            ? new KeyLookup(key, null)
            : new KeyLookup(null, $"the secret '{name}' in the vault '{Vault}' is not a seal key of this module ({(result.Count == 1 ? $"a {value?.GetType().Name ?? "null"}" : $"{result.Count} values")}, not 32 bytes in Base64)");
    }

    private static SecureString ToSecureString(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    private static string FirstLine(RuntimeException e) => e.Message.Split('\n')[0].TrimEnd();
}
