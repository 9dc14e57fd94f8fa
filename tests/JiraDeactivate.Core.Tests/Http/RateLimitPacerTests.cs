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
        // 19 gaps: never faster than 10 per second, never slower than 90% of it (the 429 that announced the limit
        // sets the pace; it does not slow it down further).
        Assert.InRange(span.TotalSeconds, 19 / 10.0, 19 / 9.0 * 1.01);
    }

    [Fact]
    public async Task A_burst_of_429s_that_announces_the_limit_sets_the_pace_without_slowing_it()
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

        var (a, b) = await TwoMoreAsync(client);

        // The unpaced start was too fast, nothing more: the pace is 1/9 s. A slow-down by 1.5 would give 0.17 s.
        Assert.InRange((b - a).TotalSeconds, 0.1, 0.12);
    }

    [Fact]
    public async Task A_429_at_the_known_pace_slows_down_once()
    {
        using var client = Client();
        _server.Next(TooMany(limit: 10, retryAfterSeconds: 0));
        (await Get(client)).Dispose();
        _time.Advance(TimeSpan.FromSeconds(2));
        _server.Next(TooMany(limit: 10, retryAfterSeconds: 0));
        _server.Next(TooMany(limit: 10, retryAfterSeconds: 0));

        var overshoot = Get(client);
        while (!overshoot.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        (await overshoot).Dispose();
        var (a, b) = await TwoMoreAsync(client);

        // Two 429s within the quiet period are one signal: 1/9 * 1.5 = 0.17 s; two slow-downs would give 0.25 s.
        Assert.InRange((b - a).TotalSeconds, 0.15, 0.2);
    }

    [Fact]
    public async Task A_limit_announced_per_minute_is_learned_from_the_429s_that_keep_coming()
    {
        // The Admin API at its production pace, 200 a minute, announcing "200" with no unit; its bucket holds a minute.
        var server = new TokenBucketServer(_time, perMinute: 200);
        var pacer = new RateLimitPacer(_time);
        using var client = new HttpMessageInvoker(new PacingHandler(pacer) { InnerHandler = new RateLimitObserver(pacer) { InnerHandler = server } });

        int tooMany = 0;
        for (int sent = 0; sent < 600;)
        {
            var call = Get(client);
            while (!call.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(10));
                await Task.Yield();
            }

            using var response = await call;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                tooMany++;
            }
            else
            {
                sent++;
            }
        }

        // Taken per second alone, the pace stays 60 times too fast and about one call in four is a 429 once the
        // minute's burst is spent; slowing down as far as the per-minute reading leaves a few while it learns.
        Assert.InRange(tooMany, 1, 30);
    }

    private async Task<(DateTimeOffset First, DateTimeOffset Second)> TwoMoreAsync(HttpMessageInvoker client)
    {
        var a = Get(client);
        var b = Get(client);
        while (!a.IsCompleted || !b.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        (await a).Dispose();
        (await b).Dispose();
        return (_server.SentAt[^2], _server.SentAt[^1]);
    }

    /// <summary>A token bucket of a minute's requests that announces its limit without a unit, as the Admin API's 429 does.</summary>
    private sealed class TokenBucketServer(TimeProvider time, int perMinute) : HttpMessageHandler
    {
        private double _tokens = perMinute;
        private DateTimeOffset _updated = time.GetUtcNow();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            double rate = perMinute / 60.0;
            _tokens = Math.Min(perMinute, _tokens + ((now - _updated).TotalSeconds * rate));
            _updated = now;
            if (_tokens >= 1)
            {
                _tokens--;
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
            }

            var response = TooMany(perMinute, (int)Math.Ceiling((1 - _tokens) / rate));
            response.Headers.Add("X-RateLimit-Remaining", "0");
            return Task.FromResult(response);
        }
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
