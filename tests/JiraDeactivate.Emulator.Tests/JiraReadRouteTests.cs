using System.Net;
using System.Text.Json;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

public sealed class JiraReadRouteTests
{
    [Fact]
    public async Task Myself_without_expand_reports_sizes_but_no_items()
    {
        await using var emu = await TestEmulator.StartAsync();

        var me = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/myself");

        Assert.Equal(emu.Info.Email, me.GetProperty("emailAddress").GetString());
        Assert.Equal("atlassian", me.GetProperty("accountType").GetString());
        Assert.True(me.GetProperty("active").GetBoolean());
        Assert.True(me.GetProperty("groups").GetProperty("size").GetInt32() >= 1);
        Assert.Equal(0, me.GetProperty("groups").GetProperty("items").GetArrayLength());
        Assert.Equal(0, me.GetProperty("applicationRoles").GetProperty("items").GetArrayLength());
        Assert.StartsWith(emu.Info.SiteUrl + "/rest/api/3/user?accountId=", me.GetProperty("self").GetString());
    }

    [Fact]
    public async Task ServerInfo_reports_the_sites_atlassian_net_address()
    {
        await using var emu = await TestEmulator.StartAsync();

        var info = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/serverInfo");

        Assert.Equal($"https://{emu.Info.SiteName}.atlassian.net", info.GetProperty("baseUrl").GetString());
        Assert.Equal("Cloud", info.GetProperty("deploymentType").GetString());
    }

    [Fact]
    public async Task Myself_expanded_lists_groups_and_roles_as_key_and_name()
    {
        await using var emu = await TestEmulator.StartAsync();

        var me = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/myself?expand=groups,applicationRoles");

        var groups = me.GetProperty("groups").GetProperty("items").EnumerateArray().Select(g => g.GetProperty("name").GetString()).ToList();
        Assert.Contains("site-admins", groups);
        Assert.All(me.GetProperty("groups").GetProperty("items").EnumerateArray(), g =>
        {
            Assert.False(string.IsNullOrEmpty(g.GetProperty("groupId").GetString()));
            Assert.Contains("/rest/api/3/group?groupId=", g.GetProperty("self").GetString());
        });
        var roles = me.GetProperty("applicationRoles").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["jira-servicedesk", "jira-software"], roles.Select(r => r.GetProperty("key").GetString()).Order());
        Assert.All(roles, r => Assert.Equal(["key", "name"], r.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task User_expanded_roles_are_full_objects_when_configured()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { FullApplicationRoles = true });
        var me = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/myself?expand=applicationRoles");

        var role = me.GetProperty("applicationRoles").GetProperty("items")[0];

        Assert.True(role.TryGetProperty("numberOfSeats", out _));
        Assert.True(role.TryGetProperty("defaultGroupsDetails", out _));
    }

    [Fact]
    public async Task MyPermissions_tells_the_admin_from_the_non_admin()
    {
        await using var emu = await TestEmulator.StartAsync();

        var admin = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/mypermissions?permissions=ADMINISTER");
        var user = await TestEmulator.GetJsonAsync(emu.NonAdmin, "rest/api/3/mypermissions?permissions=ADMINISTER");

        var administer = admin.GetProperty("permissions").GetProperty("ADMINISTER");
        Assert.True(administer.GetProperty("havePermission").GetBoolean());
        Assert.Equal("GLOBAL", administer.GetProperty("type").GetString());
        Assert.Equal("ADMINISTER", administer.GetProperty("key").GetString());
        Assert.False(user.GetProperty("permissions").GetProperty("ADMINISTER").GetProperty("havePermission").GetBoolean());
    }

    [Fact]
    public async Task MyPermissions_rejects_a_missing_or_unknown_permission()
    {
        await using var emu = await TestEmulator.StartAsync();

        var missing = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/mypermissions", HttpStatusCode.BadRequest);
        var unknown = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/mypermissions?permissions=NOPE", HttpStatusCode.BadRequest);

        Assert.NotEmpty(missing.GetProperty("errorMessages").EnumerateArray());
        Assert.Equal("Unrecognized permission", unknown.GetProperty("errors").GetProperty("NOPE").GetString());
    }

