using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Jira;

/// <summary>The permissions /mypermissions knows and whether a caller holds each.</summary>
internal static class JiraPermissionCatalog
{
    private sealed record Definition(string Id, string Name, string Type, string Description, Func<JiraCaller, bool> Holds);

    private static readonly Dictionary<string, Definition> s_definitions = new(StringComparer.Ordinal)
    {
        ["ADMINISTER"] = new("0", "Administer Jira", "GLOBAL",
            "Create and administer projects, issue types, fields, workflows, and schemes for all projects.", c => c.CanAdminister),
        ["SYSTEM_ADMIN"] = new("44", "Administer Jira system", "GLOBAL",
            "Ability to perform all administration functions.", c => c.IsSiteAdmin),
        ["USER_PICKER"] = new("27", "Browse users and groups", "GLOBAL",
            "View and select users or groups from the user picker.", _ => true),
        ["CREATE_SHARED_OBJECTS"] = new("22", "Share dashboards and filters", "GLOBAL",
            "Share dashboards and filters with other users.", _ => true),
        ["BROWSE_PROJECTS"] = new("10", "Browse Projects", "PROJECT",
            "Ability to browse projects and the issues within them.", _ => true),
    };

    public static bool IsKnown(string key) => s_definitions.ContainsKey(key);

    public static JiraPermission Evaluate(string key, JiraCaller caller)
    {
        var definition = s_definitions[key];
        return new JiraPermission(definition.Id, key, definition.Name, definition.Type, definition.Description, definition.Holds(caller));
    }
}
