using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>A product's application role as its licence: seats and the groups that take them.</summary>
public static class ProductRoleLicense
{
    public static JiraProductLicense ToLicense(this ProductRole role, string? site) => new()
    {
        ProductValue = role.Product,
        Key = role.Key,
        Name = role.Name,
        Site = site,
        Seats = role.Seats,
        UsersCounted = role.UsersCounted,
        Remaining = role.Remaining,
        Unlimited = role.Unlimited,
        Groups = role.Groups.Select(g => g.Name).ToArray(),
        DefaultGroups = role.DefaultGroups.Select(g => g.Name).ToArray(),
    };
}
