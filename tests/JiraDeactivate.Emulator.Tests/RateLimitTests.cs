using System.Globalization;
using System.Net;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

/// <summary>The limiter runs on a manual clock: the counts below do not depend on how fast the machine is.</summary>
public sealed class RateLimitTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 1, 9, 30, 15, TimeSpan.Zero);

    private static async Task<List<HttpResponseMessage>> SendAsync(HttpClient client, string url, int count)
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < count; i++)
        {
            responses.Add(await client.GetAsync(url));
        }

        return responses;
    }

    [Fact]
    public async Task Jira_429_after_the_burst_with_retry_headers_then_recovers_after_Retry_After()
    {
        var clock = new ManualClock(s_start);
        await using var emu = await TestEmulator.StartAsync(clock: clock, config: new EmulatorConfig { RateLimit = 5 });

        var burst = await SendAsync(emu.SiteAdmin, "rest/api/3/myself", 12);

        Assert.Equal(5, burst.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, burst.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        var limited = burst.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.Equal(1, retryAfter);
        Assert.Equal(s_start.AddSeconds(retryAfter).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture),
            limited.Headers.GetValues("X-RateLimit-Reset").Single());
        Assert.Equal("5", limited.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("jira-burst-based", limited.Headers.GetValues("RateLimit-Reason").Single());
        Assert.NotEmpty((await TestEmulator.ReadJsonAsync(limited, HttpStatusCode.TooManyRequests)).GetProperty("errorMessages").EnumerateArray());

        clock.Advance(TimeSpan.FromSeconds(retryAfter));
        var recovered = await SendAsync(emu.SiteAdmin, "rest/api/3/myself", 6);

        Assert.Equal(5, recovered.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, recovered[^1].StatusCode);
        Assert.Equal(8, (await emu.StatsAsync()).GetProperty("total429").GetInt64());
        DisposeAll(burst, recovered);
    }

    [Fact]
    public async Task Each_credential_has_its_own_bucket()
    {
        var clock = new ManualClock(s_start);
        await using var emu = await TestEmulator.StartAsync(clock: clock, config: new EmulatorConfig { RateLimit = 3 });

        var admin = await SendAsync(emu.SiteAdmin, "rest/api/3/myself", 5);
        var user = await SendAsync(emu.NonAdmin, "rest/api/3/myself", 3);

        Assert.Equal(2, admin.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(user, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        DisposeAll(admin, user);
    }

    [Fact]
    public async Task Admin_429_is_a_ProxyError_with_iso_reset_and_optional_Retry_After()
    {
        var clock = new ManualClock(s_start);
        await using var emu = await TestEmulator.StartAsync(clock: clock, config: new EmulatorConfig { RateLimit = 2 });

        var withRetryAfter = await SendAsync(emu.OrgAdmin, "admin/v1/orgs", 3);
        await emu.ConfigureAsync(new { adminRetryAfter = false, rateLimit = 1 });
        var withoutRetryAfter = await SendAsync(emu.OrgAdmin, "admin/v1/orgs", 2);

        var limited = withRetryAfter[2];
        var body = await TestEmulator.ReadJsonAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal(429, body.GetProperty("code").GetInt32());
        Assert.Equal("1", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("2", limited.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal(s_start.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            limited.Headers.GetValues("X-RateLimit-Reset").Single());
        Assert.Equal(HttpStatusCode.OK, withoutRetryAfter[0].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, withoutRetryAfter[1].StatusCode);
        Assert.False(withoutRetryAfter[1].Headers.Contains("Retry-After"));
        Assert.True(withoutRetryAfter[1].Headers.Contains("X-RateLimit-Reset"));
        DisposeAll(withRetryAfter, withoutRetryAfter);
    }

    [Fact]
    public async Task An_admin_window_of_a_minute_admits_a_minutes_burst_and_announces_it_as_the_limit()
    {
        var clock = new ManualClock(s_start);
        await using var emu = await TestEmulator.StartAsync(clock: clock, config: new EmulatorConfig { AdminRateLimit = 0.05, AdminRateLimitWindow = 60 });

        var responses = await SendAsync(emu.OrgAdmin, "admin/v1/orgs", 4);

        Assert.All(responses.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, responses[3].StatusCode);
        Assert.Equal("3", responses[3].Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("20", responses[3].Headers.GetValues("Retry-After").Single());
        DisposeAll(responses);
    }

    [Fact]
    public async Task Control_routes_are_never_limited()
    {
        var clock = new ManualClock(s_start);
        await using var emu = await TestEmulator.StartAsync(clock: clock, config: new EmulatorConfig { RateLimit = 1 });

        var responses = await SendAsync(emu.Anonymous, "_emulator/config", 5);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        DisposeAll(responses);
    }

    private static void DisposeAll(params List<HttpResponseMessage>[] batches)
    {
        foreach (var response in batches.SelectMany(b => b))
        {
            response.Dispose();
        }
    }
}
