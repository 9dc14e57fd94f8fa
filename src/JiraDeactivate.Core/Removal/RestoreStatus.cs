namespace JiraDeactivate.Core.Removal;

/// <summary>How putting a user's memberships back ended.</summary>
public enum RestoreStatus
{
    /// <summary>The user is back in every group the run removed them from.</summary>
    Restored,

    /// <summary>The user was already back in every group: nothing to do.</summary>
    AlreadyPresent,

    /// <summary>Not changed: declined at the confirmation prompt (see the message).</summary>
    Skipped,

    /// <summary>A call failed after its retries; the groups restored so far are listed.</summary>
    Failed,
}
