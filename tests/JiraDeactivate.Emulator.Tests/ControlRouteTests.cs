using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

public sealed class ControlRouteTests
{
    [Fact]
    public async Task Config_accepts_any_subset_and_rejects_unknown_or_out_of_range_settings()
    {
        await using var emu = await TestEmulator.StartAsync();

        var updated = await emu.ConfigureAsync(new { latencyMs = 3, notMemberStatus = 200 });
        using var unknown = await emu.Anonymous.PostAsJsonAsync("_emulator/config", new { latency = 3 });
        using var outOfRange = await emu.Anonymous.PostAsJsonAsync("_emulator/config", new { errorRate = 1.5 });
        var current = await TestEmulator.GetJsonAsync(emu.Anonymous, "_emulator/config");

        Assert.Equal(3, updated.GetProperty("latencyMs").GetInt32());
        Assert.Equal(200, updated.GetProperty("notMemberStatus").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(0, current.GetProperty("errorRate").GetDouble());
        Assert.Equal(3, current.GetProperty("latencyMs").GetInt32());
    }

    [Fact]
    public async Task Stats_count_requests_per_route_template_and_status_and_reset()
    {
        await using var emu = await TestEmulator.StartAsync();
        (await emu.SiteAdmin.GetAsync("rest/api/3/applicationrole/jira-software")).Dispose();
        (await emu.SiteAdmin.GetAsync("rest/api/3/applicationrole/nope")).Dispose();
        (await emu.Anonymous.GetAsync("rest/api/3/myself")).Dispose();

        var stats = await emu.StatsAsync();
        await emu.PostControlAsync("stats/reset");
        var cleared = await emu.StatsAsync();

        var routes = stats.GetProperty("routes").EnumerateArray()
            .Select(r => (r.GetProperty("route").GetString(), r.GetProperty("status").GetInt32(), r.GetProperty("count").GetInt64()))
            .ToList();
        Assert.Contains(("/rest/api/3/applicationrole/{key}", 200, 1L), routes);
        Assert.Contains(("/rest/api/3/applicationrole/{key}", 404, 1L), routes);
        Assert.Contains(("/rest/api/3/myself", 401, 1L), routes);
        Assert.Equal(3, stats.GetProperty("totalRequests").GetInt64());
        Assert.NotEqual(JsonValueKind.Null, stats.GetProperty("firstRequestUtc").ValueKind);
        Assert.Equal(0, cleared.GetProperty("totalRequests").GetInt64());
        Assert.Empty(cleared.GetProperty("routes").EnumerateArray());
    }

    [Fact]
    public async Task Reset_returns_to_the_initial_state()
    {
        await using var emu = await TestEmulator.StartAsync();
        var before = await emu.Anonymous.GetStringAsync("_emulator/state");
        var user = emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), false)![2];
        (await emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupname=jira-software-users&accountId={Uri.EscapeDataString(user.AccountId)}")).Dispose();
        var changed = await emu.Anonymous.GetStringAsync("_emulator/state");

        await emu.PostControlAsync("reset");

        Assert.NotEqual(before, changed);
        Assert.Equal(before, await emu.Anonymous.GetStringAsync("_emulator/state"));
    }

    [Fact]
    public async Task State_can_be_replaced_and_an_inconsistent_one_is_refused()
    {
        await using var emu = await TestEmulator.StartAsync();
        var state = JsonNode.Parse(await emu.Anonymous.GetStringAsync("_emulator/state"))!;
        state["site"]!["name"] = "globex";
        var broken = state.DeepClone();
        broken["groups"]![0]!["members"]!.AsArray().Add("712020:ghost");

        using var accepted = await emu.Anonymous.PutAsync("_emulator/state", JsonContent.Create(state));
        using var refused = await emu.Anonymous.PutAsync("_emulator/state", JsonContent.Create(broken));

        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("712020:ghost", await refused.Content.ReadAsStringAsync());
        Assert.Equal("globex", emu.Host.Info.SiteName);
        Assert.Contains("Last seen in Jira - globex", await emu.Anonymous.GetStringAsync("_emulator/export.csv"));
    }

    [Fact]
    public async Task A_state_file_is_served_as_it_was_dumped()
    {
        string dumped;
        EmulatorInfo info;
        await using (var source = await TestEmulator.StartAsync(users: 30, seed: 3))
        {
            dumped = await source.Anonymous.GetStringAsync("_emulator/state");
            info = source.Info;
        }

        var path = Path.Combine(Path.GetTempPath(), $"emulator-state-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, dumped);
        try
        {
            await using var loaded = await TestEmulator.StartAsync(seed: null, stateFile: path);

            Assert.Equal(dumped, await loaded.Anonymous.GetStringAsync("_emulator/state"));
            Assert.Equal(info.ApiToken, loaded.Info.ApiToken);
            using var me = await loaded.SiteAdmin.GetAsync("rest/api/3/myself");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Info_matches_the_start_up_line()
    {
        await using var emu = await TestEmulator.StartAsync();

        var info = await TestEmulator.GetJsonAsync(emu.Anonymous, "_emulator/info");

        Assert.Equal(emu.Info.SiteUrl, info.GetProperty("siteUrl").GetString());
        Assert.Equal(emu.Info.SiteUrl + "/_emulator", info.GetProperty("controlUrl").GetString());
        Assert.Equal(Environment.ProcessId, info.GetProperty("pid").GetInt32());
    }
}
