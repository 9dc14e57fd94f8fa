using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

/// <summary>The routes and knobs of how a user holds a product besides groups (contract §2.6b, issue 23).</summary>
public sealed class AccessPathRouteTests
{
    private static Task<TestEmulator> StartAsync(EmulatorConfig? config = null) => TestEmulator.StartAsync(config: config, accessPaths: 2);

    private static UserView DirectOnly(TestEmulator emu) =>
        emu.Host.State.ListOrgUsers(emu.OrgId)!.First(u => u.DirectRoles.Count > 0 && u.Groups.All(g => !g.Name.StartsWith("jira", StringComparison.Ordinal)));

    private static UserView SyncedAndLocal(TestEmulator emu) =>
        emu.Host.State.ListOrgUsers(emu.OrgId)!.First(u => u.SyncedGroupIds.Count > 0 && u.Groups.Any(g => g.Name == StateGenerator.JiraSoftwareUsersGroup));

    private static async Task<JsonElement> PostAsync(TestEmulator emu, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await emu.OrgAdmin.PostAsJsonAsync(path, body);
        return await TestEmulator.ReadJsonAsync(response, expected);
    }

    private static async Task<int> SeatsAsync(TestEmulator emu) =>
        (await TestEmulator.GetJsonAsync(emu.SiteAdmin, $"rest/api/3/applicationrole/{StateGenerator.JiraSoftwareKey}")).GetProperty("userCount").GetInt32();

    private static async Task<string> WorkspaceIdAsync(TestEmulator emu) =>
        (await PostAsync(emu, $"admin/v2/orgs/{emu.OrgId}/workspaces", new { limit = 100 })).GetProperty("data").EnumerateArray()
            .Select(w => w.GetProperty("id").GetString()!).Single(id => id.StartsWith("ari:cloud:jira::", StringComparison.Ordinal) || id.StartsWith("ari:cloud:jira-software::", StringComparison.Ordinal));

