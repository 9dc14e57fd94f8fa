using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Http;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Sessions;

/// <summary>
/// A connection to one Jira site (email and API token) and/or one organization (admin API key).
/// Holds the HTTP clients; the secrets stay inside their <see cref="ApiCredential"/>s and are never exposed.
/// </summary>
public sealed class JiraAdminSession : IDisposable
{
    private readonly AtlassianHttpClient? _jiraHttp;
    private readonly AtlassianHttpClient? _adminHttp;
    private readonly ApiCredential? _jiraCredential;
    private readonly ApiCredential? _adminCredential;
    private JiraAdminConnection? _connection;

    internal JiraAdminSession(SiteConnection? site, OrganizationConnection? organization, IReadOnlyList<string>? notes = null, IReadOnlyList<string>? warnings = null)
    {
        Notes = notes ?? [];
        Warnings = warnings ?? [];
        if (site is not null)
        {
            Site = site.Uri;
            JiraApiUri = site.JiraApi;
            SiteName = site.Name;
            CloudId = site.CloudId;
            Account = site.Account;
            _jiraHttp = site.Http;
            _jiraCredential = site.Credential;
            Jira = new JiraRestClient(site.Http.Client);
        }

        if (organization is not null)
        {
            AdminApiUri = organization.Uri;
            Organization = organization.Organization;
            _adminHttp = organization.Http;
            _adminCredential = organization.Credential;
            Admin = new AdminApiClient(organization.Http.Client);
            Lifecycle = new AdminLifecycleClient(organization.Http.Client);
            AccessPaths = new AccessPathClient(organization.Http.Client);
        }
    }

    public DateTime ConnectedAt { get; } = DateTime.UtcNow;

    /// <summary>What the session is connected to, without any secret; always the same object, so it can name the session (-Connection).</summary>
    public JiraAdminConnection Connection => _connection ??= JiraAdminConnection.Describe(this, _jiraCredential);

    /// <summary>What connecting found out that the user should know (the gateway taken, and why).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>What the connection cannot do that the user may expect (found while connecting).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>When the connected account's API token expires, from the Admin API's inventory (the soonest of its tokens).</summary>
    public DateTimeOffset? ApiTokenExpiresAt { get; init; }

    /// <summary>When the organization's API key that expires first expires, from the Admin API's inventory.</summary>
    public DateTimeOffset? AdminApiKeyExpiresAt { get; init; }

    public string? AdminApiKeyName { get; init; }

    /// <summary>The site's own address (https://acme.atlassian.net/), also when its REST API is reached through the gateway.</summary>
    public Uri? Site { get; }

    /// <summary>Where the Jira REST API is called: the site, or the gateway (https://api.atlassian.com/ex/jira/&lt;cloudId&gt;/).</summary>
    public Uri? JiraApiUri { get; }

    /// <summary>The site's sub-domain ("acme" for acme.atlassian.net), as exports name it.</summary>
    public string? SiteName { get; }

    public string? CloudId { get; }

    /// <summary>The connected admin's Jira account.</summary>
    public JiraAccount? Account { get; }

    public Uri? AdminApiUri { get; }

    public Organization? Organization { get; }

    /// <summary>The Jira REST API client, or null without a site credential.</summary>
    public JiraRestClient? Jira { get; }

    /// <summary>The Admin API client, or null without an API key.</summary>
    public AdminApiClient? Admin { get; }

    /// <summary>The Admin API's v2 suspend and restore calls, or null without an API key.</summary>
    public AdminLifecycleClient? Lifecycle { get; }

    /// <summary>The Admin API's calls on how users hold products (workspaces, role assignments, Revoke and Grant, group search), or null without an API key.</summary>
    public AccessPathClient? AccessPaths { get; }

    /// <summary>The fuse on how many users this connection's runs may change.</summary>
    public ChangeFuse Fuse { get; } = new();

    public HttpCallStats? JiraStats => _jiraHttp?.Stats;

    public HttpCallStats? AdminStats => _adminHttp?.Stats;

    /// <summary>The Jira client, or a clear error saying what to connect.</summary>
    public JiraRestClient RequireJira(string feature) =>
        Jira ?? throw new SessionRequirementException($"{feature} needs the site's Jira REST API: connect with Connect-JiraAdmin -Site <https://your-site.atlassian.net> -Credential <email and API token>.");

    /// <summary>The Admin API client and organization, or a clear error saying what to connect.</summary>
    public (AdminApiClient Client, Organization Organization) RequireAdmin(string feature) =>
        Admin is not null && Organization is not null
            ? (Admin, Organization)
            : throw new SessionRequirementException($"{feature} needs the organization Admin API: connect with Connect-JiraAdmin -AdminApiKey <organization API key> (and -Site with -Credential for the product groups).");

    public void Dispose()
    {
        _jiraHttp?.Dispose();
        _adminHttp?.Dispose();
        _jiraCredential?.Dispose();
        _adminCredential?.Dispose();
    }

    internal sealed record SiteConnection(Uri Uri, Uri JiraApi, string? Name, string? CloudId, JiraAccount Account, AtlassianHttpClient Http, ApiCredential Credential);

    internal sealed record OrganizationConnection(Uri Uri, Organization Organization, AtlassianHttpClient Http, ApiCredential Credential);
}
