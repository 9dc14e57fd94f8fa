using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Inactivity;

/// <summary>A user's last activity in one product on one site, from what the Admin API lists for the user.</summary>
public static class ProductLastActivity
{
    /// <summary>
    /// The latest date of the product's entries for the site; null when there is none (never used). Entries of
    /// other sites say nothing about this one; without a cloud ID every entry of the product counts.
    /// </summary>
    public static DateTime? Of(UserLastActiveDates dates, JiraProduct product, string? cloudId) =>
        dates.Products
            .Where(p => ProductNames.FromAdminApiKey(p.Key) == product && (cloudId is null || p.CloudId is null || string.Equals(p.CloudId, cloudId, StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.LastActive)
            .Max();
}
