namespace JiraDeactivate.Core.Suspension;

/// <summary>The result of Suspend-JiraUser or Resume-JiraUser for one user.</summary>
public sealed record UserSuspension
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    public string? Site { get; init; }

    /// <summary>Suspend or Resume.</summary>
    public required string Action { get; init; }

    /// <summary>The outcome (<see cref="SuspensionStatus"/>), by name.</summary>
    public string Status => Outcome.ToString();

    internal SuspensionStatus Outcome { get; init; }

    /// <summary>Why the user was skipped, what failed, or what the status read back says.</summary>
    public string? Message { get; init; }

    public DateTime Timestamp { get; init; }

    /// <summary>The run's ID in the journal.</summary>
    public string? RunId { get; init; }

    /// <summary>The journal that records the run (Resume-JiraUser -JournalPath reads it).</summary>
    public string? JournalPath { get; init; }

    public override string ToString() => $"{DisplayName ?? AccountId}: {Action} {Status}{(Message is null ? string.Empty : $" ({Message})")}";

    public static UserSuspension From(SuspensionPlan plan, string action, SuspensionStatus status, string? message, string? site, string? runId = null, string? journalPath = null) => new()
    {
        AccountId = plan.AccountId,
        DisplayName = plan.DisplayName,
        Email = plan.Email,
        Site = site,
        Action = action,
        Outcome = status,
        Message = message,
        Timestamp = DateTime.UtcNow,
        RunId = runId,
        JournalPath = journalPath,
    };
}
