using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// Builds the HttpClient for one Atlassian API and credential, once per connection, as a plain handler chain:
/// the wait for a rate-limit slot outside, then retries and timeouts (Polly), then per attempt the trace, the
/// credential, the answer cleaned of the credential's secrets, and what the pacer learns from each answer.
/// Redirects are not followed, so a credential never reaches another host.
/// </summary>
public static class AtlassianHttpClientFactory
{
    private static readonly AsyncLocal<IHttpTrace?> s_trace = new();

    /// <summary>Where the calls made by the current operation (and the tasks it starts) are traced.</summary>
    public static IHttpTrace? CurrentTrace
    {
        get => s_trace.Value;
        set => s_trace.Value = value;
    }

    /// <summary>
    /// An HttpClient that talks to <paramref name="baseAddress"/> with <paramref name="credential"/> (none: calls
    /// that need no authentication). Dispose it to release the connections.
    /// </summary>
    public static AtlassianHttpClient Create(Uri baseAddress, ApiCredential? credential, HttpClientOptions options, HttpCallStats stats)
    {
        var pacer = new RateLimitPacer(options.Time);
        var handlers = new List<DelegatingHandler> { new PacingHandler(pacer), new ResilienceHandler(Pipeline(options)), new HttpTraceHandler(() => CurrentTrace, stats) };
        if (credential is not null)
        {
            handlers.Add(new AuthorizationHandler(credential, baseAddress, options));
            handlers.Add(new SecretScrubbingHandler(credential));
        }

        handlers.Add(new RateLimitObserver(pacer));
        HttpMessageHandler chain = Chain(Network(options), [.. handlers]);
        var client = new HttpClient(chain, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.Add("Accept", "application/json");
        client.DefaultRequestHeaders.Add("User-Agent", "JiraDeactivate-PowerShell");
        return new AtlassianHttpClient(client, stats);
    }

    /// <summary>The client of an OAuth token endpoint: retries and timeouts, no redirects, no trace (its body holds a secret).</summary>
    internal static HttpClient CreateTokenClient(HttpClientOptions options) =>
        new(Chain(Network(options), new ResilienceHandler(Pipeline(options))), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { { "Accept", "application/json" }, { "User-Agent", "JiraDeactivate-PowerShell" } },
        };

    private static HttpMessageHandler Network(HttpClientOptions options) => options.Network ?? new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 64,
    };

    /// <summary>Links the handlers, outermost first, in front of <paramref name="network"/>.</summary>
    private static HttpMessageHandler Chain(HttpMessageHandler network, params DelegatingHandler[] handlers)
    {
        HttpMessageHandler inner = network;
        for (int i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }

    /// <summary>
    /// Every call the module makes is safe to repeat: reads, and membership changes whose repeat is answered
    /// "not a member" / "already a member", which the clients count as done. The total budget bounds one call
    /// whatever happens inside it, so a server that hangs is reported within about two attempt timeouts.
    /// </summary>
    private static ResiliencePipeline<HttpResponseMessage> Pipeline(HttpClientOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.Time }
            .AddTimeout(options.TotalBudget)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.Of(response, options.Time) : null),
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.AttemptNumber)),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, int attempt) => outcome switch
    {
        // A name that does not resolve will not resolve on the next try either: fail at once.
        { Exception: HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.HostNotFound } } } => false,
        // A refused connection is retried once (a server restarting), not for a minute.
        { Exception: HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } } => attempt < 1,
        // A server that let a whole attempt time out is hung, not busy: one more try, not six (issue 21).
        { Exception: TimeoutRejectedException } => attempt < 1,
        { Exception: HttpRequestException or IOException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };
}
