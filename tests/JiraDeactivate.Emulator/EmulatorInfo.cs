namespace JiraDeactivate.Emulator;

/// <summary>What a client needs to reach a running emulator; printed as the one JSON line on stdout.</summary>
public sealed record EmulatorInfo(
    string SiteUrl,
    string AdminApiUrl,
    string ControlUrl,
    string Email,
    string ApiToken,
    string AdminApiKey,
    string OrgId,
    string CloudId,
    string SiteName,
    string NonAdminEmail,
    string NonAdminApiToken,
    int Pid)
{
    /// <summary>The gateway's base (the emulator itself), for Connect-JiraAdmin -GatewayUri.</summary>
    public string GatewayUrl { get; init; } = "";

    /// <summary>The site's gateway address, &lt;GatewayUrl&gt;/ex/jira/&lt;cloudId&gt;.</summary>
    public string GatewaySiteUrl { get; init; } = "";

    /// <summary>The OAuth token endpoint, for Connect-JiraAdmin -TokenUri.</summary>
    public string TokenUrl { get; init; } = "";

    /// <summary>A scoped API token of the admin (gateway only, Basic).</summary>
    public string ScopedEmail { get; init; } = "";

    public string ScopedApiToken { get; init; } = "";

    /// <summary>A service account's scoped token (gateway only; Basic with this email, or Bearer).</summary>
    public string ServiceAccountEmail { get; init; } = "";

    public string ServiceAccountToken { get; init; } = "";

    /// <summary>A service account's OAuth 2.0 client credentials.</summary>
    public string ClientId { get; init; } = "";

    public string ClientSecret { get; init; } = "";
}
