namespace JiraDeactivate.Core.History;

/// <summary>One past run of a changing command, as its journal records it (Get-JiraChangeRun).</summary>
public sealed record JiraChangeRun
{
    public required string RunId { get; init; }

    /// <summary>When the run began (UTC), from its RunStarted line.</summary>
    public DateTime Started { get; init; }

    /// <summary>The command whose run it is ("Remove-JiraProductAccess", "Suspend-JiraUser", ...).</summary>
    public string? Command { get; init; }

    /// <summary>Who ran it: the connected account.</summary>
    public string? User { get; init; }

    public string? Site { get; init; }

    /// <summary>The products whose access the run changed (a removal's); empty for a suspension, which cuts every product.</summary>
    public IReadOnlyList<string> Products { get; init; } = [];

    /// <summary>Users the run planned to change.</summary>
    public int Planned { get; init; }

    /// <summary>Users the run changed (removed from a group, suspended, resumed).</summary>
    public int Changed { get; init; }

    /// <summary>Users whose change a restore or resume has put back since.</summary>
    public int Undone { get; init; }

    /// <summary>The journal that records the run (Restore-JiraProductAccess and Resume-JiraUser bind it by property name).</summary>
    public required string JournalPath { get; init; }

    /// <summary>The key folder that was looked in (bound by property name as -KeyPath).</summary>
    public string? KeyPath { get; init; }

    /// <summary>The SecretManagement vault that was looked in, if any (bound by property name as -KeyVault).</summary>
    public string? KeyVault { get; init; }

    /// <summary>Whether the run's seal key is in that folder, so its journal can be checked for edits.</summary>
    public bool KeyPresent { get; init; }

    /// <summary>True when something of the run is left to put back and its journal lines can be trusted (its key is there, none deleted).</summary>
    public bool CanUndo { get; init; }

    /// <summary>Why the run cannot be undone, when it cannot.</summary>
    public string? Note { get; init; }

    public override string ToString() => $"{Started:yyyy-MM-dd HH:mm} {Command} {RunId} on {Site}: {Changed} changed, {Undone} undone";
}
