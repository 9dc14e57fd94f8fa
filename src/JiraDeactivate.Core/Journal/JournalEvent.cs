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
}
