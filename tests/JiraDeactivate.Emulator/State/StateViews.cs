namespace JiraDeactivate.Emulator.State;

// Immutable copies handed out by OrgState, so callers never see a half-applied change.

public sealed record GroupRef(string GroupId, string Name);

/// <summary>A group named by id (preferred, as Jira does) or by name (case-insensitive).</summary>
public sealed record GroupSelector(string? GroupId, string? GroupName)
{
    public bool IsEmpty => string.IsNullOrEmpty(GroupId) && string.IsNullOrEmpty(GroupName);
}

public sealed record SiteView(string Name, string CloudId, string OrgId);

public sealed record OrgView(string Id, string Name, string DirectoryId);

public sealed record ProductView(
    string Key,
    string AdminKey,
    string Name,
    string CsvName,
    bool ApplicationRole,
    bool Platform,
    int NumberOfSeats,
    string UserCountNoun,
    IReadOnlyList<GroupRef> Groups,
    IReadOnlyList<GroupRef> DefaultGroups);

/// <summary>A Jira application role with its current licence count (distinct active non-app members of its groups).</summary>
public sealed record ApplicationRoleView(ProductView Product, int UserCount);

public sealed record GroupView(
    GroupRef Group,
    int MemberCount,
    bool IsSiteAdminGroup,
    bool IsAdministerGroup,
    IReadOnlyList<string> ProductKeys,
    bool Synced = false);

public sealed record UserView(
    string AccountId,
    string AccountType,
    string DisplayName,
    string? Email,
    bool EmailVisible,
    string TimeZone,
    string Locale,
    string AccountStatus,
    bool Suspended,
    bool Managed,
    bool OrgAdmin,
    DateOnly? AddedToOrg,
    IReadOnlyDictionary<string, DateOnly> LastActive,
    IReadOnlyList<GroupRef> Groups,
    IReadOnlyList<string> ProductKeys,
    IReadOnlyList<string> DirectRoles,
    IReadOnlyList<string> SyncedGroupIds)
{
    /// <summary>What Jira reports as "active": the account is active and its org access not suspended.</summary>
    public bool JiraActive => AccountStatus == "active" && !Suspended;

    public bool IsApp => AccountType == "app";

    /// <summary>The email Jira shows: null when the user hides it.</summary>
    public string? VisibleEmail => EmailVisible ? Email : null;

    public bool HasAccessTo(ProductView product) => ProductKeys.Contains(product.Key);

    public DateOnly? LastActiveIn(ProductView product) =>
        LastActive.TryGetValue(product.AdminKey, out var date) ? date : null;
}

/// <summary>The authenticated Jira caller and what it may do.</summary>
public sealed record JiraCaller(UserView User, bool IsSiteAdmin, bool CanAdminister);

/// <summary>The credentials a client is handed in the start-up line.</summary>
public sealed record CredentialsView(string AdminEmail, string AdminApiToken, string NonAdminEmail, string NonAdminApiToken, string AdminApiKey);

public enum MembershipOutcome
{
    Changed,
    GroupNotFound,
    UserNotFound,
    NotMember,
    AlreadyMember,
}

public sealed record MembershipResult(MembershipOutcome Outcome, GroupView? Group);

/// <summary>How a user holds one product: through which groups, and whether by a direct role.</summary>
public sealed record RoleAssignmentView(ProductView Product, bool ByGroup, bool Direct);

public enum AccessOutcome
{
    Changed,
    OrgNotFound,
    UserNotFound,
    NotAllowed,
}
