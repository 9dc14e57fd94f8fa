using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Suspension;

/// <summary>How a suspension's or resumption's outcomes count in its <see cref="RunSummary"/>.</summary>
public static class LifecycleCounts
{
    /// <summary>The summary of a Suspend-JiraUser or Resume-JiraUser run.</summary>
    public static RunSummary Summary(bool suspend) =>
        suspend ? new("would suspend", "suspended", "not changed") : new("would resume", "resumed", "not changed");

    /// <summary>Counts a plan: a change to come (preview), or why nothing changes.</summary>
    public static void Add(this RunSummary summary, SuspensionPlan plan) => summary.Add(plan.Outcome, plan.Kind);

    /// <summary>Counts an outcome; <paramref name="outcome"/> null is a change to come.</summary>
    public static void Add(this RunSummary summary, SuspensionStatus? outcome, string? kind)
    {
        switch (outcome)
        {
            case null or SuspensionStatus.Suspended or SuspensionStatus.Resumed:
                summary.CountChanged();
                break;
            case SuspensionStatus.Failed or SuspensionStatus.NotVerified:
                summary.CountFailed();
                break;
            default:
                summary.CountUnchanged(kind ?? outcome.ToString()!);
                break;
        }
    }
}
