using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

/// <summary>The v2 suspend and restore routes (issue 16) and the retired v1 ones.</summary>
public sealed class LifecycleRouteTests
{
    private static UserView Member(TestEmulator emu) =>
        emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), false)!.First(u => !u.IsApp && !u.OrgAdmin && u.Email != emu.Info.Email);

    private static async Task<JsonElement> SearchAsync(TestEmulator emu, string accountId)
    {
        using var response = await emu.OrgAdmin.PostAsJsonAsync($"admin/v2/orgs/{emu.OrgId}/directories/-/users/search", new { accountIds = new[] { accountId } });
        return (await TestEmulator.ReadJsonAsync(response)).GetProperty("data")[0];
    }

    private static async Task<int> RemainingSeatsAsync(TestEmulator emu) =>
        (await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/applicationrole/jira-software")).GetProperty("remainingSeats").GetInt32();

    [Fact]
    public async Task Suspend_keeps_the_groups_frees_the_seat_and_shows_suspended_until_restored()
    {
        await using var emu = await TestEmulator.StartAsync();
        var user = Member(emu);
        var userUrl = $"rest/api/3/user?accountId={Uri.EscapeDataString(user.AccountId)}&expand=groups";
        int seatsBefore = await RemainingSeatsAsync(emu);

        using var suspend = await emu.SuspendAsync(user.AccountId);
        var jiraWhileSuspended = await TestEmulator.GetJsonAsync(emu.SiteAdmin, userUrl);
        var searchWhileSuspended = await SearchAsync(emu, user.AccountId);
        int seatsWhileSuspended = await RemainingSeatsAsync(emu);
        using var restore = await emu.RestoreAsync(user.AccountId);
        var searchRestored = await SearchAsync(emu, user.AccountId);

        Assert.Equal(HttpStatusCode.NoContent, suspend.StatusCode);
        Assert.False(jiraWhileSuspended.GetProperty("active").GetBoolean());
        Assert.Contains(jiraWhileSuspended.GetProperty("groups").GetProperty("items").EnumerateArray(), g => g.GetProperty("name").GetString() == StateGenerator.JiraSoftwareUsersGroup);
        Assert.Equal("suspended", searchWhileSuspended.GetProperty("status").GetString());
        Assert.Equal(seatsBefore + 1, seatsWhileSuspended);
        Assert.Equal(HttpStatusCode.NoContent, restore.StatusCode);
        Assert.Equal("active", searchRestored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_post_without_a_json_body_is_answered_415_and_changes_nothing()
    {
        await using var emu = await TestEmulator.StartAsync();
        var user = Member(emu);
        var version = emu.Host.State.Version;

        using var response = await emu.OrgAdmin.PostAsync($"{LifecycleCalls.UserPath(emu, user.AccountId)}/suspend", null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(version, emu.Host.State.Version);
    }

    [Theory]
    [InlineData(409, 204, HttpStatusCode.Conflict, HttpStatusCode.NoContent)]
    [InlineData(200, 200, HttpStatusCode.OK, HttpStatusCode.OK)]
    public async Task Success_and_already_answer_as_configured(int already, int success, HttpStatusCode alreadyAnswer, HttpStatusCode successAnswer)
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { LifecycleAlreadyStatus = already, LifecycleSuccessStatus = success });
        var user = Member(emu);

        using var first = await emu.SuspendAsync(user.AccountId);
        using var again = await emu.SuspendAsync(user.AccountId);
        using var restoreActive = await emu.RestoreAsync(Member(emu).AccountId);

        Assert.Equal(successAnswer, first.StatusCode);
        Assert.Equal(alreadyAnswer, again.StatusCode);
        Assert.Equal(alreadyAnswer, restoreActive.StatusCode);
        Assert.True(emu.Host.State.FindUser(user.AccountId)!.Suspended);
    }

    [Fact]
    public async Task An_organization_admin_is_refused_403()
    {
        await using var emu = await TestEmulator.StartAsync();
        var admin = emu.Host.State.ListOrgUsers(emu.OrgId)!.First(u => u.OrgAdmin);

        using var response = await emu.SuspendAsync(admin.AccountId);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(emu.Host.State.FindUser(admin.AccountId)!.Suspended);
    }

    [Fact]
    public async Task The_v1_routes_answer_404_by_default_as_after_June_30_2026()
    {
        await using var emu = await TestEmulator.StartAsync();
        var user = Member(emu);

        using var response = await emu.OrgAdmin.PostAsync($"admin/v1/orgs/{emu.OrgId}/directory/users/{Uri.EscapeDataString(user.AccountId)}/suspend-access", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(emu.Host.State.FindUser(user.AccountId)!.Suspended);
    }
}
