using System.Net;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Http;

namespace JiraDeactivate.Core.Sessions;

/// <summary>Checks each credential with a real call and builds a session; on any failure nothing stays open.</summary>
public static class SessionConnector
{
    public static async Task<JiraAdminSession> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        if (request.SiteCredential is null && request.AdminApiKey is null)
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, "Give -Site with -Credential (email and API token), -AccessToken or -ClientId (a service account), -AdminApiKey (organization API key), or a site credential and a key.");
        }

        if (request.SiteCredential is not null && request.Site is null)
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, "The site credential needs -Site, the address of your Jira site (https://your-site.atlassian.net) or its gateway address (https://api.atlassian.com/ex/jira/<cloudId>).");
        }

        if (request.Site is not null && request.SiteCredential is null)
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, "-Site needs a credential: -Credential (the email as the user name and an API token as the password), -AccessToken, or -ClientId with -ClientSecret.");
        }

        if (request.SiteCredential is { IsEmpty: true } || (request.SiteCredential is { Kind: ApiCredentialKind.Basic or ApiCredentialKind.ClientCredentials } credential && string.IsNullOrWhiteSpace(credential.User)))
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, request.SiteCredential.Kind switch
            {
                ApiCredentialKind.Basic => "-Credential needs the admin's email as the user name and an API token as the password; one of them is empty.",
                ApiCredentialKind.ClientCredentials => "The client credentials need a client ID and a client secret; one of them is empty.",
                _ => "-AccessToken is empty.",
            });
        }

        if (request.AdminApiKey is { IsEmpty: true })
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, "-AdminApiKey is empty.");
        }

        Uri? site = request.Site is null || request.SiteCredential is null ? null : SiteAddress.Normalize(request.Site, "Site");
        Uri? admin = request.AdminApiKey is null ? null : SiteAddress.Normalize(request.AdminApiUri, "AdminApiUri");
        if (request.SiteCredential is { Kind: ApiCredentialKind.ClientCredentials, TokenUri: { } tokenUri })
        {
            CheckTokenUri(tokenUri);
        }

        var notes = new List<string>();
        var warnings = new List<string>();
        JiraAdminSession.SiteConnection? siteConnection = null;
        try
        {
            if (site is not null)
            {
                siteConnection = await new SiteConnector(site, request, notes, warnings).ConnectAsync(cancellationToken).ConfigureAwait(false);
            }

            var organizationConnection = admin is null
                ? null
                : await ConnectOrganizationAsync(admin, request.AdminApiKey!, request.OrganizationId, request.Http, cancellationToken).ConfigureAwait(false);
            var expiry = organizationConnection is null
                ? default
                : await ExpiryCheck.ReadAsync(organizationConnection.Http.Client, organizationConnection.Organization.Id, siteConnection?.Account.AccountId, notes, cancellationToken).ConfigureAwait(false);
            var session = new JiraAdminSession(siteConnection, organizationConnection, notes, warnings)
            {
                ApiTokenExpiresAt = expiry.Token,
                AdminApiKeyExpiresAt = expiry.Key,
                AdminApiKeyName = expiry.KeyName,
            };
            warnings.AddRange(ExpiryCheck.Warnings(session.Connection, DateTimeOffset.UtcNow));
            return session;
        }
        catch
        {
            siteConnection?.Http.Dispose();
            throw;
        }
    }

    private static void CheckTokenUri(Uri tokenUri)
    {
        // The same rules as the site's address: https (http for this machine only), no user name, query or fragment.
        SiteAddress.Normalize(tokenUri, "TokenUri");
    }

    private static async Task<JiraAdminSession.OrganizationConnection> ConnectOrganizationAsync(Uri admin, ApiCredential key, string? organizationId, HttpClientOptions options, CancellationToken cancellationToken)
    {
        var http = AtlassianHttpClientFactory.Create(admin, key, options, new HttpCallStats());
        try
        {
            var client = new AdminApiClient(http.Client);
            Organization organization;
            try
            {
                organization = organizationId is { Length: > 0 }
                    ? await client.GetOrganizationAsync(organizationId, cancellationToken).ConfigureAwait(false)
                        ?? throw new ConnectException(ConnectFailure.WrongOrganization, $"The Admin API at {admin} knows no organization '{organizationId}' for this API key: check -OrganizationId (shown when the key was created, and in admin.atlassian.com/o/<id>).")
                    : ChooseOrganization(await client.GetOrganizationsAsync(cancellationToken).ConfigureAwait(false), admin);
            }
            catch (AtlassianApiException e)
            {
                throw e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    ? new ConnectException(ConnectFailure.BadApiKey, $"The Admin API at {admin} refused the organization API key ({(int)e.StatusCode!}): it may be wrong, expired (keys last at most a year), revoked, or a scoped key without access to organizations; the Admin API takes only an organization API key, never a service account's token. {e.Detail}", e)
                    : new ConnectException(ConnectFailure.AdminApiUnreachable, $"The Admin API at {admin} could not be reached or did not answer as the Admin API: {e.Message} Check -AdminApiUri (default https://api.atlassian.com) and the network.", e);
            }

            return new JiraAdminSession.OrganizationConnection(admin, organization, http, key);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private static Organization ChooseOrganization(IReadOnlyList<Organization> organizations, Uri admin) => organizations.Count switch
    {
        1 => organizations[0],
        0 => throw new ConnectException(ConnectFailure.WrongOrganization, $"The API key can manage no organization at {admin}."),
        _ => throw new ConnectException(ConnectFailure.WrongOrganization,
            $"The API key can manage {organizations.Count} organizations: {string.Join(", ", organizations)}. Choose one with -OrganizationId."),
    };
}
