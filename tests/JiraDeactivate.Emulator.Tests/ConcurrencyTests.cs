using System.Net;
using System.Net.Http.Json;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_removals_and_additions_all_land_exactly_once()
    {
        await using var emu = await TestEmulator.StartAsync(users: 200);
        var state = emu.Host.State;
        var members = state.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), includeInactive: true)!;
        var testers = state.ListMembers(new GroupSelector(null, StateGenerator.JiraTestersGroup), includeInactive: true)!.Select(u => u.AccountId).ToHashSet();

        var deletes = members.Select(async u =>
        {
            using var response = await emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupname=jira-software-users&accountId={Uri.EscapeDataString(u.AccountId)}");
            return response.StatusCode;
        });
        var posts = members.Select(async u =>
        {
            using var response = await emu.SiteAdmin.PostAsJsonAsync("rest/api/3/group/user?groupname=jira-testers", new { accountId = u.AccountId });
            return response.StatusCode;
        });
        var deleteStatuses = await Task.WhenAll(deletes);
        var postStatuses = await Task.WhenAll(posts);

        Assert.All(deleteStatuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Empty(await emu.AllMembersAsync(StateGenerator.JiraSoftwareUsersGroup, includeInactive: true));
        Assert.Equal(members.Count(u => !testers.Contains(u.AccountId)), postStatuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(members.Count(u => testers.Contains(u.AccountId)), postStatuses.Count(s => s == HttpStatusCode.BadRequest));
        var testersNow = (await emu.AllMembersAsync(StateGenerator.JiraTestersGroup, includeInactive: true)).Select(m => m.GetProperty("accountId").GetString()).ToHashSet();
        Assert.True(members.All(u => testersNow.Contains(u.AccountId)));
    }

    [Fact]
    public async Task Racing_deletes_of_one_membership_succeed_exactly_once()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { LatencyMs = 20 });
        var user = emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), false)![5];

        var statuses = await Task.WhenAll(Enumerable.Range(0, 25).Select(async _ =>
        {
            using var response = await emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupname=jira-software-users&accountId={Uri.EscapeDataString(user.AccountId)}");
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(24, statuses.Count(s => s == HttpStatusCode.BadRequest));
        var stats = await emu.StatsAsync();
        Assert.True(stats.GetProperty("maxConcurrentRequests").GetInt32() > 1);
        Assert.Equal(0, stats.GetProperty("currentConcurrentRequests").GetInt32());
    }
}
