namespace JiraDeactivate.Core.Atlassian;

/// <summary>
/// What each Jira REST call the module makes needs: the classic scope, the granular scopes (either set is enough for
/// a scoped token) and the Jira permission, which scopes never replace (contract §1.3; docs/guides/permissions.md).
/// </summary>
public static class JiraCallRights
{
    private static readonly (string Method, string Path, string Classic, string Granular, string Permission)[] s_rights =
    [
        ("GET", "rest/api/3/myself", "read:jira-user", "read:application-role:jira read:group:jira read:user:jira", "none (any signed-in account)"),
        ("GET", "rest/api/3/mypermissions", "read:jira-work", "read:permission:jira", "none"),
        ("GET", "rest/api/3/serverInfo", "read:jira-user", "none listed", "none"),
        ("GET", "rest/api/3/applicationrole", "none listed (UNCERTAIN whether a scoped token reaches it)", "none listed", "Administer Jira"),
        ("GET", "rest/api/3/group/member", "manage:jira-configuration", "read:group:jira read:user:jira read:avatar:jira", "Browse users and groups"),
        ("GET", "rest/api/3/group/bulk", "read:jira-user", "read:group:jira", "Browse users and groups"),
        ("GET", "rest/api/3/user", "read:jira-user", "read:application-role:jira read:group:jira read:user:jira", "Browse users and groups"),
        ("DELETE", "rest/api/3/group/user", "manage:jira-configuration", "write:group:jira", "site administrator (Jira admins cannot change group membership)"),
        ("POST", "rest/api/3/group/user", "manage:jira-configuration", "write:group:jira read:group:jira read:user:jira", "site administrator (Jira admins cannot change group membership)"),
    ];

    /// <summary>"needs the scope … (classic) or … (granular), and the Jira permission …", or null for a call not listed.</summary>
    public static string? Describe(string method, string pathAndQuery)
    {
        string path = pathAndQuery.Split('?')[0].TrimStart('/');
        foreach (var right in s_rights)
        {
            if (string.Equals(method, right.Method, StringComparison.OrdinalIgnoreCase)
                && (path.EndsWith(right.Path, StringComparison.OrdinalIgnoreCase) || path.Contains(right.Path + "/", StringComparison.OrdinalIgnoreCase)))
            {
                return $"{right.Method} /{right.Path} needs the scope {right.Classic} (classic) or {right.Granular} (granular) on a scoped token, and the Jira permission: {right.Permission}.";
            }
        }

        return null;
    }
}
