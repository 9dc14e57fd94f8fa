using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Judgments;

namespace JiraDeactivate.Core.Suspension;

/// <summary>
/// What a suspension or a resumption will do for one user: change the user's access, or nothing, with the outcome
/// already known (<see cref="Outcome"/>).
/// </summary>
/// <param name="AccountId">The user.</param>
/// <param name="DisplayName">The user's name as known.</param>
/// <param name="Email">The user's email as known.</param>
/// <param name="Outcome">The outcome when nothing changes; null when the user changes.</param>
/// <param name="Reason">Why nothing changes, or what the change was judged on (for the journal).</param>
/// <param name="Kind">A short label of why nothing changes ("protected group", "recently active"...), for summaries.</param>
/// <param name="RunId">For a resumption from a journal: the run that suspended the user.</param>
/// <param name="Failure">When planning failed: the exception that caused it, kept for the error record.</param>
public sealed record SuspensionPlan(string AccountId, string? DisplayName, string? Email, SuspensionStatus? Outcome, string? Reason, string? Kind = null, string? RunId = null, Exception? Failure = null)
{
    public bool Changes => Outcome is null;

    /// <summary>The activity check to take again right before the change (a suspension's last look); null when there is none.</summary>
    public Func<CancellationToken, Task<SuspensionPlan>>? LookAgain { get; init; }

    /// <summary>For a suspension: the judgment it acts on, for the journal's Planned line.</summary>
    public InactivityJudgment? Judgment { get; init; }

    /// <summary>For a suspension: when the activity check at planning ran, and what it found ("inactive", or "active" elsewhere with -Force).</summary>
    public (DateTime At, string Result)? LastLook { get; init; }

    /// <summary>"Ann Lee (712020:...)".</summary>
    public string Target => $"{DisplayName ?? AccountId} ({AccountId})";

    internal static SuspensionPlan Skip(string accountId, string? displayName, string? email, string kind, string reason) =>
        new(accountId, displayName, email, SuspensionStatus.Skipped, reason, kind);

    internal static SuspensionPlan Fail(string accountId, string? displayName, string reason, AtlassianApiException? failure = null) =>
        new(accountId, displayName, null, SuspensionStatus.Failed, reason, "failed", Failure: failure);
}
