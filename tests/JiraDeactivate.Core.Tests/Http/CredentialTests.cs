using System.Collections.Concurrent;
using System.Net;
using System.Security;
using System.Text;
using System.Text.Json;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Http;
using JiraDeactivate.Core.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace JiraDeactivate.Core.Tests.Http;

/// <summary>
/// Today's credentials (issue 25): the gateway, service-account bearer tokens, OAuth client credentials renewed
/// before they expire; and secrets removed from whatever a server echoes (issue 21).
/// </summary>
public sealed class CredentialTests
{
    private const string Token = "ATscoped+token/with=signs-0123456789";
    private const string ClientSecret = "client-secret-that-must-not-show-42";
    private const string CloudId = "11111111-2222-3333-4444-555555555555";
    private const string Myself = """{"accountId":"me","accountType":"app","active":true,"displayName":"Service account"}""";
    private const string Administrator = """{"permissions":{"ADMINISTER":{"havePermission":true}}}""";

    private static SecureString Secret(string text)
    {
        var secret = new SecureString();
        foreach (char c in text)
        {
            secret.AppendChar(c);
        }

        return secret;
    }

    private static HttpClientOptions Options(HttpMessageHandler network, TimeProvider? time = null) => new()
    {
        MaxRetries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(2),
        Network = network,
        Time = time ?? TimeProvider.System,
    };

