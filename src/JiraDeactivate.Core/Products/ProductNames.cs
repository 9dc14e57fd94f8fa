namespace JiraDeactivate.Core.Products;

/// <summary>
/// Every name under which Atlassian's APIs and exports refer to a Jira product.
/// The same product has different keys in the Admin API, the Jira REST API and the CSV export.
/// </summary>
public static class ProductNames
{
    private static readonly Dictionary<string, JiraProduct> s_exportNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Jira"] = JiraProduct.JiraSoftware,
        ["Jira Software"] = JiraProduct.JiraSoftware,
        ["Jira Service Management"] = JiraProduct.JiraServiceManagement,
        ["Jira Service Desk"] = JiraProduct.JiraServiceManagement,
    };

    private static readonly Dictionary<string, JiraProduct> s_userNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JiraSoftware"] = JiraProduct.JiraSoftware,
        ["Jira"] = JiraProduct.JiraSoftware,
        ["Jira Software"] = JiraProduct.JiraSoftware,
        ["jira-software"] = JiraProduct.JiraSoftware,
        ["JiraServiceManagement"] = JiraProduct.JiraServiceManagement,
        ["Jira Service Management"] = JiraProduct.JiraServiceManagement,
        ["Jira Service Desk"] = JiraProduct.JiraServiceManagement,
        ["jira-servicedesk"] = JiraProduct.JiraServiceManagement,
        ["jira-service-desk"] = JiraProduct.JiraServiceManagement,
        ["JSM"] = JiraProduct.JiraServiceManagement,
    };

    private static readonly HashSet<string> s_otherProductKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "confluence", "bitbucket", "trello", "opsgenie", "statuspage", "stride", "hipchat", "jira-ops", "jira-product-discovery",
        "compass", "loom", "atlas", "townsquare", "jira-align", "focus",
    };

    /// <summary>Every name a user may give a product: the enum's names, the exports' names, the API keys and "JSM".</summary>
    public static IReadOnlyCollection<string> UserNames => s_userNames.Keys;

    /// <summary>The product a user named in any of <see cref="UserNames"/> (case-insensitive), if any.</summary>
    public static JiraProduct? FromUserName(string name) =>
        s_userNames.TryGetValue(name.Trim(), out var product) ? product : null;

    /// <summary>The key of the product in the Admin API's last-active-dates answer.</summary>
    public static string AdminApiKey(JiraProduct product) => product switch
    {
        JiraProduct.JiraSoftware => "jira-software",
        JiraProduct.JiraServiceManagement => "jira-service-desk",
        _ => throw new ArgumentOutOfRangeException(nameof(product)),
    };

    /// <summary>The key of the product's application role in the Jira REST API.</summary>
    public static string ApplicationRoleKey(JiraProduct product) => product switch
    {
        JiraProduct.JiraSoftware => "jira-software",
        JiraProduct.JiraServiceManagement => "jira-servicedesk",
        _ => throw new ArgumentOutOfRangeException(nameof(product)),
    };

    /// <summary>The product named by an export column ("Jira", "Jira Software", "Jira Service Desk"...), if it is one of ours.</summary>
    public static JiraProduct? FromExportName(string name) =>
        s_exportNames.TryGetValue(name.Trim(), out var product) ? product : null;

    /// <summary>The product whose Jira application role key this is, if it is one of ours.</summary>
    public static JiraProduct? FromApplicationRoleKey(string key) => key switch
    {
        "jira-software" => JiraProduct.JiraSoftware,
        "jira-servicedesk" => JiraProduct.JiraServiceManagement,
        _ => null,
    };

    /// <summary>
    /// The product whose key in the v2 user search's productAccess this is, if it is one of ours. The keys are an
    /// open set, spelled differently across Atlassian's APIs and years: Jira (Software) is documented as "jira" and
    /// has answered "jira-software", "jira-core" and "jira-work-management"; the JSM key is undocumented.
    /// </summary>
    public static JiraProduct? FromSearchKey(string? key) => key?.ToLowerInvariant() switch
    {
        "jira" or "jira-software" or "jira-core" or "jira-work-management" => JiraProduct.JiraSoftware,
        "jira-servicedesk" or "jira-service-desk" or "jira-service-management" => JiraProduct.JiraServiceManagement,
        _ => null,
    };

    /// <summary>
    /// The product whose key in a last-active-dates answer this is, if it is one of ours: the same open set as the
    /// v2 search (v1 answered "jira-software" in 2026, v2 names Jira "jira").
    /// </summary>
    public static JiraProduct? FromAdminApiKey(string key) => FromSearchKey(key);

    /// <summary>True for a last-active key of a product that is none of ours (Confluence, Bitbucket...): it says nothing about Jira.</summary>
    public static bool IsOtherProductKey(string key) => s_otherProductKeys.Contains(key);

}
