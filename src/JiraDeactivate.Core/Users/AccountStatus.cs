namespace JiraDeactivate.Core.Users;

/// <summary>The state of a user's account in the organization.</summary>
public enum AccountStatus
{
    /// <summary>The export or the API gave no status the module knows.</summary>
    Unknown,

    /// <summary>Active: holds a seat when given product access.</summary>
    Active,

    /// <summary>Access to the organization suspended: holds no seat.</summary>
    Suspended,

    /// <summary>Account deactivated: holds no seat.</summary>
    Deactivated,
}
