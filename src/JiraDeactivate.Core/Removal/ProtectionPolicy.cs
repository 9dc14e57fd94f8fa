using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Removal;

/// <summary>Who must never lose access, whatever the input says.</summary>
public sealed record ProtectionPolicy
{
    /// <summary>
    /// Administrators' groups under their usual names: a fallback beside the groups Jira itself reports with admin
    /// or site-admin access (<see cref="AdministratorGroups"/>), which are what really decides.
    /// </summary>
    public static readonly IReadOnlyList<string> AdministratorGroupNames = ["site-admins", "administrators", "jira-administrators", "jira-admins", "org-admins"];

    /// <summary>The connected admin's account.</summary>
    public string? ConnectedAccountId { get; init; }

    /// <summary>The groups that hold admin or site-admin access, as Jira reports them now.</summary>
    public AdministratorGroups AdministratorGroups { get; init; } = AdministratorGroups.None;

    /// <summary>The organization's admins, from the Admin API; null when they could not be looked up.</summary>
    public IReadOnlySet<string>? OrganizationAdmins { get; init; }

    /// <summary>
    /// Why a protection could not be checked (a lookup failed): every user is then skipped with this reason,
    /// rather than assumed not to be an admin. Null when every protection was checked.
    /// </summary>
    public string? Unchecked { get; init; }

    /// <summary>Members of these groups are skipped (the names of -ExcludeGroup and the fallback names); wildcards per the matcher.</summary>
    public Func<string, bool> IsExcludedGroup { get; init; } = static _ => false;

    /// <summary>Users matched by -Exclude (account ID or email).</summary>
    public Func<string, string?, bool> IsExcluded { get; init; } = static (_, _) => false;

    /// <summary>Also change app (bot) accounts.</summary>
    public bool IncludeAppAccounts { get; init; }

    /// <summary>True when the group is an administrators' group or excluded by name.</summary>
    public bool IsProtected(JiraGroup group) => AdministratorGroups.Contains(group) || IsExcludedGroup(group.Name);
}
