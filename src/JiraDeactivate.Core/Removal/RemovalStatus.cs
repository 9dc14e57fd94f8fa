namespace JiraDeactivate.Core.Removal;

/// <summary>How a user's removal from a product ended.</summary>
public enum RemovalStatus
{
    /// <summary>Removed from every group that granted the product; Jira confirms the access is gone.</summary>
    Removed,

    /// <summary>The user had no access to the product (already removed: a rerun is safe).</summary>
    NoAccess,

    /// <summary>Removed from the granting groups, but Jira still gives access (see the message).</summary>
    StillHasAccess,

    /// <summary>A call failed after its retries; the groups removed so far are listed.</summary>
    Failed,

    /// <summary>Protected or excluded; nothing was changed (see the message).</summary>
    Skipped,
}
