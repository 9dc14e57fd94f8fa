using System.Net;
using System.Net.Http.Json;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

public sealed class GroupMembershipChangeTests
{
    private static UserView AnyMember(TestEmulator emu, string groupName) =>
        emu.Host.State.ListMembers(new GroupSelector(null, groupName), includeInactive: false)!.First(u => !u.IsApp && u.Email != emu.Info.Email);

    private static string RemoveUrl(string groupName, string accountId) =>
        $"rest/api/3/group/user?groupname={groupName}&accountId={Uri.EscapeDataString(accountId)}";

    [Fact]
    public async Task Delete_answers_200_with_an_empty_body_and_removes_the_member()
    {
        await using var emu = await TestEmulator.StartAsync();
        var user = AnyMember(emu, StateGenerator.JiraSoftwareUsersGroup);

        using var response = await emu.SiteAdmin.DeleteAsync(RemoveUrl(StateGenerator.JiraSoftwareUsersGroup, user.AccountId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var members = await emu.AllMembersAsync(StateGenerator.JiraSoftwareUsersGroup, includeInactive: true);
        Assert.DoesNotContain(members, m => m.GetProperty("accountId").GetString() == user.AccountId);
    }

    [Fact]
    public async Task Delete_from_a_synced_group_answers_200_but_the_membership_stays()
    {
        await using var emu = await TestEmulator.StartAsync(config: new Configuration.EmulatorConfig { SyncedGroup = StateGenerator.JiraSoftwareUsersGroup });
        var user = AnyMember(emu, StateGenerator.JiraSoftwareUsersGroup);

        using var response = await emu.SiteAdmin.DeleteAsync(RemoveUrl(StateGenerator.JiraSoftwareUsersGroup, user.AccountId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(user.AccountId, emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), true)!.Select(u => u.AccountId));
    }

    [Fact]
    public async Task Delete_by_group_id_works_too()
    {
        await using var emu = await TestEmulator.StartAsync();
        var group = emu.Host.State.FindGroup(new GroupSelector(null, StateGenerator.ConfluenceUsersGroup))!.Group;
        var user = AnyMember(emu, StateGenerator.ConfluenceUsersGroup);

        using var response = await emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupId={group.GroupId}&accountId={Uri.EscapeDataString(user.AccountId)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(user.AccountId, emu.Host.State.ListMembers(new GroupSelector(group.GroupId, null), true)!.Select(u => u.AccountId));
    }

    [Fact]
    public async Task Delete_of_a_non_member_is_400_with_Jiras_message_by_default()
    {
        await using var emu = await TestEmulator.StartAsync();
        var user = AnyMember(emu, StateGenerator.JiraSoftwareUsersGroup);
        (await emu.SiteAdmin.DeleteAsync(RemoveUrl(StateGenerator.JiraSoftwareUsersGroup, user.AccountId))).Dispose();

        using var again = await emu.SiteAdmin.DeleteAsync(RemoveUrl(StateGenerator.JiraSoftwareUsersGroup, user.AccountId));

        var body = await TestEmulator.ReadJsonAsync(again, HttpStatusCode.BadRequest);
        Assert.Equal(
            $"Cannot remove user '{user.AccountId}' from group 'jira-software-users' since user is not a member of 'jira-software-users'",
            body.GetProperty("errorMessages")[0].GetString());
    }

    [Fact]
    public async Task Delete_of_a_non_member_is_200_when_configured()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ConfigureAsync(new { notMemberStatus = 200 });
        var user = AnyMember(emu, StateGenerator.JiraSoftwareUsersGroup);
        (await emu.SiteAdmin.DeleteAsync(RemoveUrl(StateGenerator.JiraSoftwareUsersGroup, user.AccountId))).Dispose();

        using var again = await emu.SiteAdmin.DeleteAsync(RemoveUrl(StateGenerator.JiraSoftwareUsersGroup, user.AccountId));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Delete_404_for_unknown_group_or_user_400_for_missing_parameters()
    {
        await using var emu = await TestEmulator.StartAsync();
        var user = AnyMember(emu, StateGenerator.JiraSoftwareUsersGroup);

        using var noGroup = await emu.SiteAdmin.DeleteAsync(RemoveUrl("no-such-group", user.AccountId));
        using var noUser = await emu.SiteAdmin.DeleteAsync(RemoveUrl(StateGenerator.JiraSoftwareUsersGroup, "712020:nobody"));
        using var noAccountId = await emu.SiteAdmin.DeleteAsync("rest/api/3/group/user?groupname=jira-software-users");
        using var noGroupParameter = await emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?accountId={Uri.EscapeDataString(user.AccountId)}");

        Assert.NotEmpty((await TestEmulator.ReadJsonAsync(noGroup, HttpStatusCode.NotFound)).GetProperty("errorMessages").EnumerateArray());
        Assert.NotEmpty((await TestEmulator.ReadJsonAsync(noUser, HttpStatusCode.NotFound)).GetProperty("errorMessages").EnumerateArray());
        Assert.Equal("The 'accountId' query parameter needs to be provided",
            (await TestEmulator.ReadJsonAsync(noAccountId, HttpStatusCode.BadRequest)).GetProperty("errorMessages")[0].GetString());
        await TestEmulator.ReadJsonAsync(noGroupParameter, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Non_site_admin_gets_403_and_nothing_changes()
    {
        await using var emu = await TestEmulator.StartAsync();
        var user = AnyMember(emu, StateGenerator.JiraSoftwareUsersGroup);
        var version = emu.Host.State.Version;

        using var delete = await emu.NonAdmin.DeleteAsync(RemoveUrl(StateGenerator.JiraSoftwareUsersGroup, user.AccountId));
        using var add = await emu.NonAdmin.PostAsJsonAsync("rest/api/3/group/user?groupname=jira-testers", new { accountId = user.AccountId });

        await TestEmulator.ReadJsonAsync(delete, HttpStatusCode.Forbidden);
        await TestEmulator.ReadJsonAsync(add, HttpStatusCode.Forbidden);
        Assert.Equal(version, emu.Host.State.Version);
    }

    [Fact]
    public async Task Post_adds_with_201_and_a_Group_body_then_400_when_already_a_member()
    {
        await using var emu = await TestEmulator.StartAsync();
        var user = emu.Host.State.ListOrgUsers(emu.OrgId)!.First(u => !u.IsApp && u.Groups.All(g => g.Name != StateGenerator.MarketingGroup));

        using var added = await emu.SiteAdmin.PostAsJsonAsync("rest/api/3/group/user?groupname=marketing", new { accountId = user.AccountId });
        using var again = await emu.SiteAdmin.PostAsJsonAsync("rest/api/3/group/user?groupname=marketing", new { accountId = user.AccountId });

        var group = await TestEmulator.ReadJsonAsync(added, HttpStatusCode.Created);
        Assert.Equal("marketing", group.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(group.GetProperty("groupId").GetString()));
        Assert.Equal("users", group.GetProperty("expand").GetString());
        Assert.True(group.GetProperty("users").TryGetProperty("max-results", out _));
        await TestEmulator.ReadJsonAsync(again, HttpStatusCode.BadRequest);
        var members = await emu.AllMembersAsync(StateGenerator.MarketingGroup, includeInactive: true);
        Assert.Contains(members, m => m.GetProperty("accountId").GetString() == user.AccountId);
    }

    [Fact]
    public async Task Post_404_for_unknown_group_or_user_and_400_without_account_id()
    {
        await using var emu = await TestEmulator.StartAsync();

        using var noGroup = await emu.SiteAdmin.PostAsJsonAsync("rest/api/3/group/user?groupname=nope", new { accountId = emu.Host.State.ListOrgUsers(emu.OrgId)![1].AccountId });
        using var noUser = await emu.SiteAdmin.PostAsJsonAsync("rest/api/3/group/user?groupname=marketing", new { accountId = "712020:nobody" });
        using var noAccountId = await emu.SiteAdmin.PostAsJsonAsync("rest/api/3/group/user?groupname=marketing", new { });

        await TestEmulator.ReadJsonAsync(noGroup, HttpStatusCode.NotFound);
        await TestEmulator.ReadJsonAsync(noUser, HttpStatusCode.NotFound);
        await TestEmulator.ReadJsonAsync(noAccountId, HttpStatusCode.BadRequest);
    }
}
