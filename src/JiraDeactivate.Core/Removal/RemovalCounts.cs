using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Removal;

/// <summary>How a removal's outcomes count in its <see cref="RunSummary"/>.</summary>
public static class RemovalCounts
{
    private const string NoAccess = "no access";
    private const string StillHasAccess = "still has access";
    private const string ManagedByIdentityProvider = "managed by the identity provider";
    private const string SeatsFreed = "seats freed";

    /// <summary>The summary of a Remove-JiraProductAccess run.</summary>
    public static RunSummary Summary() =>
        new("would remove the access of", "removed the access of", "skipped", new SummaryTally(NoAccess, ShownWhenZero: true), new SummaryTally(StillHasAccess),
            new SummaryTally(ManagedByIdentityProvider), new SummaryTally(SeatsFreed));

    public static void Add(this RunSummary summary, RemovalPlan plan) => summary.Add(plan.ChangesAccess ? null : plan.Outcome, plan.Kind);

    /// <summary>Counts an outcome; <paramref name="outcome"/> null is a change to come.</summary>
    public static void Add(this RunSummary summary, RemovalStatus? outcome, string? kind)
    {
        switch (outcome)
        {
            case null:
                summary.CountChanged();
                break;
            case RemovalStatus.Removed:
                summary.CountChanged();
                summary.Count(SeatsFreed);
                break;
            case RemovalStatus.ManagedByIdentityProvider:
                summary.Count(ManagedByIdentityProvider);
                break;
            case RemovalStatus.NoAccess:
                summary.Count(NoAccess);
                break;
            case RemovalStatus.StillHasAccess:
                summary.Count(StillHasAccess);
                break;
            case RemovalStatus.Failed:
                summary.CountFailed();
                break;
            default:
                summary.CountUnchanged(kind ?? "other");
                break;
        }
    }
}
