using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>
/// One product on one site as POST /admin/v2/orgs/{orgId}/workspaces lists it. Its <see cref="Id"/> (a site ARI) is
/// the resource of Revoke and Grant user access, and is sent exactly as given.
/// </summary>
public sealed record Workspace(string Id, string? TypeKey, string? Owner, string? HostUrl)
{
    private static readonly string[] s_softwareKeys = ["jira", "jira-software", "jira-core", "jira-work-management"];
    private static readonly string[] s_serviceKeys = ["jira-servicedesk", "jira-service-desk", "jira-service-management"];

    /// <summary>
    /// The connected site's workspace of a product: on the site (the id ends in "/&lt;cloudId&gt;", or the hostUrl is the
    /// site's address) and of the product (its typeKey, owner or ARI owner is one of the product's keys). Jira's owner
    /// is jira or jira-software (both seen), so either is taken; several candidates are never guessed between.
    /// </summary>
    /// <returns>The workspace, or null with why none could be picked.</returns>
    public static (Workspace? Workspace, string? Problem) Pick(IEnumerable<Workspace> workspaces, JiraProduct product, string? cloudId, Uri? site)
    {
        string[] keys = product == JiraProduct.JiraServiceManagement ? s_serviceKeys : s_softwareKeys;
        var onSite = workspaces.Where(w => IsOnSite(w, cloudId, site)).ToList();
        var candidates = onSite.Where(w => keys.Contains(w.TypeKey ?? "", StringComparer.OrdinalIgnoreCase)
            || keys.Contains(w.Owner ?? "", StringComparer.OrdinalIgnoreCase)
            || keys.Contains(AriOwner(w.Id) ?? "", StringComparer.OrdinalIgnoreCase)).ToList();
        return candidates.Count switch
        {
            1 => (candidates[0], null),
            0 => (null, onSite.Count == 0 ? "the workspaces API lists no workspace of the connected site" : $"the workspaces API lists no {product} workspace of the connected site"),
            _ => (null, $"the workspaces API lists {candidates.Count} {product} workspaces of the connected site ({string.Join(", ", candidates.Select(c => c.Id))}); none is guessed"),
        };
    }

    private static bool IsOnSite(Workspace workspace, string? cloudId, Uri? site) =>
        (cloudId is { Length: > 0 } && workspace.Id.EndsWith("/" + cloudId, StringComparison.OrdinalIgnoreCase))
        || (site is not null && Uri.TryCreate(workspace.HostUrl, UriKind.Absolute, out var host) && Uri.Compare(host, site, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);

    // "ari:cloud:jira-software::site/<cloudId>" -> "jira-software".
    private static string? AriOwner(string id)
    {
        var parts = id.Split(':');
        return parts.Length > 3 && parts[0] == "ari" ? parts[2] : null;
    }
}
