using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Inactivity;

/// <summary>A user's last activity in one product on one site, from what the Admin API lists for the user.</summary>
public static class ProductLastActivity
{
    /// <summary>
    /// What the entries of the product on the site say: the latest date, "never used", or that they cannot tell.
    /// Entries of other sites say nothing about this one; without a cloud ID every entry counts. The keys are an
    /// open set (contract §2.6b): an entry under a key this module cannot name might be the product, so the user
    /// cannot be judged; neither can a user whose answer lists other products but none for this one. Only an
    /// answer that lists nothing at all ("the user has not accessed a product") or the product without a date
    /// means never used.
    /// </summary>
    public static ProductActivityReading Read(UserLastActiveDates dates, JiraProduct product, string? cloudId)
    {
        var onSite = dates.Products.Where(p => cloudId is null || p.CloudId is null || string.Equals(p.CloudId, cloudId, StringComparison.OrdinalIgnoreCase)).ToList();
        var unnamed = onSite.Where(p => ProductNames.FromAdminApiKey(p.Key) is null && !ProductNames.IsOtherProductKey(p.Key)).Select(p => p.Key).Distinct().ToList();
        if (unnamed.Count > 0)
        {
            return ProductActivityReading.Unknown($"the Admin API lists activity under '{string.Join("', '", unnamed)}', a product key this module cannot name (it may be {product})");
        }

        var entries = onSite.Where(p => ProductNames.FromAdminApiKey(p.Key) == product).ToList();
        if (entries.Count > 0)
        {
            return new ProductActivityReading(entries.Max(p => p.LastActive), null);
        }

        return dates.Products.Count == 0
            ? new ProductActivityReading(null, null)
            : ProductActivityReading.Unknown($"the Admin API lists activity in other products but no entry for {product}, which the user holds: whether they never used it cannot be told");
    }

    /// <summary>The latest date of the product's entries for the site; null when never used or when the entries cannot tell.</summary>
    public static DateTime? Of(UserLastActiveDates dates, JiraProduct product, string? cloudId) => Read(dates, product, cloudId).LastActive;
}

/// <summary>What a last-active answer says about one product: the last active UTC date (null: never used), or why it cannot tell.</summary>
public sealed record ProductActivityReading(DateTime? LastActive, string? CannotJudge)
{
    public static ProductActivityReading Unknown(string reason) => new(null, reason);
}
