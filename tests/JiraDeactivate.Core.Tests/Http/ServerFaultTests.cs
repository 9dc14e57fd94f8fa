using System.Diagnostics;
using System.Net;
using System.Security;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Http;
using Microsoft.Extensions.Time.Testing;

namespace JiraDeactivate.Core.Tests.Http;

/// <summary>The Jira client against real loopback servers that misbehave (issue 7); see docs/reliability.md.</summary>
public sealed class ServerFaultTests
{
    private const string Token = "token-Secret-0123456789";

    /// <summary>Attempts of a call whose attempts time out: the first and one retry.</summary>
    private const int TimedOutAttempts = 2;

    private static readonly HttpClientOptions s_quick = new()
    {
        AttemptTimeout = TimeSpan.FromMilliseconds(400),
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    private static AtlassianHttpClient Client(Uri baseAddress, HttpClientOptions? options = null)
    {
        using var secret = new SecureString();
        foreach (char c in Token)
        {
            secret.AppendChar(c);
        }

        return AtlassianHttpClientFactory.Create(baseAddress, ApiCredential.Basic("admin@acme.example", secret), options ?? s_quick, new HttpCallStats());
    }

    [Fact]
    public async Task A_server_that_stops_answering_times_out_after_one_retry_with_no_status()
    {
        await using var server = new LoopbackServer((_, _) => null);
        using var http = Client(server.BaseAddress);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AtlassianApiException>(() => new JiraRestClient(http.Client).GetMyselfAsync(CancellationToken.None));

        Assert.Null(error.StatusCode);
        Assert.Contains("timed out, also after retries", error.Message, StringComparison.Ordinal);
        // A hung server gets one more try, not MaxRetries (issue 21: a hung Admin API cost 234 s per call).
        Assert.Equal(TimedOutAttempts, http.Stats.Requests);
        Assert.Equal(TimedOutAttempts, http.Stats.Failures);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_attempt_timeout_holds_calls_back_without_timing_them_out()
    {
        await using var server = new LoopbackServer((_, number) => number == 1
            ? LoopbackServer.Answer(429, "Too Many Requests", """{"code":429,"message":"slow down"}""", "application/json", "Retry-After: 3", "X-RateLimit-Limit: 10")
            : LoopbackServer.Answer(200, "OK", "{}"));
        // A fake clock drives the pause, the retry delay and the 1 s attempt timeout, so a loaded machine cannot
        // change the outcome: a call that waited out the 3 s pause inside its attempt would time out (a failure).
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var http = Client(server.BaseAddress, s_quick with { MaxRetries = 1, AttemptTimeout = TimeSpan.FromSeconds(1), Time = time });
        var first = http.Client.GetAsync("first");
        while (http.Stats.RateLimited == 0)
        {
            await Task.Delay(10);
        }

        var second = http.Client.GetAsync("second");
        for (int step = 0; step < 5; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(50);
        }

        Assert.False(second.IsCompleted, "the second call went inside the 3 s pause");
        time.Advance(TimeSpan.FromMilliseconds(600));
        using var answered = await second.WaitAsync(TimeSpan.FromSeconds(30));
        if (http.Stats.Retries == 0)
        {
            // The first call's retry waits 3 s from when it was scheduled, which a loaded machine can put after the
            // first steps above: its timer is then still pending, and no attempt of it has started to time out.
            time.Advance(TimeSpan.FromSeconds(3));
        }

        using var retried = await first.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(0, http.Stats.Failures);
    }

    [Theory]
    [InlineData(1, MembershipChange.AlreadyDone)]
    [InlineData(2, MembershipChange.Changed)]
    public async Task Already_a_member_counts_as_this_calls_addition_only_on_a_retry(int answeredOnRequest, MembershipChange expected)
    {
        // Before the answered request, the server takes the request and never answers: the attempt times out.
        await using var server = new LoopbackServer((_, number) => number < answeredOnRequest
            ? null
            : LoopbackServer.Answer(400, "Bad Request", """{"errorMessages":["Cannot add user 'u1', user is already a member of 'jira-software-users'"],"errors":{}}"""));
        using var http = Client(server.BaseAddress);

        var change = await new JiraRestClient(http.Client).AddUserToGroupAsync(new JiraGroup("g1", "jira-software-users"), "u1", CancellationToken.None);

        Assert.Equal(expected, change);
    }

    [Fact]
    public async Task A_500_loop_gives_up_after_the_retries_with_the_server_message()
    {
        await using var server = new LoopbackServer((_, _) => LoopbackServer.Answer(500, "Internal Server Error", """{"errorMessages":["Something broke."],"errors":{}}"""));
        // A generous attempt timeout: on a loaded machine a 400 ms one can expire and turn an attempt into a timeout.
        using var http = Client(server.BaseAddress, s_quick with { AttemptTimeout = TimeSpan.FromSeconds(10) });

        var error = await Assert.ThrowsAsync<AtlassianApiException>(() => new JiraRestClient(http.Client).GetProductRolesAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("Something broke.", error.Message, StringComparison.Ordinal);
        Assert.Equal(s_quick.MaxRetries + 1, server.Requests.Count);
        Assert.Equal(s_quick.MaxRetries, http.Stats.Retries);
    }

    [Fact]
    public async Task A_body_cut_off_mid_way_is_retried_then_reported()
    {
        await using var server = new LoopbackServer((_, _) =>
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n{\"accountId\":\"abc\",\"displ");
        using var http = Client(server.BaseAddress);

        var error = await Assert.ThrowsAsync<AtlassianApiException>(() => new JiraRestClient(http.Client).GetMyselfAsync(CancellationToken.None));

        Assert.Null(error.StatusCode);
        Assert.Contains("also after retries", error.Message, StringComparison.Ordinal);
        Assert.Equal(s_quick.MaxRetries + 1, http.Stats.Requests);
    }

    [Fact]
    public async Task A_server_that_stops_in_the_middle_of_the_body_times_out_instead_of_hanging()
    {
        await using var stalls = new StallingServer();
        using var http = Client(stalls.BaseAddress);
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AtlassianApiException>(() => new JiraRestClient(http.Client).GetMyselfAsync(safety.Token));

        Assert.False(safety.IsCancellationRequested, "the call hung until the test gave up");
        Assert.Null(error.StatusCode);
        Assert.Equal(TimedOutAttempts, http.Stats.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_not_followed_and_the_credential_never_goes_there()
    {
        await using var elsewhere = new LoopbackServer((_, _) => LoopbackServer.Answer(200, "OK", "{}"));
        var target = new UriBuilder(elsewhere.BaseAddress) { Host = "localhost" }.Uri;
        await using var server = new LoopbackServer((_, _) => $"HTTP/1.1 302 Found\r\nLocation: {target}rest/api/3/myself\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var http = Client(server.BaseAddress);

        var error = await Assert.ThrowsAsync<AtlassianApiException>(() => new JiraRestClient(http.Client).GetMyselfAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.Contains($"redirected to http://localhost:{target.Port}", error.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
        Assert.Contains("Authorization: Basic", Assert.Single(server.Requests), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_credential_goes_only_to_the_host_it_is_for()
    {
        await using var elsewhere = new LoopbackServer((_, _) => LoopbackServer.Answer(200, "OK", """{"accountId":"x"}"""));
        await using var server = new LoopbackServer((_, _) => LoopbackServer.Answer(200, "OK", """{"accountId":"x"}"""));
        using var http = Client(server.BaseAddress);

        // An absolute address of another host, as a "next page" link pointing elsewhere would give.
        using var response = await http.Client.GetAsync(new Uri(elsewhere.BaseAddress, "rest/api/3/myself"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Authorization", Assert.Single(elsewhere.Requests), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_plain_503_delays_only_its_own_retry_not_every_other_call()
    {
        await using var server = new LoopbackServer((head, _) => head.StartsWith("GET /slow", StringComparison.Ordinal)
            ? LoopbackServer.Answer(503, "Service Unavailable", """{"errorMessages":["busy"]}""", "application/json", "Retry-After: 4")
            : LoopbackServer.Answer(200, "OK", "{}"));
        using var http = Client(server.BaseAddress, s_quick with { MaxRetries = 1, AttemptTimeout = TimeSpan.FromSeconds(10) });

        using (var busy = await http.Client.GetAsync(new Uri(server.BaseAddress, "slow")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        }

        var clock = Stopwatch.StartNew();
        using var other = await http.Client.GetAsync(new Uri(server.BaseAddress, "other"));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the other call waited {clock.Elapsed}");
    }

    [Fact]
    public async Task A_503_about_the_rate_limit_holds_every_call_back()
    {
        await using var server = new LoopbackServer((head, _) => head.StartsWith("GET /slow", StringComparison.Ordinal)
            ? LoopbackServer.Answer(503, "Service Unavailable", "{}", "application/json", "Retry-After: 2", "RateLimit-Reason: jira-burst-based")
            : LoopbackServer.Answer(200, "OK", "{}"));
        using var http = Client(server.BaseAddress, s_quick with { MaxRetries = 1, AttemptTimeout = TimeSpan.FromSeconds(10) });

        (await http.Client.GetAsync(new Uri(server.BaseAddress, "slow"))).Dispose();
        var clock = Stopwatch.StartNew();
        using var other = await http.Client.GetAsync(new Uri(server.BaseAddress, "other"));

        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(1), $"the other call waited only {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_stops_a_call_to_a_silent_server_at_once()
    {
        await using var server = new LoopbackServer((_, _) => null);
        using var http = Client(server.BaseAddress, s_quick with { AttemptTimeout = TimeSpan.FromSeconds(30) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new JiraRestClient(http.Client).GetMyselfAsync(cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }
}
