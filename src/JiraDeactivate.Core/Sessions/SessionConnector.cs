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
            throw new ConnectException(ConnectFailure.InvalidArgument, "Give -Site with -Credential (email and API token), -AdminApiKey (organization API key), or both.");
        }

        if (request.SiteCredential is not null && request.Site is null)
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, "-Credential needs -Site, the address of your Jira site (https://your-site.atlassian.net).");
        }

        if (request.Site is not null && request.SiteCredential is null)
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, "-Site needs -Credential: the admin's email as the user name and an API token as the password.");
        }

        if (request.SiteCredential is { IsEmpty: true } || (request.SiteCredential is { } credential && string.IsNullOrWhiteSpace(credential.User)))
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, "-Credential needs the admin's email as the user name and an API token as the password; one of them is empty.");
        }

        if (request.AdminApiKey is { IsEmpty: true })
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, "-AdminApiKey is empty.");
        }

        Uri? site = request.Site is null || request.SiteCredential is null ? null : SiteAddress.Normalize(request.Site, "Site");
        Uri? admin = request.AdminApiKey is null ? null : SiteAddress.Normalize(request.AdminApiUri, "AdminApiUri");

        JiraAdminSession.SiteConnection? siteConnection = null;
        try
        {
            if (site is not null)
            {
                siteConnection = await ConnectSiteAsync(site, request.SiteCredential!, request.Http, cancellationToken).ConfigureAwait(false);
            }

            var organizationConnection = admin is null
                ? null
                : await ConnectOrganizationAsync(admin, request.AdminApiKey!, request.OrganizationId, request.Http, cancellationToken).ConfigureAwait(false);
            return new JiraAdminSession(siteConnection, organizationConnection);
        }
        catch
        {
            siteConnection?.Http.Dispose();
            throw;
        }
    }

    private static async Task<JiraAdminSession.SiteConnection> ConnectSiteAsync(Uri site, ApiCredential credential, HttpClientOptions options, CancellationToken cancellationToken)
    {
        var http = AtlassianHttpClientFactory.Create(site, credential, options, new HttpCallStats());
        try
        {
            var jira = new JiraRestClient(http.Client);
            JiraAccount account;
            bool administrator;
            try
            {
                account = await jira.GetMyselfAsync(cancellationToken).ConfigureAwait(false);
                administrator = await jira.IsJiraAdministratorAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AtlassianApiException e)
            {
                throw SiteFailure(site, credential, e);
            }

            if (!administrator)
            {
                throw new ConnectException(ConnectFailure.NotAdministrator,
                    $"{credential.User} signed in to {site}, but is not a Jira administrator (no 'Administer Jira' permission); finding and removing product access needs a site admin.");
            }

            Uri? baseUrl = await Optional(() => jira.GetSiteBaseUrlAsync(cancellationToken)).ConfigureAwait(false);
            string? cloudId = await Optional(() => jira.GetCloudIdAsync(cancellationToken)).ConfigureAwait(false);
            return new JiraAdminSession.SiteConnection(site, SiteAddress.NameOf(baseUrl ?? site), cloudId, account, http, credential);
        }
        catch
        {
            http.Dispose();
            throw;
        }
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
                    ? new ConnectException(ConnectFailure.BadApiKey, $"The Admin API at {admin} refused the organization API key ({(int)e.StatusCode!}): it may be wrong, expired, revoked, or a scoped key without access to organizations. {e.Detail}", e)
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

    private static ConnectException SiteFailure(Uri site, ApiCredential credential, AtlassianApiException e) => e.StatusCode switch
    {
        HttpStatusCode.Unauthorized => new ConnectException(ConnectFailure.BadToken,
            $"{site} refused the email and API token of {credential.User} (401): check the email owns the token and the token has not expired or been revoked.", e),
        HttpStatusCode.Forbidden => new ConnectException(ConnectFailure.BadToken,
            $"{site} refused {credential.User} (403): the account may be deactivated, or the token scoped without access. {e.Detail}", e),
        null => new ConnectException(ConnectFailure.WrongSite, $"Could not reach {site}: {e.Detail}", e),
        _ => new ConnectException(ConnectFailure.WrongSite, $"{site} did not answer as a Jira Cloud site ({(int)e.StatusCode} to {e.Method} {e.Path}): {e.Detail}", e),
    };

    // Details that improve the session but are not needed to use it.
    private static async Task<T?> Optional<T>(Func<Task<T?>> call)
        where T : class
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AtlassianApiException)
        {
            return null;
        }
    }
}
