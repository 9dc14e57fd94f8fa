using System.Net.Http.Headers;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// Adds the Authorization header to each attempt, built from the credential at that moment, so the header value
/// is never kept in a long-lived string, and never sent to a host other than the one the credential is for.
/// </summary>
internal sealed class AuthorizationHandler(ApiCredential credential, Uri baseAddress) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && Uri.Compare(uri, baseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(credential.Scheme, credential.HeaderParameter());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
