using System.Net;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Http;

namespace JiraDeactivate.Core.Sessions;

/// <summary>
/// Connects to a site's Jira REST API at its own address or through the gateway. A credential that works only
/// through the gateway (bearer and OAuth tokens) goes there at once; an API token the site refuses is tried through
/// the gateway once, as a scoped token would be. The cloud ID comes from the site's tenant_info (no authentication).
/// </summary>
internal sealed class SiteConnector(Uri site, ConnectRequest request, List<string> notes, List<string> warnings)
{
    private readonly ApiCredential _credential = request.SiteCredential!;

    public async Task<JiraAdminSession.SiteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        string? cloudId = GatewayAddress.CloudIdOf(site);
        if (cloudId is not null)
        {
            return await ConnectAtAsync(site, cloudId, viaGateway: true, cancellationToken).ConfigureAwait(false);
        }

        if (_credential.GatewayOnly)
        {
            cloudId = await ReadCloudIdAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new ConnectException(ConnectFailure.WrongSite,
                    $"The credential ({_credential}) works only through Atlassian's gateway, and {site} did not give its cloud ID (GET /_edge/tenant_info): give -Site {GatewayAddress.For(request.GatewayUri, "<cloudId>")}.");
            var gateway = GatewayAddress.For(request.GatewayUri, cloudId);
            notes.Add($"The credential ({_credential}) works only through the gateway: the Jira REST API is called at {gateway} (cloud ID {cloudId} from {site}_edge/tenant_info).");
            return await ConnectAtAsync(gateway, cloudId, viaGateway: true, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await ConnectAtAsync(site, null, viaGateway: false, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectException e) when (e.Failure == ConnectFailure.BadToken && e.InnerException is AtlassianApiException { StatusCode: HttpStatusCode.Unauthorized })
        {
            cloudId = await ReadCloudIdAsync(cancellationToken).ConfigureAwait(false);
            if (cloudId is null)
            {
                throw new ConnectException(ConnectFailure.BadToken,
                    $"{e.Message} If it is a scoped API token, it works only through the gateway, and {site} did not give its cloud ID: give -Site {GatewayAddress.For(request.GatewayUri, "<cloudId>")}.", e.InnerException);
            }

            var gateway = GatewayAddress.For(request.GatewayUri, cloudId);
            try
            {
                var connection = await ConnectAtAsync(gateway, cloudId, viaGateway: true, cancellationToken).ConfigureAwait(false);
                notes.Add($"{site} refused the API token and the gateway accepted it (a scoped API token): the Jira REST API is called at {gateway}.");
                return connection;
            }
            catch (ConnectException g) when (g.Failure == ConnectFailure.BadToken && g.InnerException is AtlassianApiException { StatusCode: HttpStatusCode.Unauthorized })
            {
                throw new ConnectException(ConnectFailure.BadToken,
                    $"{site} and the gateway {gateway} both refused the email and API token of {_credential.User} (401): check the email owns the token, and that the token has not expired (every API token expires within a year) or been revoked.", g.InnerException);
            }
            catch (ConnectException g) when (g.Failure == ConnectFailure.WrongSite)
            {
                // The site's own refusal is the news; that the gateway could not be tried is a footnote.
                throw new ConnectException(ConnectFailure.BadToken, $"{e.Message} (A scoped token would work through the gateway {gateway}, which could not be reached: {g.Message})", e.InnerException);
            }
        }
    }

    private async Task<JiraAdminSession.SiteConnection> ConnectAtAsync(Uri api, string? cloudId, bool viaGateway, CancellationToken cancellationToken)
    {
        var http = AtlassianHttpClientFactory.Create(api, _credential, request.Http, new HttpCallStats());
        try
        {
            var jira = new JiraRestClient(http.Client);
            JiraAccount account;
            (bool Administer, bool? SiteAdministrator) rights;
            try
            {
                account = await jira.GetMyselfAsync(cancellationToken).ConfigureAwait(false);
                rights = await jira.GetAdministratorRightsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AtlassianApiException e)
            {
                throw Failure(api, viaGateway, e);
            }

            if (!rights.Administer)
            {
                throw new ConnectException(ConnectFailure.NotAdministrator,
                    $"{Who(account)} signed in to {api}, but is not a Jira administrator (no 'Administer Jira' permission); finding and removing product access needs a site admin (group changes need site-admin).");
            }

            if (rights.SiteAdministrator == false)
            {
                warnings.Add($"{Who(account)} can find users, read product access and licences, but is not a site administrator: Remove-JiraProductAccess and Restore-JiraProductAccess need site-admin, and Jira would refuse their changes (403).");
            }

            Uri? baseUrl = await Optional(() => jira.GetSiteBaseUrlAsync(cancellationToken)).ConfigureAwait(false);
            cloudId ??= await Optional(() => jira.GetCloudIdAsync(cancellationToken)).ConfigureAwait(false);
            // Through the gateway the site is still known by its own address (exports say "acme"), when Jira tells it.
            Uri shown = viaGateway ? SiteOf(baseUrl) ?? site : api;
            return new JiraAdminSession.SiteConnection(shown, api, SiteAddress.NameOf(baseUrl ?? shown), cloudId, account, http, _credential);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    // serverInfo's baseUrl is untrusted: only a plain https site address is shown as the site.
    private static Uri? SiteOf(Uri? baseUrl)
    {
        try
        {
            return baseUrl is { Scheme: "https" } ? SiteAddress.Normalize(baseUrl, "Site") : null;
        }
        catch (ConnectException)
        {
            return null;
        }
    }

    private async Task<string?> ReadCloudIdAsync(CancellationToken cancellationToken)
    {
        using var http = AtlassianHttpClientFactory.Create(site, null, request.Http, new HttpCallStats());
        string? cloudId = await Optional(() => new JiraRestClient(http.Client).GetCloudIdAsync(cancellationToken)).ConfigureAwait(false);
        return GatewayAddress.IsCloudId(cloudId) ? cloudId : null;
    }

    private string Who(JiraAccount account) => _credential.Kind == ApiCredentialKind.Basic ? _credential.User! : $"{account.DisplayName} ({_credential})";

    private ConnectException Failure(Uri api, bool viaGateway, AtlassianApiException e) => e.StatusCode switch
    {
        HttpStatusCode.Unauthorized when e.Api == AtlassianApi.TokenEndpoint => new ConnectException(ConnectFailure.BadToken,
            $"The token endpoint {_credential.TokenUri} refused the client credentials of {_credential.User} (401): {e.Detail}", e),
        _ when e.Api == AtlassianApi.TokenEndpoint => new ConnectException(e.StatusCode is null ? ConnectFailure.WrongSite : ConnectFailure.BadToken,
            $"No access token from {_credential.TokenUri}: {e.Message}", e),
        HttpStatusCode.Unauthorized when e.Detail.Contains("scope", StringComparison.OrdinalIgnoreCase) => new ConnectException(ConnectFailure.BadToken,
            $"{api} accepted the {_credential} but not for {e.Method} {e.Path}: the token lacks a scope. {e.Detail}", e),
        HttpStatusCode.Unauthorized => new ConnectException(ConnectFailure.BadToken, _credential.Kind switch
        {
            ApiCredentialKind.Basic when viaGateway => $"The gateway {api} refused the email and API token of {_credential.User} (401): check the email owns the token (a service account's is …@serviceaccount.atlassian.com), and that the token has not expired (every token expires within a year) or been revoked.",
            ApiCredentialKind.Basic => $"{api} refused the email and API token of {_credential.User} (401): check the email owns the token and the token has not expired or been revoked.",
            ApiCredentialKind.BearerToken => $"The gateway {api} refused the bearer token (401): it may have expired or been revoked, or be a person's token (a person's API token is sent with -Credential, as email and token).",
            _ => $"The gateway {api} refused the access token of OAuth client {_credential.User} (401): the credential may have been revoked, or lacks access to this site.",
        }, e),
        HttpStatusCode.Forbidden => new ConnectException(ConnectFailure.BadToken,
            $"{api} refused {(_credential.User ?? _credential.ToString())} (403): the account may be deactivated, or the token scoped without access. {e.Detail}", e),
        null => new ConnectException(ConnectFailure.WrongSite, $"Could not reach {api}: {e.Detail}", e),
        _ => new ConnectException(ConnectFailure.WrongSite, $"{api} did not answer as a Jira Cloud site ({(int)e.StatusCode} to {e.Method} {e.Path}): {e.Detail}", e),
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