    [Fact]
    public async Task A_direct_role_holds_a_seat_Jira_lists_but_no_group_shows()
    {
        await using var emu = await StartAsync();
        var user = DirectOnly(emu);

        var jira = await TestEmulator.GetJsonAsync(emu.SiteAdmin, $"rest/api/3/user?accountId={Uri.EscapeDataString(user.AccountId)}&expand=groups,applicationRoles");
        var roles = await TestEmulator.GetJsonAsync(emu.OrgAdmin, $"admin/v2/orgs/{emu.OrgId}/directories/-/users/{Uri.EscapeDataString(user.AccountId)}/role-assignments?roleIds=atlassian/user");

        Assert.Contains(jira.GetProperty("applicationRoles").GetProperty("items").EnumerateArray(), r => r.GetProperty("key").GetString() == StateGenerator.JiraSoftwareKey);
        var methods = roles.GetProperty("data").EnumerateArray().Single().GetProperty("roleAssignments")[0].GetProperty("roleAssignmentMethods").EnumerateArray().Select(m => m.GetString());
        Assert.Equal(["direct"], methods);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Revoke_frees_the_direct_role_and_strips_the_local_groups_only_when_the_knob_says_so(bool strips)
    {
        await using var emu = await StartAsync(new EmulatorConfig { RevokeStripsGroups = strips });
        var user = emu.Host.State.ListOrgUsers(emu.OrgId)!.First(u => u.DirectRoles.Count > 0 && u.Groups.Any(g => g.Name == StateGenerator.JiraSoftwareUsersGroup));
        string resource = await WorkspaceIdAsync(emu);
        int before = await SeatsAsync(emu);

        using var response = await emu.OrgAdmin.PostAsJsonAsync($"admin/v1/orgs/{emu.OrgId}/users/{Uri.EscapeDataString(user.AccountId)}/roles/revoke", new { role = "atlassian/user", resource });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = emu.Host.State.FindUser(user.AccountId)!;
        Assert.Empty(after.DirectRoles);
        Assert.Equal(!strips, after.Groups.Any(g => g.Name == StateGenerator.JiraSoftwareUsersGroup));
        Assert.Equal(strips ? before - 1 : before, await SeatsAsync(emu));
    }

    [Fact]
    public async Task Revoke_with_a_resource_not_sent_as_the_workspaces_API_gives_it_is_a_400()
    {
        await using var emu = await StartAsync(new EmulatorConfig { WorkspaceAriOwner = "jira-software" });
        var user = DirectOnly(emu);

        var error = await PostAsync(emu, $"admin/v1/orgs/{emu.OrgId}/users/{Uri.EscapeDataString(user.AccountId)}/roles/revoke",
            new { role = "atlassian/user", resource = $"ari:cloud:jira::site/{emu.Host.State.Site.CloudId}" }, HttpStatusCode.BadRequest);

        Assert.Equal("ADMIN-UAM-400-3", error.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.NotEmpty(emu.Host.State.FindUser(user.AccountId)!.DirectRoles);
    }

    [Fact]
    public async Task Grant_puts_the_direct_role_back()
    {
        await using var emu = await StartAsync(new EmulatorConfig { RoleChangeStatus = 200 });
        var user = DirectOnly(emu);
        string resource = await WorkspaceIdAsync(emu);
        string path = $"admin/v1/orgs/{emu.OrgId}/users/{Uri.EscapeDataString(user.AccountId)}/roles";
        (await emu.OrgAdmin.PostAsJsonAsync($"{path}/revoke", new { role = "atlassian/user", resource })).Dispose();

        using var response = await emu.OrgAdmin.PostAsJsonAsync($"{path}/assign", new { role = "atlassian/user", resource });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([StateGenerator.JiraSoftwareKey], emu.Host.State.FindUser(user.AccountId)!.DirectRoles);
    }

    [Fact]
    public async Task An_org_admin_must_lose_that_role_first()
    {
        await using var emu = await StartAsync();
        var admin = emu.Host.State.ListOrgUsers(emu.OrgId)!.First(u => u.OrgAdmin);

        var error = await PostAsync(emu, $"admin/v1/orgs/{emu.OrgId}/users/{Uri.EscapeDataString(admin.AccountId)}/roles/revoke",
            new { role = "atlassian/user", resource = await WorkspaceIdAsync(emu) }, HttpStatusCode.Forbidden);

        Assert.Contains("organization admin", error.GetProperty("errors")[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspaces_page_with_the_cursor_alone_and_refuse_a_cursor_with_other_properties()
    {
        await using var emu = await StartAsync();
        string path = $"admin/v2/orgs/{emu.OrgId}/workspaces";
        var first = await PostAsync(emu, path, new { limit = 1 });
        string cursor = first.GetProperty("links").GetProperty("next").GetString()!;

        var second = await PostAsync(emu, path, new { cursor });
        await PostAsync(emu, path, new { cursor, limit = 1 }, HttpStatusCode.BadRequest);

        Assert.Single(second.GetProperty("data").EnumerateArray());
        Assert.NotEqual(first.GetProperty("data")[0].GetProperty("id").GetString(), second.GetProperty("data")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("externalSynced,managedBy,modifiable", true, "external", false)]
    [InlineData("externalSynced", true, "admins", true)]
    [InlineData("managedBy", false, "external", true)]
    [InlineData("modifiable", false, "admins", false)]
    public async Task The_group_search_gives_a_synced_group_the_signals_the_knob_names(string flags, bool externalSynced, string managedBy, bool modifiable)
    {
        await using var emu = await StartAsync(new EmulatorConfig { SyncedGroupFlags = flags });

        var page = await PostAsync(emu, $"admin/v2/orgs/{emu.OrgId}/directories/-/groups/search", new { limit = 100, groupNames = new[] { StateGenerator.SyncedJiraGroup, StateGenerator.JiraSoftwareUsersGroup } });

        var groups = page.GetProperty("data").EnumerateArray().ToDictionary(g => g.GetProperty("name").GetString()!);
        var synced = groups[StateGenerator.SyncedJiraGroup];
        Assert.Equal(externalSynced, synced.GetProperty("externalSynced").GetBoolean());
        Assert.Equal(managedBy, synced.GetProperty("managedBy").GetString());
        Assert.Equal(modifiable, synced.GetProperty("managementAccess").GetProperty("modifiable").GetBoolean());
        Assert.StartsWith("ari:cloud:identity::group/", synced.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.False(groups[StateGenerator.JiraSoftwareUsersGroup].GetProperty("externalSynced").GetBoolean());
    }

    [Fact]
    public async Task Jiras_delete_on_a_synced_group_is_refused_when_the_knob_says_so()
    {
        await using var emu = await StartAsync(new EmulatorConfig { SyncedGroupRemoval = "refuse" });
        var user = SyncedAndLocal(emu);

        using var response = await emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupname={StateGenerator.SyncedJiraGroup}&accountId={Uri.EscapeDataString(user.AccountId)}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(user.AccountId, emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.SyncedJiraGroup), true)!.Select(u => u.AccountId));
    }

    [Fact]
    public async Task Jiras_delete_on_a_synced_group_is_put_back_by_the_identity_providers_next_sync()
    {
        await using var emu = await StartAsync(new EmulatorConfig { SyncedGroupRemoval = "revert" });
        var user = SyncedAndLocal(emu);
        int before = await SeatsAsync(emu);

        using var response = await emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupname={StateGenerator.SyncedJiraGroup}&accountId={Uri.EscapeDataString(user.AccountId)}");
        (await emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupname={StateGenerator.JiraSoftwareUsersGroup}&accountId={Uri.EscapeDataString(user.AccountId)}")).Dispose();
        int removed = await SeatsAsync(emu);
        var sync = await emu.PostControlAsync("identity-provider/sync");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before - 1, removed);
        Assert.Equal(1, sync.GetProperty("restored").GetInt32());
        Assert.Equal(before, await SeatsAsync(emu));
        Assert.DoesNotContain(user.AccountId, emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), true)!.Select(u => u.AccountId));
    }

    [Fact]
    public async Task The_v2_search_lists_a_direct_role_holders_product()
    {
        await using var emu = await StartAsync();
        var user = DirectOnly(emu);

        var page = await PostAsync(emu, $"admin/v2/orgs/{emu.OrgId}/directories/-/users/search", new { accountIds = new[] { user.AccountId }, expand = new[] { "productAccess" } });

        Assert.Contains(page.GetProperty("data")[0].GetProperty("productAccess").EnumerateArray(), p => p.GetProperty("key").GetString() == "jira");
    }

    [Fact]
    public async Task A_state_whose_direct_role_names_no_product_is_refused_with_the_reason()
    {
        await using var emu = await StartAsync();
        var document = emu.Host.State.ToDocument();
        document.Users[1].DirectRoles.Add("jira-nonexistent");

        var error = Assert.Throws<InvalidDataException>(() => emu.Host.State.Load(document));

        Assert.Contains("unknown product 'jira-nonexistent'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dumped_state_keeps_the_paths_and_what_the_next_sync_puts_back()
    {
        await using var emu = await StartAsync(new EmulatorConfig { SyncedGroupRemoval = "revert" });
        var user = SyncedAndLocal(emu);
        (await emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupname={StateGenerator.SyncedJiraGroup}&accountId={Uri.EscapeDataString(user.AccountId)}")).Dispose();

        emu.Host.State.Load(emu.Host.State.ToDocument());
        await emu.PostControlAsync("identity-provider/sync");

        Assert.Contains(user.AccountId, emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.SyncedJiraGroup), true)!.Select(u => u.AccountId));
        Assert.Contains(emu.Host.State.ListOrgUsers(emu.OrgId)!, u => u.DirectRoles.Count > 0);
    }
}
