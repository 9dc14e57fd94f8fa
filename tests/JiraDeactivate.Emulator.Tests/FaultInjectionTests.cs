using System.Net;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task A_share_of_answers_are_500_502_or_503_and_503_carries_Retry_After()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { ErrorRate = 0.3 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await emu.SiteAdmin.GetAsync("rest/api/3/myself");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
            }

            if ((int)response.StatusCode >= 500)
            {
                Assert.NotEmpty((await TestEmulator.ReadJsonAsync(response, response.StatusCode)).GetProperty("errorMessages").EnumerateArray());
            }
        }

        var failures = statuses.Where(s => (int)s >= 500).ToList();
        Assert.InRange(failures.Count, 30, 90);
        Assert.All(failures, s => Assert.Contains(s, new[] { HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable }));
        Assert.Equal(3, failures.Distinct().Count());
        Assert.All(statuses.Where(s => (int)s < 500), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(failures.Count, (await emu.StatsAsync()).GetProperty("total5xx").GetInt64());
    }

    [Fact]
    public async Task Injected_errors_on_delete_never_change_state()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { ErrorRate = 1 });
        var user = emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), false)![3];
        var version = emu.Host.State.Version;

        using var response = await emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupname=jira-software-users&accountId={Uri.EscapeDataString(user.AccountId)}");

        Assert.True((int)response.StatusCode >= 500);
        Assert.Equal(version, emu.Host.State.Version);
    }

    [Fact]
    public async Task Dropped_connections_fail_the_call_and_never_change_state()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { DropRate = 1 });
        var user = emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), false)![3];
        var version = emu.Host.State.Version;

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupname=jira-software-users&accountId={Uri.EscapeDataString(user.AccountId)}"));
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            emu.OrgAdmin.PostAsync($"admin/v1/orgs/{emu.OrgId}/directory/users/{Uri.EscapeDataString(user.AccountId)}/suspend-access", null));

        Assert.Equal(version, emu.Host.State.Version);
        Assert.Contains(user.AccountId, emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), false)!.Select(u => u.AccountId));
        // The server records a dropped request after the client has already seen the connection go.
        var stats = await emu.StatsAsync();
        for (var wait = 0; wait < 40 && stats.GetProperty("droppedConnections").GetInt64() < 2; wait++)
        {
            await Task.Delay(50);
            stats = await emu.StatsAsync();
        }

        Assert.True(stats.GetProperty("droppedConnections").GetInt64() >= 2);
        Assert.Equal(0, stats.GetProperty("total5xx").GetInt64());
    }

    [Fact]
    public async Task Faults_never_touch_control_routes()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { DropRate = 1, ErrorRate = 1 });

        var config = await TestEmulator.GetJsonAsync(emu.Anonymous, "_emulator/config");
        using var csv = await emu.Anonymous.GetAsync("_emulator/export.csv");

        Assert.Equal(1, config.GetProperty("dropRate").GetDouble());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task Slow_answers_are_counted_and_still_succeed()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { SlowRate = 1, SlowMs = 20, LatencyMs = 5 });

        for (var i = 0; i < 3; i++)
        {
            using var response = await emu.SiteAdmin.GetAsync("rest/api/3/myself");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(3, (await emu.StatsAsync()).GetProperty("slowAnswers").GetInt64());
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_fault_sequence()
    {
        async Task<List<int>> RunAsync()
        {
            await using var emu = await TestEmulator.StartAsync(seed: 42, config: new EmulatorConfig { ErrorRate = 0.5 });
            var statuses = new List<int>();
            for (var i = 0; i < 30; i++)
            {
                using var response = await emu.SiteAdmin.GetAsync("rest/api/3/myself");
                statuses.Add((int)response.StatusCode);
            }

            return statuses;
        }

        Assert.Equal(await RunAsync(), await RunAsync());
    }
}
