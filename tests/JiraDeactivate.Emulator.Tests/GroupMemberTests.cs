using System.Net;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

public sealed class GroupMemberTests
{
    [Fact]
    public async Task Pages_cap_maxResults_at_50_and_reach_the_last_page()
    {
        await using var emu = await TestEmulator.StartAsync(users: 200);
        var group = emu.Host.State.FindGroup(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup))!.Group;
        var expected = emu.Host.State.ListMembers(new GroupSelector(group.GroupId, null), includeInactive: false)!;
        Assert.True(expected.Count > 100, "the test needs a group spanning several pages");

        var seen = new List<string>();
        string? url = $"rest/api/3/group/member?groupId={group.GroupId}&maxResults=1000";
        var pages = 0;
        while (url is not null)
        {
            var page = await TestEmulator.GetJsonAsync(emu.SiteAdmin, url);
            pages++;
            Assert.Equal(50, page.GetProperty("maxResults").GetInt32());
            Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
            Assert.Equal(seen.Count, page.GetProperty("startAt").GetInt32());
            Assert.StartsWith(emu.Info.SiteUrl + "/rest/api/3/group/member?", page.GetProperty("self").GetString());
            seen.AddRange(page.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("accountId").GetString()!));
            var isLast = page.GetProperty("isLast").GetBoolean();
            Assert.Equal(isLast, !page.TryGetProperty("nextPage", out _));
            url = isLast ? null : page.GetProperty("nextPage").GetString();
        }

        Assert.Equal((expected.Count + 49) / 50, pages);
        Assert.Equal(expected.Select(u => u.AccountId), seen);
    }

    [Fact]
    public async Task Member_details_have_the_documented_fields()
    {
        await using var emu = await TestEmulator.StartAsync();

        var page = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/group/member?groupname=jira-software-users&maxResults=2&startAt=2");

        Assert.Equal(2, page.GetProperty("values").GetArrayLength());
        Assert.Contains("startAt=4", page.GetProperty("nextPage").GetString());
        Assert.Contains("includeInactiveUsers=false", page.GetProperty("self").GetString());
        var member = page.GetProperty("values")[0];
        Assert.Equal(
            ["accountId", "accountType", "active", "avatarUrls", "displayName", "emailAddress", "key", "name", "self", "timeZone"],
            member.EnumerateObject().Select(p => p.Name));
        Assert.Equal("", member.GetProperty("key").GetString());
        Assert.Equal("", member.GetProperty("name").GetString());
        Assert.True(member.GetProperty("avatarUrls").TryGetProperty("48x48", out _));
    }

    [Fact]
    public async Task Inactive_members_only_with_includeInactiveUsers()
    {
        await using var emu = await TestEmulator.StartAsync(users: 150);

        var active = await emu.AllMembersAsync(StateGenerator.ConfluenceUsersGroup);
        var all = await emu.AllMembersAsync(StateGenerator.ConfluenceUsersGroup, includeInactive: true);

        Assert.All(active, m => Assert.True(m.GetProperty("active").GetBoolean()));
        Assert.Contains(all, m => !m.GetProperty("active").GetBoolean());
        Assert.Equal(all.Count(m => m.GetProperty("active").GetBoolean()), active.Count);
    }

    [Fact]
    public async Task Missing_group_is_400_and_unknown_group_is_404()
    {
        await using var emu = await TestEmulator.StartAsync();

        await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/group/member", HttpStatusCode.BadRequest);
        var unknown = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/group/member?groupname=no-such-group", HttpStatusCode.NotFound);
        await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/group/member?groupId=00000000-0000-0000-0000-000000000000", HttpStatusCode.NotFound);
        await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/group/member?groupname=jira-testers&startAt=x", HttpStatusCode.BadRequest);

        Assert.NotEmpty(unknown.GetProperty("errorMessages").EnumerateArray());
    }
}
