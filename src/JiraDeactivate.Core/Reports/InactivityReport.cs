namespace JiraDeactivate.Core.Reports;

/// <summary>What a report shows: the inactive users, the products' seats, the results of actions gathered from the pipeline, and earlier runs.</summary>
public sealed class InactivityReport
{
    public InactivityReport(ReportOptions options) => Options = options;

    public ReportOptions Options { get; }

    public List<ReportUser> Users { get; } = [];

    public List<ReportLicense> Licenses { get; } = [];

    public List<ReportResult> Results { get; } = [];

    /// <summary>Earlier runs (the -History folder), oldest first; this run is drawn after them.</summary>
    public List<ReportSnapshot> History { get; } = [];

    /// <summary>The summary per product and site and the totals, computed from what was added.</summary>
    public ReportSummary Summarize() => ReportSummary.From(this);

    /// <summary>The view by group, and how many users came without their groups.</summary>
    public (IReadOnlyList<GroupSummary> Groups, int UsersWithoutGroups) SummarizeGroups() => GroupSummary.From(this);

    /// <summary>The results of one action, or of every action when <paramref name="kind"/> is null.</summary>
    public IEnumerable<ReportResult> ResultsOf(ReportResultKind? kind) => kind is null ? Results : Results.Where(r => r.Kind == kind);

    /// <summary>How many results (of one action, or of all) have each status, in the order statuses are shown.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ResultCounts(ReportResultKind? kind = null) => ResultsOf(kind)
        .GroupBy(r => r.Status, StringComparer.OrdinalIgnoreCase)
        .OrderBy(g => StatusOrder(g.Key)).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
        .Select(g => new KeyValuePair<string, int>(g.First().Status, g.Count()))
        .ToArray();

    /// <summary>Removed first, then what needs attention, then the rest.</summary>
    internal static int StatusOrder(string status) => status.ToUpperInvariant() switch
    {
        "REMOVED" => 0,
        "STILLHASACCESS" or "NOTVERIFIED" => 1,
        "FAILED" => 2,
        "SKIPPED" => 3,
        "NOACCESS" => 4,
        "SUSPENDED" or "RESUMED" or "RESTORED" => 0,
        "ALREADYSUSPENDED" or "NOTSUSPENDED" or "ALREADYPRESENT" => 4,
        _ => 5,
    };

    /// <summary>The name people know a product by.</summary>
    public static string ProductDisplayName(string product) => product switch
    {
        "JiraSoftware" => "Jira Software",
        "JiraServiceManagement" => "Jira Service Management",
        _ => product,
    };
}
