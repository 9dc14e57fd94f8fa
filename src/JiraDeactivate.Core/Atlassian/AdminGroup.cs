namespace JiraDeactivate.Core.Atlassian;

/// <summary>
/// A group as the Admin API's v2 group search gives it, with the signals of a group an identity provider syncs.
/// </summary>
/// <param name="GroupId">Jira's groupId: the uuid at the end of the group's ARI.</param>
/// <param name="Name">The group's name.</param>
/// <param name="ExternalSynced">"Created via IdP Sync".</param>
/// <param name="ManagedBy">external, admins, team-members or open.</param>
/// <param name="Modifiable">managementAccess.modifiable.</param>
public sealed record AdminGroup(string? GroupId, string? Name, bool? ExternalSynced, string? ManagedBy, bool? Modifiable)
{
    /// <summary>Any one of the three signals marks the group synced: its members are the identity provider's to change.</summary>
    public bool IsSynced => ExternalSynced == true || string.Equals(ManagedBy, "external", StringComparison.OrdinalIgnoreCase) || Modifiable == false;

    /// <summary>True when this is the Jira group <paramref name="group"/> (by groupId, else by name).</summary>
    public bool Is(JiraGroup group) =>
        group.GroupId is { Length: > 0 } id && GroupId is { Length: > 0 }
            ? string.Equals(GroupId, id, StringComparison.OrdinalIgnoreCase)
            : string.Equals(Name, group.Name, StringComparison.OrdinalIgnoreCase);
}
