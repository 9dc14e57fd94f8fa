using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Users;

/// <summary>What one export says about one user in one product on one site.</summary>
/// <param name="ProductName">The product as the export names it, e.g. "Jira" or "Confluence".</param>
/// <param name="productValue">The Jira product it is, or null for other products.</param>
/// <param name="Site">The site's sub-domain, or null when the export gives none.</param>
/// <param name="HasAccess">Whether the user has access; null when the export has no access column for it.</param>
/// <param name="LastSeen">The UTC date the user was last active in the product; null when never or not reported.</param>
/// <param name="LastSeenReported">False when the export has an access column but no "Last seen" column for the product and site.</param>
public sealed record ProductActivity(
    string ProductName,
    JiraProduct? productValue,
    string? Site,
    bool? HasAccess,
    DateTime? LastSeen,
    bool LastSeenReported = true)
{
    /// <summary>The Jira product it is, or null for other products.</summary>
    internal JiraProduct? ProductValue { get; init; } = productValue;

    /// <summary>The Jira product by name (so ConvertTo-Json writes the name), or null for other products.</summary>
    public string? Product => ProductValue?.ToString();

    /// <summary>"JiraSoftware on acme: 2026-10-21", "Confluence on acme: never (no access)".</summary>
    public override string ToString() =>
        $"{Product ?? ProductName}{(Site is null ? string.Empty : $" on {Site}")}: {(!LastSeenReported ? "not reported" : LastSeen is { } seen ? seen.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "never")}{(HasAccess == false ? " (no access)" : string.Empty)}";

    /// <summary>True when the export says the user never used the product.</summary>
    public bool NeverAccessed => LastSeenReported && LastSeen is null;

    /// <summary>Combines two rows' statements about the same product and site, keeping the most recent activity.</summary>
    internal ProductActivity MergeWith(ProductActivity other) => this with
    {
        HasAccess = (HasAccess, other.HasAccess) switch
        {
            (null, var b) => b,
            (var a, null) => a,
            var (a, b) => a.Value || b.Value,
        },
        LastSeen = Latest(LastSeen, other.LastSeen),
        LastSeenReported = LastSeenReported || other.LastSeenReported,
    };

    private static DateTime? Latest(DateTime? a, DateTime? b) =>
        a is null ? b : b is null ? a : (a > b ? a : b);
}
