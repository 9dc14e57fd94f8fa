namespace JiraDeactivate.Core.Atlassian;

/// <summary>
/// One user as the v2 user search reports them: only what it gave (every field can be missing), never guessed.
/// </summary>
/// <param name="AccountId">The Atlassian account ID.</param>
/// <param name="AccountType">atlassian, app or customer.</param>
/// <param name="Status">The composite status: active, suspended, not_invited, deactivated, for_deletion (an open set).</param>
/// <param name="AccountStatus">active, inactive or closed.</param>
/// <param name="MembershipStatus">active, suspended or no_membership.</param>
/// <param name="AddedToOrg">The UTC date the user was first added to the organization.</param>
/// <param name="ProductAccess">Null when the answer had no productAccess field at all.</param>
/// <param name="PlatformRoles">Null when not asked for (expand platformRoles) or not given.</param>
/// <param name="Email">The email the Admin API gives (also for users whose email Jira hides); null when not given.</param>
/// <param name="Name">The user's name; null when not given.</param>
public sealed record DirectoryUser(
    string AccountId,
    string? AccountType,
    string? Status,
    string? AccountStatus,
    string? MembershipStatus,
    DateTime? AddedToOrg,
    IReadOnlyList<DirectoryProductAccess>? ProductAccess,
    IReadOnlyList<string>? PlatformRoles,
    string? Email = null,
    string? Name = null);

/// <summary>A product entry of the v2 search: key (an open set), product instance id, and last active UTC date if any.</summary>
public sealed record DirectoryProductAccess(string? Key, string? Id, DateTime? LastActive);
