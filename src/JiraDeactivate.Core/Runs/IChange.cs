using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Runs;

/// <summary>
/// One kind of change (removing product access, restoring it, suspending, resuming) for one user at a time:
/// how to plan it, what to ask approval for, what to journal before it starts, and how to make and verify it.
/// <see cref="ChangeRun{TRequest, TPlan, TResult}"/> does everything around it, the same way for every kind.
/// </summary>
public interface IChange<in TRequest, TPlan, TResult>
{
    /// <summary>The command whose run this is, written on the RunStarted line; null when the change belongs to an earlier run (a restore writes into the run it undoes).</summary>
    string? Operation { get; }

    /// <summary>What the run does, for the fuse's message: "remove product access from", "suspend".</summary>
    string Verb { get; }

    /// <summary>Decides what will happen to one user (protections first); changes nothing.</summary>
    Task<TPlan> PlanAsync(TRequest request, CancellationToken cancellationToken);

    /// <summary>True when the plan changes something, and so needs approval and counts against the fuse.</summary>
    bool Changes(TPlan plan);

    /// <summary>The ShouldProcess target: "Ann Lee (712020:...)".</summary>
    string Target(TPlan plan);

    /// <summary>The ShouldProcess action: "Suspend access to the organization".</summary>
    string Action(TPlan plan);

    /// <summary>The user's account ID, for error records.</summary>
    string AccountId(TPlan plan);

    /// <summary>Why a plan that changes nothing does not: "NoAccess (not in any group that grants it)", for a preview; null to say nothing.</summary>
    string? WhyUnchanged(TPlan plan);

    /// <summary>What a real run reports for a plan that changes nothing (a failed plan as failed); null for nothing.</summary>
    ChangeOutcome<TResult>? Unchanged(TPlan plan, string runId, string? journalPath);

    /// <summary>The line written for an approved plan before any change of the run is made; null for none.</summary>
    JournalEntry? PlannedLine(TPlan plan, string runId);

    /// <summary>The result for a plan the user declined at the confirmation prompt: Skipped, nothing changed, with <paramref name="reason"/>.</summary>
    TResult Declined(TPlan plan, string reason);

    /// <summary>Makes the change and verifies it, journaling each step through <paramref name="context"/>.</summary>
    Task<ChangeOutcome<TResult>> ExecuteAsync(TPlan plan, ChangeContext context, CancellationToken cancellationToken);
}
