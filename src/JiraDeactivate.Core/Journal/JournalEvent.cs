namespace JiraDeactivate.Core.Journal;

/// <summary>What a journal line records.</summary>
public enum JournalEvent
{
    /// <summary>A run began: who, where, how many users it will change.</summary>
    RunStarted,

    /// <summary>A user's removal was approved, with the groups it will leave (written before any change).</summary>
    Planned,

    /// <summary>About to remove the user from a group (a line without its outcome means the run stopped during the call).</summary>
    Removing,

    /// <summary>The user was removed from the group by this run.</summary>
    Removed,

    /// <summary>The user was not in the group any more: nothing to do.</summary>
    AlreadyRemoved,

    /// <summary>Removing the user from the group failed.</summary>
    RemoveFailed,

    /// <summary>The user's access was read back after the removal; Status holds the outcome.</summary>
    Verified,

    /// <summary>About to add the user back to a group.</summary>
    Restoring,

    /// <summary>The user was added back to the group.</summary>
    Restored,

    /// <summary>The user was already in the group again.</summary>
    AlreadyRestored,

    /// <summary>Adding the user back failed.</summary>
    RestoreFailed,

    /// <summary>About to revoke the user's direct role on the product (Revoke user access; Resource names the workspace).</summary>
    RoleRevoking,

    /// <summary>The user's direct role was revoked by this run.</summary>
    RoleRevoked,

    /// <summary>The user held the role directly no more: nothing to do.</summary>
    RoleAlreadyRevoked,

    /// <summary>Revoking the direct role failed.</summary>
    RoleRevokeFailed,

    /// <summary>About to grant the role back directly (Grant user access).</summary>
    RoleGranting,

    /// <summary>The role was granted back.</summary>
    RoleGranted,

    /// <summary>The user held the role directly again already.</summary>
    RoleAlreadyGranted,

    /// <summary>Granting the role back failed.</summary>
    RoleGrantFailed,

    /// <summary>About to suspend the user's access to the organization.</summary>
    Suspending,

    /// <summary>The user's access was suspended by this run.</summary>
    Suspended,

    /// <summary>The user's access was suspended already before this run: nothing done, and nothing to resume.</summary>
    AlreadySuspended,

    /// <summary>Suspending the user's access failed.</summary>
    SuspendFailed,

    /// <summary>About to restore (resume) a suspended user's access.</summary>
    Resuming,

    /// <summary>The user's access was restored.</summary>
    Resumed,

    /// <summary>The user's access was not suspended any more: nothing to do.</summary>
    AlreadyResumed,

    /// <summary>Restoring the user's access failed.</summary>
    ResumeFailed,
}
