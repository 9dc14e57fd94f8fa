namespace JiraDeactivate.Core.Atlassian;

/// <summary>
/// A user as the organization's directory reports them now (v2): whether their access is suspended, and when they
/// were last active in each product.
/// </summary>
/// <param name="AccountId">The account.</param>
/// <param name="AccountType">atlassian, customer or app.</param>
/// <param name="Status">active, suspended, not_invited, deactivated or for_deletion.</param>
/// <param name="MembershipStatus">active, suspended or no_membership.</param>
/// <param name="Name">The user's name.</param>
/// <param name="Email">The user's email, when visible.</param>
/// <param name="Products">Last activity per product (key, instance id, date).</param>
public sealed record DirectoryUserStatus(string AccountId, string? AccountType, string? Status, string? MembershipStatus, string? Name, string? Email, IReadOnlyList<ProductLastActive> Products)
{
    /// <summary>True when the user's access to the organization is suspended.</summary>
    public bool IsSuspended =>
        string.Equals(Status, "suspended", StringComparison.OrdinalIgnoreCase) || string.Equals(MembershipStatus, "suspended", StringComparison.OrdinalIgnoreCase);
}
