namespace JiraDeactivate.Core.Atlassian;

/// <summary>What a group membership call did.</summary>
public enum MembershipChange
{
    /// <summary>The membership was changed by this call.</summary>
    Changed,

    /// <summary>Nothing to change: the user was not a member (removal) or already was (addition).</summary>
    AlreadyDone,
}
