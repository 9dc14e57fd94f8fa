namespace JiraDeactivate.Core.Journal;

/// <summary>
/// Where the runs' seal keys are kept: a key folder (<see cref="KeyFolder"/>), or a SecretManagement vault that the
/// cmdlets reach through PowerShell. One key per run, written once when the run starts and only read after that.
/// </summary>
public interface IJournalKeySource
{
    /// <summary>Where the keys are, for messages: "'/data/keys'" or "the vault 'Runbook'".</summary>
    string Where { get; }

    /// <summary>What a run's key is called there, for messages: "&lt;runId&gt;.key", or its secret's name.</summary>
    string NameOf(string runId);

    /// <summary>What the admin can give to read keys from elsewhere, for the error that says a key is missing.</summary>
    string Remedy { get; }

    /// <summary>What to give a cmdlet for the key of <paramref name="runId"/> (an error's recommended action).</summary>
    string RecommendedAction(string runId);

    /// <summary>Makes and stores a new run's key.</summary>
    /// <exception cref="JournalException">It cannot be stored (nothing was changed yet).</exception>
    byte[] Create(string runId);

    /// <summary>A run's key when it is there and can be trusted; else why not (Problem), or neither when there is none.</summary>
    KeyLookup Inspect(string runId);
}