    [Fact]
    public void Every_echoed_form_of_a_secret_and_any_Authorization_value_is_removed()
    {
        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin@acme.example:{Token}"));
        string echoed = $"raw {Token}; json {JsonSerializer.Serialize(Token)}; url {Uri.EscapeDataString(Token)}; header Authorization: Basic {basic}; other \"authorization\":\"Bearer someone-elses-token\"";

        string cleaned = SecretScrubber.Clean(echoed, [Token, basic]);

        Assert.DoesNotContain(Token, cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain(basic, cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(Token), cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonSerializer.Serialize(Token).Trim('"'), cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("someone-elses-token", cleaned, StringComparison.Ordinal);
        Assert.Contains(SecretScrubber.Mask, cleaned, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task An_error_body_that_echoes_the_request_headers_reaches_no_message(int status)
    {
        var network = new Network(request =>
        {
            string header = request.Headers.Authorization!.ToString();
            string body = JsonSerializer.Serialize(new { message = $"proxy refused request with Authorization: {header}", errorMessages = new[] { header }, headers = new { Authorization = header } });
            return (status, body, $"Refused {header}");
        });
        using var http = AtlassianHttpClientFactory.Create(new Uri("https://acme.atlassian.net/"), ApiCredential.Basic("admin@acme.example", Secret(Token)), Options(network), new HttpCallStats());

        var error = await Assert.ThrowsAsync<AtlassianApiException>(() => new JiraRestClient(http.Client).GetMyselfAsync(CancellationToken.None));

        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin@acme.example:{Token}"));
        Assert.Contains("proxy refused request", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(basic, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(basic[..20], error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuth_access_tokens_are_fetched_again_before_they_expire_and_never_sent_twice_after()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var network = new OAuthNetwork(lifetimeSeconds: 10);
        using var credential = ApiCredential.ClientCredentials("client-1", Secret(ClientSecret), new Uri("https://auth.atlassian.com/oauth/token"));
        using var http = AtlassianHttpClientFactory.Create(new Uri($"https://api.atlassian.com/ex/jira/{CloudId}/"), credential, Options(network, time), new HttpCallStats());
        var jira = new JiraRestClient(http.Client);

        await jira.GetMyselfAsync(CancellationToken.None);
        await jira.GetMyselfAsync(CancellationToken.None);
        Assert.Equal(1, network.TokensIssued);

        // Within the last fifth of its lifetime the token is renewed, before the server would refuse it.
        time.Advance(TimeSpan.FromSeconds(8.5));
        await jira.GetMyselfAsync(CancellationToken.None);

        Assert.Equal(2, network.TokensIssued);
        Assert.Equal(3, network.ApiCalls.Count);
        Assert.Equal(network.ApiCalls.ElementAt(0), network.ApiCalls.ElementAt(1));
        Assert.NotEqual(network.ApiCalls.ElementAt(1), network.ApiCalls.ElementAt(2));
        Assert.Equal(0, network.Refused);
        Assert.Equal(time.GetUtcNow().AddSeconds(10), credential.AccessTokenExpiresAt);
    }

    [Fact]
    public async Task An_access_token_refused_early_is_fetched_again_once()
    {
        var network = new OAuthNetwork(lifetimeSeconds: 3600) { RevokeFirstToken = true };
        using var credential = ApiCredential.ClientCredentials("client-1", Secret(ClientSecret), new Uri("https://auth.atlassian.com/oauth/token"));
        using var http = AtlassianHttpClientFactory.Create(new Uri($"https://api.atlassian.com/ex/jira/{CloudId}/"), credential, Options(network), new HttpCallStats());

        await new JiraRestClient(http.Client).GetMyselfAsync(CancellationToken.None);

        Assert.Equal(2, network.TokensIssued);
        Assert.Equal(1, network.Refused);
    }

    [Fact]
    public async Task A_refused_client_secret_says_so_and_the_secret_echoed_back_is_removed()
    {
        var network = new OAuthNetwork(lifetimeSeconds: 60) { RefuseSecret = true };
        var error = await Assert.ThrowsAsync<ConnectException>(() => SessionConnector.ConnectAsync(new ConnectRequest
        {
            Site = new Uri($"https://api.atlassian.com/ex/jira/{CloudId}"),
            SiteCredential = ApiCredential.ClientCredentials("client-1", Secret(ClientSecret), new Uri("https://auth.atlassian.com/oauth/token")),
            Http = Options(network),
        }, CancellationToken.None));

        Assert.Equal(ConnectFailure.BadToken, error.Failure);
        Assert.Contains("client ID and secret were refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scoped_token_the_site_refuses_connects_through_the_gateway_and_the_site_keeps_its_name()
    {
        var network = new Network(request => request.RequestUri!.AbsolutePath switch
        {
            "/_edge/tenant_info" when request.Headers.Authorization is null => (200, $$"""{"cloudId":"{{CloudId}}"}""", "OK"),
            var path when path.StartsWith("/rest/api/3/", StringComparison.Ordinal) => (401, """{"message":"Client must be authenticated to access this resource.","status-code":401}""", "Unauthorized"),
            var path when path.EndsWith("/myself", StringComparison.Ordinal) => (200, Myself, "OK"),
            var path when path.EndsWith("/mypermissions", StringComparison.Ordinal) => (200, Administrator, "OK"),
            var path when path.EndsWith("/serverInfo", StringComparison.Ordinal) => (200, """{"baseUrl":"https://acme.atlassian.net"}""", "OK"),
            _ => (404, "{}", "Not Found"),
        });

        using var session = await SessionConnector.ConnectAsync(new ConnectRequest
        {
            Site = new Uri("https://acme.atlassian.net"),
            SiteCredential = ApiCredential.Basic("admin@acme.example", Secret(Token)),
            Http = Options(network),
        }, CancellationToken.None);

        Assert.Equal(new Uri($"https://api.atlassian.com/ex/jira/{CloudId}/"), session.JiraApiUri);
        Assert.Equal(new Uri("https://acme.atlassian.net/"), session.Site);
        Assert.Equal("acme", session.SiteName);
        Assert.Equal(CloudId, session.CloudId);
        Assert.Contains(session.Notes, n => n.Contains("gateway accepted it", StringComparison.Ordinal));
        Assert.Contains(network.Paths, p => p == $"/ex/jira/{CloudId}/rest/api/3/myself");
    }

    [Fact]
    public void A_gateway_address_keeps_one_slash_before_the_cloud_ID()
    {
        var normalized = SiteAddress.Normalize(new Uri($"https://api.atlassian.com/ex/jira/{CloudId}/rest/api/3"), "Site");

        Assert.Equal(new Uri($"https://api.atlassian.com/ex/jira/{CloudId}/"), normalized);
        Assert.Equal(CloudId, GatewayAddress.CloudIdOf(normalized));
    }

    [Fact]
    public void Credentials_that_expire_within_14_days_are_warned_of_and_later_ones_are_not()
    {
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var connection = new JiraAdminConnection { User = "admin@acme.example", OrganizationName = "Acme", ApiTokenExpiresAt = now.AddDays(13), AdminApiKeyExpiresAt = now.AddDays(15), AdminApiKeyName = "nightly" };

        var warnings = ExpiryCheck.Warnings(connection, now).ToList();

        Assert.Single(warnings);
        Assert.Contains("An API token of admin@acme.example expires on 2026-12-14", warnings[0], StringComparison.Ordinal);
        Assert.Contains("in 13 days", warnings[0], StringComparison.Ordinal);
        Assert.Equal(2, ExpiryCheck.Warnings(connection with { AdminApiKeyExpiresAt = now.AddDays(2) }, now).Count());
    }

    /// <summary>Answers each request from a function of the request: status, body and reason phrase.</summary>
    private sealed class Network(Func<HttpRequestMessage, (int Status, string Body, string Reason)> answer) : HttpMessageHandler
    {
        public ConcurrentQueue<string> Paths { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Paths.Enqueue(request.RequestUri!.AbsolutePath);
            var (status, body, reason) = answer(request);
            return Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { ReasonPhrase = reason, Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    /// <summary>A token endpoint and a gateway that checks its bearer tokens.</summary>
    private sealed class OAuthNetwork(int lifetimeSeconds) : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<string, bool> _valid = new();
        private int _issued;
        private int _refused;

        public bool RevokeFirstToken { get; init; }

        public bool RefuseSecret { get; init; }

        public int TokensIssued => _issued;

        public int Refused => _refused;

        public ConcurrentQueue<string> ApiCalls { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/oauth/token")
            {
                string body = await request.Content!.ReadAsStringAsync(cancellationToken);
                if (RefuseSecret)
                {
                    return Answer(401, $$"""{"error":"access_denied","error_description":"Unauthorized for {{body.Replace("\"", "'", StringComparison.Ordinal)}}"}""");
                }

                int number = Interlocked.Increment(ref _issued);
                string token = $"access-{number}-{Guid.NewGuid():N}";
                _valid[token] = !(RevokeFirstToken && number == 1);
                return Answer(200, $$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":{{lifetimeSeconds}}}""");
            }

            string bearer = request.Headers.Authorization is { Scheme: "Bearer" } authorization ? authorization.Parameter! : string.Empty;
            if (!_valid.TryGetValue(bearer, out bool valid) || !valid)
            {
                Interlocked.Increment(ref _refused);
                return Answer(401, """{"code":401,"message":"Unauthorized"}""");
            }

            ApiCalls.Enqueue(bearer);
            return Answer(200, Myself);
        }

        private static HttpResponseMessage Answer(int status, string body) =>
            new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
