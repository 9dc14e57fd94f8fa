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

    /// <summary>The product whose Admin API key this is, if it is one of ours.</summary>
    public static JiraProduct? FromAdminApiKey(string key) => key switch
    {
        "jira-software" => JiraProduct.JiraSoftware,
        "jira-service-desk" or "jira-servicedesk" => JiraProduct.JiraServiceManagement,
        _ => null,
    };
}
