namespace JiraDeactivate.Core.Removal;

/// <summary>Who must never lose access, whatever the input says.</summary>
public sealed record ProtectionPolicy
{
    /// <summary>Groups whose members are administrators: site admins and Jira admins under their usual names.</summary>
    public static readonly IReadOnlyList<string> AdministratorGroups = ["site-admins", "administrators", "jira-administrators", "jira-admins", "org-admins"];

    /// <summary>The connected admin's account.</summary>
    public string? ConnectedAccountId { get; init; }

    /// <summary>Members of these groups are skipped (administrators and the groups of -ExcludeGroup); wildcards per the matcher.</summary>
    public Func<string, bool> IsProtectedGroup { get; init; } = static _ => false;

    /// <summary>Users matched by -Exclude (account ID or email).</summary>
    public Func<string, string?, bool> IsExcluded { get; init; } = static (_, _) => false;

    /// <summary>Also change app (bot) accounts.</summary>
    public bool IncludeAppAccounts { get; init; }
}
