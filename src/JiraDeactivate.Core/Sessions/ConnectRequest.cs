using JiraDeactivate.Core.Http;

namespace JiraDeactivate.Core.Sessions;

/// <summary>What Connect-JiraAdmin was given. At least one of the site credential and the API key.</summary>
public sealed record ConnectRequest
{
    public static readonly Uri DefaultAdminApiUri = new("https://api.atlassian.com");

    public Uri? Site { get; init; }

    /// <summary>Basic credential: the admin's email and API token.</summary>
    public ApiCredential? SiteCredential { get; init; }

    /// <summary>Bearer credential: an organization admin API key.</summary>
    public ApiCredential? AdminApiKey { get; init; }

    public Uri AdminApiUri { get; init; } = DefaultAdminApiUri;

    public string? OrganizationId { get; init; }

    public HttpClientOptions Http { get; init; } = new();
}
