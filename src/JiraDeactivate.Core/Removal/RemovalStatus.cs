namespace JiraDeactivate.Core.Removal;

/// <summary>How a user's removal from a product ended.</summary>
public enum RemovalStatus
{
    /// <summary>
    /// Every path that granted the product is gone (local groups left, a direct role revoked), and Jira and the role
    /// assignments confirm it: the seat is free.
    /// </summary>
    Removed,

    /// <summary>The user had no access to the product (already removed: a rerun is safe).</summary>
    NoAccess,

    /// <summary>Removed from the granting groups, but Jira still gives access (see the message).</summary>
    StillHasAccess,

    /// <summary>A call failed after its retries; the groups removed so far are listed.</summary>
    Failed,

    /// <summary>Protected or excluded; nothing was changed (see the message).</summary>
    Skipped,

    /// <summary>
    /// The product also comes from a group an identity provider syncs (SCIM from Entra ID, Okta...): nothing was
    /// changed, since its next sync would put the access back. The message names the groups; remove the user there.
    /// </summary>
    ManagedByIdentityProvider,
}
