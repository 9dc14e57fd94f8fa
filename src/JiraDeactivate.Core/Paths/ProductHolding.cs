using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Paths;

/// <summary>
/// How a user holds one product on the site: the granting groups this module may change (local), those an identity
/// provider syncs (never changed here), and a role assigned directly (Revoke user access frees it).
/// </summary>
/// <param name="LocalGroups">Granting groups that are not synced (or, without the Admin API, whose source cannot be seen).</param>
/// <param name="SyncedGroups">Granting groups an identity provider syncs.</param>
/// <param name="DirectRole">True: a direct role; false: none; null: not read (no sign of one, or no Admin API).</param>
/// <param name="ApplicationRoleListed">Jira lists the product among the user's application roles.</param>
/// <param name="PathsVisible">False without the Admin API: synced groups and direct roles cannot be seen.</param>
public sealed record ProductHolding(IReadOnlyList<JiraGroup> LocalGroups, IReadOnlyList<JiraGroup> SyncedGroups, bool? DirectRole, bool ApplicationRoleListed, bool PathsVisible)
{
    /// <summary>True when Jira lists the product but no group grants it: a path only the Admin API shows and changes.</summary>
    public bool HeldOtherwise => ApplicationRoleListed && LocalGroups.Count == 0 && SyncedGroups.Count == 0;

    public bool HasAccess => LocalGroups.Count > 0 || SyncedGroups.Count > 0 || DirectRole == true || ApplicationRoleListed;

    /// <summary>The paths by name, for output objects and reports: "group", "synced group", "direct role", "not by a group".</summary>
    public TextList Paths => (string[])[
        .. LocalGroups.Count > 0 ? ["group"] : Array.Empty<string>(),
        .. SyncedGroups.Count > 0 ? ["synced group"] : Array.Empty<string>(),
        .. DirectRole == true ? ["direct role"] : Array.Empty<string>(),
        .. DirectRole != true && HeldOtherwise ? [PathsVisible ? "other path" : "not by a group"] : Array.Empty<string>()];
}
