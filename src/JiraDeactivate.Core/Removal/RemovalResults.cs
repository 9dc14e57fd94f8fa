namespace JiraDeactivate.Core.Removal;

/// <summary>Builds the result objects of a removal run.</summary>
public static class RemovalResults
{
    public static ProductAccessRemoval From(RemovalPlan plan, RemovalStatus status, string? message, string? runId, string? journalPath, string? siteName) => new()
    {
        AccountId = plan.Request.AccountId,
        DisplayName = plan.DisplayName,
        Email = plan.Account?.Email,
        ProductValue = plan.Request.Product,
        Site = siteName ?? plan.Request.Site,
        AccessPaths = plan.Paths,
        SyncedGroups = plan.SyncedGroups.Select(g => g.Name).ToArray(),
        Outcome = status,
        SkipKind = status == RemovalStatus.Skipped ? plan.Kind : null,
        Message = message,
        Timestamp = DateTime.UtcNow,
        RunId = runId,
        JournalPath = journalPath,
    };
}
