namespace JiraDeactivate.Emulator.Jira;

/// <summary>
/// The scopes a scoped token needs per route (contract §1.3): the classic scope, or every granular one.
/// GET /applicationrole lists none in the spec (UNCERTAIN): any scoped token reaches it here.
/// </summary>
internal static class JiraScopes
{
    private static readonly (string Method, string Path, string Classic, string[] Granular)[] s_routes =
    [
        ("GET", "/myself", "read:jira-user", ["read:application-role:jira", "read:group:jira", "read:user:jira"]),
        ("GET", "/user", "read:jira-user", ["read:application-role:jira", "read:group:jira", "read:user:jira"]),
        ("GET", "/serverInfo", "read:jira-user", []),
        ("GET", "/mypermissions", "read:jira-work", ["read:permission:jira"]),
        ("GET", "/group/member", "manage:jira-configuration", ["read:group:jira", "read:user:jira", "read:avatar:jira"]),
        ("GET", "/group/bulk", "read:jira-user", ["read:group:jira"]),
        ("DELETE", "/group/user", "manage:jira-configuration", ["write:group:jira"]),
        ("POST", "/group/user", "manage:jira-configuration", ["write:group:jira", "read:group:jira", "read:user:jira"]),
    ];

    /// <summary>True when <paramref name="scopes"/> reach the route; <paramref name="path"/> is under /rest/api/3.</summary>
    public static bool Allows(string method, string path, IReadOnlyCollection<string> scopes)
    {
        foreach (var route in s_routes)
        {
            if (string.Equals(method, route.Method, StringComparison.OrdinalIgnoreCase) && string.Equals(path, route.Path, StringComparison.OrdinalIgnoreCase))
            {
                return scopes.Contains(route.Classic, StringComparer.Ordinal) || (route.Granular.Length > 0 && route.Granular.All(g => scopes.Contains(g, StringComparer.Ordinal)));
            }
        }

        return true;
    }
}
