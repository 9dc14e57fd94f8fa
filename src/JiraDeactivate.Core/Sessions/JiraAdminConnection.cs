namespace JiraDeactivate.Core.Sessions;

/// <summary>What a runspace is connected to. Holds no secret.</summary>
public sealed record JiraAdminConnection
{
    public Uri? Site { get; init; }

    public string? SiteName { get; init; }

    public string? CloudId { get; init; }

    /// <summary>The admin's email (the user name of the API token), or the OAuth client ID.</summary>
    public string? User { get; init; }

    /// <summary>Where the Jira REST API is called: the site itself, or Atlassian's gateway for scoped tokens.</summary>
    public Uri? JiraApiUri { get; init; }

    /// <summary>The site credential: "API token", "Bearer token" (a service account's) or "OAuth client credentials".</summary>
    public string? CredentialType { get; init; }

    /// <summary>When the OAuth access token in use expires (it is fetched again before then).</summary>
    public DateTimeOffset? AccessTokenExpiresAt { get; init; }

    /// <summary>When the account's API token expires (the Admin API's inventory; the soonest of the account's tokens).</summary>
    public DateTimeOffset? ApiTokenExpiresAt { get; init; }

    /// <summary>When the organization's soonest-expiring API key expires (the inventory does not say which key is this one).</summary>
    public DateTimeOffset? AdminApiKeyExpiresAt { get; init; }

    /// <summary>The name of that API key.</summary>
    public string? AdminApiKeyName { get; init; }

    public string? AccountId { get; init; }

    public string? DisplayName { get; init; }

    public Uri? AdminApiUri { get; init; }

    public string? OrganizationId { get; init; }

    public string? OrganizationName { get; init; }

    /// <summary>True when the site's Jira REST API is connected (email and API token).</summary>
    public bool JiraConnected { get; init; }

    /// <summary>True when the organization Admin API is connected (API key).</summary>
    public bool AdminApiConnected { get; init; }

    public DateTime ConnectedAt { get; init; }

    internal static JiraAdminConnection Describe(JiraAdminSession session, Http.ApiCredential? credential) => new()
    {
        Site = session.Site,
        SiteName = session.SiteName,
        CloudId = session.CloudId,
        User = credential?.User,
        JiraApiUri = session.JiraApiUri,
        CredentialType = credential?.Kind switch
        {
            Http.ApiCredentialKind.Basic => "API token",
            Http.ApiCredentialKind.BearerToken => "Bearer token",
            Http.ApiCredentialKind.ClientCredentials => "OAuth client credentials",
            _ => null,
        },
        AccessTokenExpiresAt = credential?.AccessTokenExpiresAt,
        ApiTokenExpiresAt = session.ApiTokenExpiresAt,
        AdminApiKeyExpiresAt = session.AdminApiKeyExpiresAt,
        AdminApiKeyName = session.AdminApiKeyName,
        AccountId = session.Account?.AccountId,
        DisplayName = session.Account?.DisplayName,
        AdminApiUri = session.AdminApiUri,
        OrganizationId = session.Organization?.Id,
        OrganizationName = session.Organization?.Name,
        JiraConnected = session.Jira is not null,
        AdminApiConnected = session.Admin is not null,
        ConnectedAt = session.ConnectedAt,
    };

    public override string ToString() =>
        string.Join("; ", new[] { JiraConnected ? $"{User ?? DisplayName} on {Site}" : null, AdminApiConnected ? $"organization {OrganizationName ?? OrganizationId}" : null }.Where(p => p is not null));
}
