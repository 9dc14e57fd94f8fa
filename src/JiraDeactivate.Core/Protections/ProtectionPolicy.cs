using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Protections;

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

    /// <summary>True when -Exclude names emails (a pattern with '@'): a user whose email nobody gives cannot be checked against them.</summary>
    public bool ExcludesByEmail { get; init; }

    /// <summary>
    /// The protections the input alone decides, in order (another site, the connected admin, an unchecked
    /// protection, an organization admin, -Exclude): the first that applies as (kind, reason), or null.
    /// Without the Admin API an organization admin can only be recognized by an export's org role that a sealed
    /// judgment carries (<paramref name="orgRoleReported"/>); without that the user is skipped.
    /// </summary>
    public (string Kind, string Reason)? ByInput(string accountId, string? site, string? siteName, string? orgRole, string? email, string? sealedEmail = null, bool orgRoleReported = true)
    {
        if (site is { Length: > 0 } && siteName is not null && !string.Equals(site, siteName, StringComparison.OrdinalIgnoreCase))
        {
            return ("other site", $"the input is about site '{site}', but the connection is to '{siteName}'");
        }

        if (string.Equals(accountId, ConnectedAccountId, StringComparison.Ordinal))
        {
            return ("connected admin", "the connected admin is never changed");
        }

        if (Unchecked is { } uncheckedReason)
        {
            return ("protection not checked", uncheckedReason);
        }

        if (orgRole is { } role && role.Contains("admin", StringComparison.OrdinalIgnoreCase))
        {
            return ("organization admin", $"organization role '{role}': admins are protected");
        }

        if (OrganizationAdmins?.Contains(accountId) == true)
        {
            return ("organization admin", "an organization admin (Admin API): admins are protected");
        }

        if (OrganizationAdmins is null && !orgRoleReported)
        {
            return ("protection not checked", "not changed: whether the user is an organization admin cannot be checked (no Admin API, and the judgment carries no org role from an export)");
        }

        return IsExcluded(accountId, email) || (sealedEmail is not null && IsExcluded(accountId, sealedEmail)) ? ("excluded", "excluded by -Exclude") : null;
    }

    /// <summary>The skip of a user whose email nobody gives while -Exclude names emails; null when the emails are known or not needed.</summary>
    public (string Kind, string Reason)? ByUnknownEmail(params string?[] emails) =>
        ExcludesByEmail && emails.All(string.IsNullOrEmpty)
            ? ("protection not checked", "not changed: -Exclude names emails, and neither the input, Jira nor the Admin API gives this user's email (hidden), so the exclusion cannot be checked")
            : null;

    /// <summary>The protections Jira's account decides (-Exclude by its email, app accounts, protected groups), or null.</summary>
    public (string Kind, string Reason)? ByAccount(JiraUserAccess access)
    {
        var account = access.Account;
        if (IsExcluded(account.AccountId, account.Email))
        {
            return ("excluded", "excluded by -Exclude");
        }

        if (account.IsApp && !IncludeAppAccounts)
        {
            return ("app account", "an app account (add -IncludeAppAccounts to change it)");
        }

        var protectedGroups = access.Groups.Where(IsProtected).Select(g => $"'{g.Name}'").ToList();
        return protectedGroups.Count > 0 ? ("protected group", $"member of the protected group {string.Join(", ", protectedGroups)}") : null;
    }

    /// <summary>True when the group is an administrators' group or excluded by name.</summary>
    public bool IsProtected(JiraGroup group) => AdministratorGroups.Contains(group) || IsExcludedGroup(group.Name);
}
