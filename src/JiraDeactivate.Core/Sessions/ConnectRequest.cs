using JiraDeactivate.Core.Http;

namespace JiraDeactivate.Core.Sessions;

/// <summary>What Connect-JiraAdmin was given. At least one of the site credential and the API key.</summary>
public sealed record ConnectRequest
{
    public static readonly Uri DefaultAdminApiUri = new("https://api.atlassian.com");

    public Uri? Site { get; init; }

    /// <summary>
    /// The site's credential: the admin's (or a service account's) email and API token (Basic), a service account's
    /// bearer token, or its OAuth client credentials.
    /// </summary>
    public ApiCredential? SiteCredential { get; init; }

    /// <summary>Bearer credential: an organization admin API key.</summary>
    public ApiCredential? AdminApiKey { get; init; }

    public Uri AdminApiUri { get; init; } = DefaultAdminApiUri;

    /// <summary>Atlassian's API gateway, for scoped tokens and service accounts: &lt;GatewayUri&gt;/ex/jira/&lt;cloudId&gt;/.</summary>
    public Uri GatewayUri { get; init; } = GatewayAddress.DefaultGatewayUri;

    public string? OrganizationId { get; init; }

    public HttpClientOptions Http { get; init; } = new();
}
