using System.Net;
using System.Net.Http.Headers;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// Adds the Authorization header to each attempt, built from the credential at that moment, so the header value
/// is never kept in a long-lived string, and never sent to a host other than the one the credential is for.
/// An OAuth access token the server refuses (revoked, or expired early) is fetched again once.
/// </summary>
internal sealed class AuthorizationHandler(ApiCredential credential, Uri baseAddress, HttpClientOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || Uri.Compare(uri, baseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        string parameter = await credential.HeaderParameterAsync(options, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue(credential.Scheme, parameter);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || credential.Kind != ApiCredentialKind.ClientCredentials || !credential.ForgetAccessToken(parameter))
        {
            return response;
        }

        response.Dispose();
        parameter = await credential.HeaderParameterAsync(options, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue(credential.Scheme, parameter);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
