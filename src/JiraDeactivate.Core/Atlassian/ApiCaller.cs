using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.Timeout;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>Sends one call to an Atlassian API and turns every way it can fail into an <see cref="AtlassianApiException"/>.</summary>
internal sealed class ApiCaller(HttpClient client, AtlassianApi api)
{
    public async Task<T> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, pathAndQuery, null, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "GET", pathAndQuery, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, "GET", pathAndQuery, type, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A GET whose 404 means "there is none": null then; any other failure throws as <see cref="GetAsync{T}"/> does.</summary>
    public async Task<T?> GetOrNullAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(HttpMethod.Get, pathAndQuery, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "GET", pathAndQuery, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, "GET", pathAndQuery, type, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a call and returns its answer, successful or not; the caller decides what a status means.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
        try
        {
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                string target = response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.GetLeftPart(UriPartial.Authority) : "another path") : "another address";
                response.Dispose();
                throw new AtlassianApiException(api, method.Method, pathAndQuery, response.StatusCode,
                    $"the server redirected to {target}. Redirects are not followed, so the credentials are never sent elsewhere: connect to the address the site really has.");
            }

            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException or IOException)
        {
            string reason = e is TimeoutRejectedException or TaskCanceledException ? "the call timed out, also after retries" : $"{e.Message} (also after retries)";
            throw new AtlassianApiException(api, method.Method, pathAndQuery, null, reason, e);
        }
    }

    public async Task EnsureSuccessAsync(HttpResponseMessage response, string method, string pathAndQuery, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        throw await ErrorAsync(response, method, pathAndQuery, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AtlassianApiException> ErrorAsync(HttpResponseMessage response, string method, string pathAndQuery, CancellationToken cancellationToken)
    {
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string detail = ApiErrorBody.Describe(body, response.Content.Headers.ContentType?.MediaType);
        return new AtlassianApiException(api, method, pathAndQuery, response.StatusCode, WithRights(detail, method, pathAndQuery, response.StatusCode));
    }

    // A refusal says what the call needed: the gateway's 401 "scope does not match", or any 403.
    private string WithRights(string detail, string method, string pathAndQuery, System.Net.HttpStatusCode status)
    {
        bool scope = detail.Contains("scope", StringComparison.OrdinalIgnoreCase);
        return api == AtlassianApi.Jira && (status == System.Net.HttpStatusCode.Forbidden || (status == System.Net.HttpStatusCode.Unauthorized && scope))
            && JiraCallRights.Describe(method, pathAndQuery) is { } rights
            ? $"{detail} {rights}"
            : detail;
    }

    public async Task<T> ReadAsync<T>(HttpResponseMessage response, string method, string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                ?? throw new AtlassianApiException(api, method, pathAndQuery, response.StatusCode, "the answer was empty (null).");
        }
        catch (JsonException e)
        {
            throw new AtlassianApiException(api, method, pathAndQuery, response.StatusCode, $"the answer was not the JSON expected ({e.Message.Split('.')[0]}); it may be truncated.", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new AtlassianApiException(api, method, pathAndQuery, response.StatusCode, $"the answer broke off: {e.Message}", e);
        }
    }
}
