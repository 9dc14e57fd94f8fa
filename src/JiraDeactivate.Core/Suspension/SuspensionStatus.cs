namespace JiraDeactivate.Core.Suspension;

/// <summary>The outcome of suspending or resuming one user.</summary>
public enum SuspensionStatus
{
    /// <summary>Access was suspended, and reading the status back confirms it.</summary>
    Suspended,

    /// <summary>Access was suspended already: counted as done.</summary>
    AlreadySuspended,

    /// <summary>Access was restored, and reading the status back confirms it.</summary>
    Resumed,

    /// <summary>Access was not suspended: nothing to resume.</summary>
    NotSuspended,

    /// <summary>The call succeeded, but the status read back is not the one asked for.</summary>
    NotVerified,

    /// <summary>Not changed: a protection, an exclusion, recent activity, or another site.</summary>
    Skipped,

    /// <summary>The change, or reading what it needs, failed.</summary>
    Failed,
}
