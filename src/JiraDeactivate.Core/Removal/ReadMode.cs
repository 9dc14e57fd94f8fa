namespace JiraDeactivate.Core.Removal;

/// <summary>How a removal run reads the users' memberships and takes its last look.</summary>
public enum ReadMode
{
    /// <summary>Whichever costs fewer calls for the run: bulk reads for many users, one user at a time for a few.</summary>
    Auto,

    /// <summary>One read per user for the plan, the last look and the verification.</summary>
    PerUser,

    /// <summary>Bulk reads wherever they can be made: the v2 user search, the members of the granting groups.</summary>
    Bulk,
}
