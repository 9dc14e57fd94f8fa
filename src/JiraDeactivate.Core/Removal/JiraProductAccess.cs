using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>A user's current access to one product, and the groups that grant it.</summary>
public sealed record JiraProductAccess
{
    public required string AccountId { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    /// <summary>The product, by name.</summary>
    public string Product => ProductValue.ToString();

    internal JiraProduct ProductValue { get; init; }

    public string? Site { get; init; }

    /// <summary>True when a group grants the product or Jira lists it among the user's application roles.</summary>
    public bool HasAccess { get; init; }

    /// <summary>The user's groups that grant the product.</summary>
    public TextList Groups { get; init; } = TextList.Empty;

    /// <summary>Those of the groups an identity provider syncs (with the Admin API): removal leaves the user to it.</summary>
    public TextList SyncedGroups { get; init; } = TextList.Empty;

    /// <summary>True when the user holds the product's role directly (Admin API role assignments); null when not read.</summary>
    public bool? DirectRole { get; init; }

    /// <summary>Every path that grants the product: "group", "synced group", "direct role", "not by a group".</summary>
    public TextList AccessPaths { get; init; } = TextList.Empty;

    /// <summary>Those of the groups that are the product's default groups.</summary>
    public TextList DefaultGroups { get; init; } = TextList.Empty;

    /// <summary>True when Jira lists the product among the user's application roles.</summary>
    public bool ApplicationRoleListed { get; init; }

    /// <summary>
    /// Active, Suspended (access to the organization suspended: groups kept, no seat), Deactivated, or Inactive (Jira
    /// says the account is not active, and without the Admin API it cannot tell suspended from deactivated).
    /// </summary>
    public string AccountStatus { get; init; } = "Active";

    /// <summary>True when the user takes a seat of the product: access, and an active account (a suspended user holds none).</summary>
    public bool HoldsSeat => HasAccess && AccountStatus == "Active";

    /// <summary>The account status from Jira's "active" and, when read, the organization directory's status.</summary>
    public static string StatusOf(JiraAccount account, DirectoryUserStatus? directory) => directory switch
    {
        { IsSuspended: true } => "Suspended",
        { Status: "deactivated" or "for_deletion" } => "Deactivated",
        _ when account.Active => "Active",
        null => "Inactive",
        _ => "Deactivated",
    };

    public static JiraProductAccess From(JiraUserAccess access, ProductRole role, JiraProduct product, string? site, string accountStatus = "Active")
    {
        var granting = role.Granting(access.Groups);
        bool listed = access.ApplicationRoleKeys.Contains(role.Key, StringComparer.OrdinalIgnoreCase);
        return new JiraProductAccess
        {
            AccountId = access.Account.AccountId,
            DisplayName = access.Account.DisplayName,
            Email = access.Account.Email,
            ProductValue = product,
            Site = site,
            HasAccess = granting.Count > 0 || listed,
            Groups = granting.Select(g => g.Name).ToArray(),
            DefaultGroups = granting.Where(g => role.DefaultGroups.Any(d => string.Equals(d.Name, g.Name, StringComparison.OrdinalIgnoreCase))).Select(g => g.Name).ToArray(),
            ApplicationRoleListed = listed,
            AccountStatus = accountStatus,
        };
    }
}
