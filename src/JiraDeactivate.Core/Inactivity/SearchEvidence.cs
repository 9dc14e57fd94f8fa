using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Inactivity;

/// <summary>
/// Decides what the v2 user search proves about one product holder. Only an entry present for the product on this
/// site is evidence; a record without one, or a never-used entry without the join date the grace period needs,
/// proves nothing, and the holder is confirmed with the per-user last-active dates.
/// </summary>
internal static class SearchEvidence
{
    /// <summary>The holder's last activity in <paramref name="product"/> on the site, or null when the search cannot tell.</summary>
    public static ProductEvidence? Find(DirectoryUser? record, JiraProduct product, string? cloudId)
    {
        var entries = record?.ProductAccess?
            .Where(p => ProductNames.FromSearchKey(p.Key) == product && IsSite(p.Id, cloudId))
            .ToList();
        if (entries is not { Count: > 0 })
        {
            return null;
        }

        var lastActive = entries.Max(p => p.LastActive);
        return lastActive is null && record!.AddedToOrg is null ? null : new ProductEvidence(lastActive);
    }

    /// <summary>
    /// What the record proves for a last look: the evidence of <see cref="Find"/> (a dated entry, or an undated one
    /// with the join date: never used), and no entry on the site under a key this module cannot name (it might be the
    /// product). Null when the search is silent: no entry for the product, or an unnamed key.
    /// </summary>
    public static ProductEvidence? ForLastLook(DirectoryUser? record, JiraProduct product, string? cloudId)
    {
        var onSite = record?.ProductAccess?.Where(p => IsSite(p.Id, cloudId));
        if (onSite is null || onSite.Any(p => p.Key is null || (ProductNames.FromSearchKey(p.Key) is null && !ProductNames.IsOtherProductKey(p.Key))))
        {
            return null;
        }

        return Find(record, product, cloudId);
    }

    /// <summary>True when the record has an entry for <paramref name="product"/> on the site (a hint of holding, not proof: Jira confirms it).</summary>
    public static bool Lists(DirectoryUser record, JiraProduct product, string? cloudId) =>
        record.ProductAccess?.Any(p => ProductNames.FromSearchKey(p.Key) == product && IsSite(p.Id, cloudId)) == true;

    /// <summary>
    /// The account's state where the search says it exactly; null when it says nothing this module knows. The
    /// composite status is a mix of accountStatus and membershipStatus, so all three are read.
    /// </summary>
    public static AccountStatus? StatusOf(DirectoryUser? record) => record is null ? null
        : Is(record.AccountStatus, "inactive", "closed") || Is(record.Status, "deactivated", "for_deletion") ? AccountStatus.Deactivated
        : Is(record.Status, "suspended") || Is(record.MembershipStatus, "suspended") ? AccountStatus.Suspended
        : Is(record.Status, "active") ? AccountStatus.Active
        : null;

    // The instance id's format is undocumented: the bare cloud ID or a site ARI ending in "/<cloudId>". Without a
    // known cloud ID every entry counts, as on the per-user path.
    private static bool IsSite(string? id, string? cloudId) =>
        cloudId is null
        || (id is not null && (string.Equals(id, cloudId, StringComparison.OrdinalIgnoreCase) || id.EndsWith("/" + cloudId, StringComparison.OrdinalIgnoreCase)));

    private static bool Is(string? value, params string[] candidates) =>
        value is not null && candidates.Contains(value, StringComparer.OrdinalIgnoreCase);
}

/// <summary>What the search proves about one holder: the last active UTC date, or null for "never used".</summary>
internal sealed record ProductEvidence(DateTime? LastActive);
