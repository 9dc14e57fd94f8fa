using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Journal;

/// <summary>One line of a removal journal (JSON Lines). Never holds a secret.</summary>
public sealed record JournalEntry
{
    public DateTime Time { get; init; } = DateTime.UtcNow;

    public required string RunId { get; init; }

    public JournalEvent Event { get; init; }

    public string? AccountId { get; init; }

    public string? DisplayName { get; init; }

    public JiraProduct? Product { get; init; }

    public string? Site { get; init; }

    public string? GroupId { get; init; }

    public string? GroupName { get; init; }

    /// <summary>
    /// For role lines, and for Planned when the Admin API shows the paths: the product's workspace id (the resource of
    /// Revoke and Grant user access).
    /// </summary>
    public string? Resource { get; init; }

    /// <summary>For role lines: the role (atlassian/user).</summary>
    public string? Role { get; init; }

    /// <summary>For Planned: every group the user will leave.</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>For a removal's Verified line: the outcome by name ("Removed", "StillHasAccess"...), as the journal has always written it.</summary>
    public string? Status { get; init; }

    public string? Message { get; init; }

    /// <summary>For RunStarted: the command whose run this is ("Remove-JiraProductAccess").</summary>
    public string? Operation { get; init; }

    /// <summary>For Planned: the judgment's period, inactive for more than this many days.</summary>
    public int? MoreThan { get; init; }

    /// <summary>For Planned: the date of the data the judgment was made with (UTC).</summary>
    public DateTime? AsOf { get; init; }

    /// <summary>For Planned: where the user was judged: "here" (-MoreThan on the run's command line) or "sealed" (the input's sealed judgment).</summary>
    public string? JudgedBy { get; init; }

    /// <summary>For Planned, when the last look ran at planning: when (UTC).</summary>
    public DateTime? LastLookAt { get; init; }

    /// <summary>For Planned, when the last look ran at planning: what it found ("inactive", "active", "failed", "cannot judge").</summary>
    public string? LastLookResult { get; init; }

    /// <summary>The line's number within its run (1 for RunStarted), sealed with it: a gap, a repeat or a move shows.</summary>
    public long? Seq { get; init; }

    /// <summary>For RunStarted: who ran it (the connected account).</summary>
    public string? Actor { get; init; }

    /// <summary>The line's seal (<see cref="JournalSeal"/>): an HMAC of the rest of the line with its run's key.</summary>
    public string? Seal { get; init; }
}