    [Fact]
    public async Task ApplicationRoles_count_distinct_active_non_app_members_of_their_groups()
    {
        await using var emu = await TestEmulator.StartAsync(users: 120);

        var roles = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/applicationrole");

        Assert.Equal(2, roles.GetArrayLength());
        foreach (var role in roles.EnumerateArray())
        {
            var licensed = new HashSet<string>();
            foreach (var group in role.GetProperty("groups").EnumerateArray())
            {
                var members = await emu.AllMembersAsync(group.GetString()!);
                licensed.UnionWith(members.Where(m => m.GetProperty("accountType").GetString() != "app").Select(m => m.GetProperty("accountId").GetString()!));
            }

            Assert.Equal(licensed.Count, role.GetProperty("userCount").GetInt32());
            Assert.Equal(role.GetProperty("numberOfSeats").GetInt32() - licensed.Count, role.GetProperty("remainingSeats").GetInt32());
            Assert.False(role.GetProperty("hasUnlimitedSeats").GetBoolean());
            var defaults = role.GetProperty("defaultGroups").EnumerateArray().Select(g => g.GetString()).ToList();
            Assert.Single(defaults);
            Assert.Contains(defaults[0], role.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
            Assert.Equal(defaults, role.GetProperty("defaultGroupsDetails").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        }
    }

    [Fact]
    public async Task ApplicationRole_by_key_404_for_unknown_and_403_for_non_admin()
    {
        await using var emu = await TestEmulator.StartAsync();

        var software = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/applicationrole/jira-software");
        await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/applicationrole/jira-nothing", HttpStatusCode.NotFound);
        await TestEmulator.GetJsonAsync(emu.NonAdmin, "rest/api/3/applicationrole", HttpStatusCode.Forbidden);

        Assert.Equal("jira-software", software.GetProperty("key").GetString());
        Assert.Contains("jira-software-users", software.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task ApplicationRoles_report_unlimited_seats_as_minus_one_when_configured()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ConfigureAsync(new { unlimitedSeats = true });

        var role = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/applicationrole/jira-servicedesk");

        Assert.Equal(-1, role.GetProperty("numberOfSeats").GetInt32());
        Assert.Equal(-1, role.GetProperty("remainingSeats").GetInt32());
        Assert.True(role.GetProperty("hasUnlimitedSeats").GetBoolean());
    }

    [Fact]
    public async Task GroupBulk_pages_and_filters()
    {
        await using var emu = await TestEmulator.StartAsync();

        var all = new List<string>();
        string? url = "rest/api/3/group/bulk?maxResults=5";
        while (url is not null)
        {
            var page = await TestEmulator.GetJsonAsync(emu.SiteAdmin, url);
            Assert.True(page.GetProperty("values").GetArrayLength() <= 5);
            all.AddRange(page.GetProperty("values").EnumerateArray().Select(g => g.GetProperty("name").GetString()!));
            url = page.GetProperty("isLast").GetBoolean() ? null : page.GetProperty("nextPage").GetString();
        }

        var siteAdmin = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/group/bulk?accessType=site-admin");
        var jsm = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/group/bulk?applicationKey=jira-servicedesk");
        var byName = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/group/bulk?groupName=jira-testers&groupName=ENGINEERING");
        var userAccess = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/group/bulk?accessType=user");
        await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/group/bulk?accessType=owner", HttpStatusCode.BadRequest);

        Assert.Equal(emu.Host.State.ListGroups().Count, all.Distinct().Count());
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(["site-admins"], siteAdmin.GetProperty("values").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(["jira-servicemanagement-users", "jsm-agents"], jsm.GetProperty("values").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(2, byName.GetProperty("total").GetInt32());
        Assert.Equal(
            ["jira-developers", "jira-servicemanagement-users", "jira-software-users", "jira-testers", "jsm-agents"],
            userAccess.GetProperty("values").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task User_by_account_id_with_groups_and_hidden_email()
    {
        await using var emu = await TestEmulator.StartAsync(users: 120);
        var hidden = emu.Host.State.ListOrgUsers(emu.OrgId)!.First(u => !u.EmailVisible && !u.IsApp);

        var user = await TestEmulator.GetJsonAsync(emu.NonAdmin, $"rest/api/3/user?accountId={Uri.EscapeDataString(hidden.AccountId)}&expand=groups,applicationRoles");

        Assert.Equal(hidden.AccountId, user.GetProperty("accountId").GetString());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("emailAddress").ValueKind);
        Assert.Equal(hidden.Groups.Select(g => g.Name), user.GetProperty("groups").GetProperty("items").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(hidden.Groups.Count, user.GetProperty("groups").GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task User_404_for_unknown_and_400_without_account_id()
    {
        await using var emu = await TestEmulator.StartAsync();

        var unknown = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/user?accountId=712020:nobody", HttpStatusCode.NotFound);
        await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/user", HttpStatusCode.BadRequest);

        Assert.Equal("Specified user does not exist or you do not have required permissions", unknown.GetProperty("errorMessages")[0].GetString());
        Assert.Equal(JsonValueKind.Object, unknown.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task TenantInfo_answers_the_cloud_id_without_auth()
    {
        await using var emu = await TestEmulator.StartAsync();

        var tenant = await TestEmulator.GetJsonAsync(emu.Anonymous, "_edge/tenant_info");

        Assert.Equal(emu.Info.CloudId, tenant.GetProperty("cloudId").GetString());
    }
}
