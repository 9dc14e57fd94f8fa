namespace JiraDeactivate.Core.Reports;

/// <summary>A product's seat counts on a site, as the report needs them.</summary>
public sealed record ReportLicense
{
    /// <summary>The product's name as the module writes it, e.g. "JiraSoftware".</summary>
    public required string Product { get; init; }

    public string? Site { get; init; }

    /// <summary>Seats paid for; null when unlimited or unknown.</summary>
    public int? Seats { get; init; }

    /// <summary>Users counting against the licence.</summary>
    public int UsersCounted { get; init; }

    /// <summary>The groups that grant the product on the site.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
}
