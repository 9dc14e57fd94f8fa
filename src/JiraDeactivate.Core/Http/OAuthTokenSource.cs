using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// The access tokens of OAuth 2.0 client credentials: fetched from the token endpoint when first needed, kept in
/// memory only, and fetched again a fifth of their lifetime (at most 5 minutes) before they expire. Atlassian gives
/// no refresh token, so each renewal repeats the exchange.
/// </summary>
internal sealed class OAuthTokenSource : IDisposable
{
    private const int IssuedKept = 8;
    private static readonly TimeSpan s_longestMargin = TimeSpan.FromMinutes(5);

    private readonly ApiCredential _credential;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _issued = [];
    private string? _token;
    private DateTimeOffset _renewAt;

    public OAuthTokenSource(ApiCredential credential, HttpClientOptions options)
    {
        _credential = credential;
        _time = options.Time;
        _http = AtlassianHttpClientFactory.CreateTokenClient(options);
    }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Current() ?? await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops <paramref name="refused"/> if it is still the token in use; true: the next call gets a fresh one.</summary>
    public bool Forget(string refused)
    {
        lock (_issued)
        {
            if (string.Equals(_token, refused, StringComparison.Ordinal))
            {
                _token = null;
            }

            return true;
        }
    }

    public IReadOnlyList<string> Issued()
    {
        lock (_issued)
        {
            return [.. _issued];
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    private string? Current()
    {
        lock (_issued)
        {
            return _token is not null && _time.GetUtcNow() < _renewAt ? _token : null;
        }
    }

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        var uri = _credential.TokenUri!;
        string path = uri.AbsolutePath;
        var body = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _credential.User ?? string.Empty,
            ["client_secret"] = _credential.RevealClientSecret(),
        };
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(uri, JsonContent.Create(body), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new AtlassianApiException(AtlassianApi.TokenEndpoint, "POST", path, null, $"the token endpoint {uri.GetLeftPart(UriPartial.Authority)} could not be reached ({e.GetType().Name}), also after retries: check -TokenUri and the network.", e);
        }

        using (response)
        {
            string text = SecretScrubber.Clean(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), _credential.Secrets());
            if (!response.IsSuccessStatusCode)
            {
                string detail = ApiErrorBody.Describe(text, response.Content.Headers.ContentType?.MediaType);
                throw new AtlassianApiException(AtlassianApi.TokenEndpoint, "POST", path, response.StatusCode,
                    response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden
                        ? $"the client ID and secret were refused: the secret may be wrong, expired or rotated, or the credential deleted. {detail}"
                        : detail);
            }

            var answer = Parse(text, path, response.StatusCode);
            var now = _time.GetUtcNow();
            var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn);
            var margin = TimeSpan.FromTicks(Math.Min(s_longestMargin.Ticks, lifetime.Ticks / 5));
            lock (_issued)
            {
                _token = answer.Token;
                _issued.Add(answer.Token);
                if (_issued.Count > IssuedKept)
                {
                    _issued.RemoveAt(0);
                }

                ExpiresAt = now + lifetime;
                _renewAt = now + lifetime - margin;
            }

            return answer.Token;
        }
    }

    // The answer is untrusted: a token of the wrong kind or without a lifetime is an error, not a guess.
    private static (string Token, double ExpiresIn) Parse(string text, string path, HttpStatusCode status)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            string? token = root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            string? type = root.TryGetProperty("token_type", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : "Bearer";
            double expiresIn = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double seconds) ? seconds : 0;
            if (string.IsNullOrWhiteSpace(token) || token.Any(char.IsWhiteSpace) || !string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                throw new AtlassianApiException(AtlassianApi.TokenEndpoint, "POST", path, status, "the answer has no bearer access_token.");
            }

            if (expiresIn is <= 0 or > 366 * 24 * 3600)
            {
                throw new AtlassianApiException(AtlassianApi.TokenEndpoint, "POST", path, status, "the answer's expires_in is missing or not a number of seconds.");
            }

            return (token, expiresIn);
        }
        catch (JsonException)
        {
            throw new AtlassianApiException(AtlassianApi.TokenEndpoint, "POST", path, status, "the answer was not JSON.");
        }
    }
}
