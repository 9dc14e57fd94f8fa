using System.Net;
using JiraDeactivate.Core.Http;
using Microsoft.Extensions.Time.Testing;

namespace JiraDeactivate.Core.Tests.Http;

public class RateLimitPacerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedServer _server;

    public RateLimitPacerTests() => _server = new ScriptedServer(_time);

    private HttpMessageInvoker Client()
    {
        var pacer = new RateLimitPacer(_time);
        return new(new PacingHandler(pacer) { InnerHandler = new RateLimitObserver(pacer) { InnerHandler = _server } });
    }

    private static Task<HttpResponseMessage> Get(HttpMessageInvoker client) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x"), CancellationToken.None);

    private static HttpResponseMessage TooMany(int limit, int retryAfterSeconds)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-RateLimit-Limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    [Fact]
    public async Task Sends_at_once_while_no_limit_is_known()
    {
        using var client = Client();

        for (int i = 0; i < 5; i++)
        {
            (await Get(client)).Dispose();
        }

        Assert.Equal(5, _server.SentAt.Count);
        Assert.All(_server.SentAt, t => Assert.Equal(_time.GetUtcNow(), t));
    }

    [Fact]
    public async Task A_429_holds_back_every_request_until_Retry_After_has_passed()
    {
        using var client = Client();
        _server.Next(TooMany(limit: 10, retryAfterSeconds: 2));
        (await Get(client)).Dispose();

        var next = Get(client);
        _time.Advance(TimeSpan.FromMilliseconds(1900));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        (await next).Dispose();

        Assert.True(_server.SentAt[1] - _server.SentAt[0] >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Once_the_limit_is_known_requests_are_spaced_just_under_it()
    {
        using var client = Client();
        _server.Next(TooMany(limit: 10, retryAfterSeconds: 0));
        (await Get(client)).Dispose();

        var sends = new List<Task<HttpResponseMessage>>();
        for (int i = 0; i < 20; i++)
        {
            sends.Add(Get(client));
        }

        while (sends.Any(s => !s.IsCompleted))
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        var span = _server.SentAt[^1] - _server.SentAt[1];
        // 19 gaps: never faster than 10 per second, never slower than 90% of it slowed down once by 1.5 after the 429.
        Assert.InRange(span.TotalSeconds, 19 / 10.0, 19 / 9.0 * 1.5 * 1.01);
    }

    [Fact]
    public async Task A_burst_of_429s_slows_down_once_not_once_per_answer()
    {
        using var client = Client();
        for (int i = 0; i < 10; i++)
        {
            _server.Next(TooMany(limit: 10, retryAfterSeconds: 0));
        }

        // All ten are in flight together, then all get their 429 at once.
        _server.Hold = true;
        var burst = Enumerable.Range(0, 10).Select(_ => Get(client)).ToList();
        _server.Release();
        // No time passes: the answers are handled at the same moment, as a real burst's would be.
        foreach (var response in await Task.WhenAll(burst))
        {
            response.Dispose();
        }

        var a = Get(client);
        var b = Get(client);
        while (!a.IsCompleted || !b.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        // One slow-down by 1.5 spaces them by 1/9 * 1.5 = 0.17 s; two would give 0.25 s, ten the 0.44 s cap.
        Assert.InRange((_server.SentAt[^1] - _server.SentAt[^2]).TotalSeconds, 0.1, 0.2);
    }

    /// <summary>Answers each request with the next scripted response (200 when none is left) and notes when it was sent.</summary>
    private sealed class ScriptedServer(TimeProvider time) : HttpMessageHandler
    {
        private readonly Queue<HttpResponseMessage> _responses = new();

        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<DateTimeOffset> SentAt { get; } = [];

        /// <summary>When set, answers wait for <see cref="Release"/>.</summary>
        public bool Hold { get; set; }

        public void Next(HttpResponseMessage response) => _responses.Enqueue(response);

        public void Release()
        {
            Hold = false;
            _released.TrySetResult();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            lock (_responses)
            {
                SentAt.Add(time.GetUtcNow());
                response = _responses.TryDequeue(out var scripted) ? scripted : new HttpResponseMessage(HttpStatusCode.OK);
            }

            if (Hold)
            {
                await _released.Task.ConfigureAwait(false);
            }

            return response;
        }
    }
}
