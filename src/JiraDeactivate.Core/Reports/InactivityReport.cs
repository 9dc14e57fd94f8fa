namespace JiraDeactivate.Core.Reports;

/// <summary>What a report shows: the inactive users, the products' seats and the results of actions, gathered from the pipeline.</summary>
public sealed class InactivityReport
{
    public InactivityReport(ReportOptions options) => Options = options;

    public ReportOptions Options { get; }

    public List<ReportUser> Users { get; } = [];

    public List<ReportLicense> Licenses { get; } = [];

    public List<ReportResult> Results { get; } = [];

    /// <summary>The per-product summary, computed from what was added.</summary>
    public IReadOnlyList<ProductSummary> Summarize() => ProductSummary.From(this);

    /// <summary>How many results have each status, in the order statuses are shown.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ResultCounts() => Results
        .GroupBy(r => r.Status, StringComparer.OrdinalIgnoreCase)
        .OrderBy(g => StatusOrder(g.Key)).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
        .Select(g => new KeyValuePair<string, int>(g.First().Status, g.Count()))
        .ToArray();

    /// <summary>Removed first, then what needs attention, then the rest.</summary>
    internal static int StatusOrder(string status) => status.ToUpperInvariant() switch
    {
        "REMOVED" => 0,
        "STILLHASACCESS" => 1,
        "FAILED" => 2,
        "SKIPPED" => 3,
        "NOACCESS" => 4,
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
