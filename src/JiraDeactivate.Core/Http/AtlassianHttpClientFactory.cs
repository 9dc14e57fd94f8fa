using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// Builds the HttpClient for one Atlassian API and credential, through Microsoft.Extensions.Http:
/// the wait for a rate-limit slot outside, then retries and timeouts (Microsoft.Extensions.Http.Resilience), then
/// per attempt the trace, the credential and what the pacer learns from each answer. Redirects are not followed, so a credential never reaches another host.
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
    /// An HttpClient factory (Microsoft.Extensions.Http) whose one client talks to <paramref name="baseAddress"/>
    /// with <paramref name="credential"/>. Dispose it to release the connections.
    /// </summary>
    public static AtlassianHttpClient Create(Uri baseAddress, ApiCredential credential, HttpClientOptions options, HttpCallStats stats)
    {
        const string Name = "atlassian";
        var services = new ServiceCollection();
        var builder = services.AddHttpClient(Name, client =>
            {
                client.BaseAddress = baseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.Add("Accept", "application/json");
                client.DefaultRequestHeaders.Add("User-Agent", "JiraDeactivate-PowerShell");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 64,
            })
            // One handler chain for the client's life.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        var pacer = new RateLimitPacer(options.Time);
        builder.AddHttpMessageHandler(() => new PacingHandler(pacer));
        builder.AddResilienceHandler("atlassian", pipeline => Configure(pipeline, options));
        builder.AddHttpMessageHandler(() => new HttpTraceHandler(() => CurrentTrace, stats))
            .AddHttpMessageHandler(() => new AuthorizationHandler(credential, baseAddress))
            .AddHttpMessageHandler(() => new RateLimitObserver(pacer));
        services.AddSingleton(options.Time);
        var provider = services.BuildServiceProvider();
        return new AtlassianHttpClient(provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(Name), stats);
    }

    /// <summary>
    /// Every call the module makes is safe to repeat: reads, and membership changes whose repeat is answered
    /// "not a member" / "already a member", which the clients count as done.
    /// </summary>
    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpClientOptions options) =>
        builder
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.AttemptNumber)),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, int attempt) => outcome switch
    {
        // A name that does not resolve will not resolve on the next try either: fail at once.
        { Exception: HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.HostNotFound } } } => false,
        // A refused connection is retried once (a server restarting), not for a minute.
        { Exception: HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } } => attempt < 1,
        { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };
}
