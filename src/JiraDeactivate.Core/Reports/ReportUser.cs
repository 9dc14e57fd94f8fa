namespace JiraDeactivate.Core.Reports;

/// <summary>One row of the report's users table: a user inactive in a product on a site.</summary>
public sealed record ReportUser
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    /// <summary>The product's name as the module writes it, e.g. "JiraSoftware".</summary>
    public required string Product { get; init; }

    public string? Site { get; init; }

    /// <summary>The UTC date of the last activity in the product; null when never active.</summary>
    public DateTime? LastActive { get; init; }

    /// <summary>Days since the last activity, or since joining for a user who never used the product.</summary>
    public int? DaysInactive { get; init; }

    public bool NeverActive { get; init; }

    /// <summary>Where the activity data came from ("Csv", "Api").</summary>
    public string? Source { get; init; }

    /// <summary>The judgment's period: the user was found inactive for more than this many days; null when the input did not say.</summary>
    public int? MoreThan { get; init; }

    /// <summary>The moment (UTC) the judgment was made for; null when the input did not say.</summary>
    public DateTime? AsOf { get; init; }

    /// <summary>The user's groups, when the input names them (the Export users CSV does).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The user's groups an identity provider syncs (Get-InactiveJiraUser with the Admin API): a removal leaves the seat to it.</summary>
    public IReadOnlyList<string> SyncedGroups { get; init; } = [];

    /// <summary>
    /// The input's own values of the properties Remove-JiraProductAccess binds (AccountId, Product, Site, the
    /// judgment ...), as text, unchanged: the page's selection downloads them as the plan file.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Plan { get; init; } = new Dictionary<string, string?>();
}
