using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

public sealed class AdminRouteTests
{
    private static string LastActiveUrl(TestEmulator emu, string accountId, string? orgId = null) =>
        $"admin/v1/orgs/{orgId ?? emu.OrgId}/directory/users/{Uri.EscapeDataString(accountId)}/last-active-dates";

    [Fact]
    public async Task Orgs_page_with_full_url_links_and_single_org_404()
    {
        await using var emu = await TestEmulator.StartAsync(orgs: 5);
        await emu.ConfigureAsync(new { adminPageSize = 2 });

        var ids = new List<string>();
        string? url = "admin/v1/orgs";
        while (url is not null)
        {
            var page = await TestEmulator.GetJsonAsync(emu.OrgAdmin, url);
            ids.AddRange(page.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("id").GetString()!));
            url = page.GetProperty("links").TryGetProperty("next", out var next) ? next.GetString() : null;
            Assert.True(url is null || url.StartsWith(emu.Info.AdminApiUrl + "/admin/v1/orgs?cursor=", StringComparison.Ordinal), url);
        }

        var org = await TestEmulator.GetJsonAsync(emu.OrgAdmin, $"admin/v1/orgs/{emu.OrgId}");
        var missing = await TestEmulator.GetJsonAsync(emu.OrgAdmin, "admin/v1/orgs/not-an-org", HttpStatusCode.NotFound);
        await TestEmulator.GetJsonAsync(emu.OrgAdmin, "admin/v1/orgs?cursor=bogus", HttpStatusCode.BadRequest);

        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(emu.OrgId, ids[0]);
        Assert.Equal("orgs", org.GetProperty("data").GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(org.GetProperty("data").GetProperty("attributes").GetProperty("name").GetString()));
        var error = missing.GetProperty("errors")[0];
        Assert.Equal("ADMIN-404-2", error.GetProperty("code").GetString());
        Assert.Equal("404", error.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Users_follow_next_urls_to_the_end_and_list_managed_accounts_in_snake_case()
    {
        await using var emu = await TestEmulator.StartAsync(users: 80);
        await emu.ConfigureAsync(new { adminPageSize = 25 });

        var users = new List<JsonElement>();
        string? url = $"admin/v1/orgs/{emu.OrgId}/users";
        var total = -1;
        while (url is not null)
        {
            var page = await TestEmulator.GetJsonAsync(emu.OrgAdmin, url);
            total = page.GetProperty("meta").GetProperty("total").GetInt32();
            users.AddRange(page.GetProperty("data").EnumerateArray());
            url = page.GetProperty("links").TryGetProperty("next", out var next) ? next.GetString() : null;
        }

        var expected = emu.Host.State.ListOrgUsers(emu.OrgId)!.Where(u => u.Managed && !u.IsApp).Select(u => u.AccountId).ToList();
        Assert.Equal(expected.Count, total);
        Assert.Equal(expected, users.Select(u => u.GetProperty("account_id").GetString()));
        Assert.All(users, u =>
        {
            Assert.Equal("atlassian", u.GetProperty("account_type").GetString());
            Assert.Contains(u.GetProperty("account_status").GetString(), new[] { "active", "inactive", "closed" });
            Assert.True(u.TryGetProperty("product_access", out _));
        });
        await TestEmulator.GetJsonAsync(emu.OrgAdmin, "admin/v1/orgs/not-an-org/users", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LastActiveDates_list_used_products_with_the_site_ari_and_added_to_org()
    {
        await using var emu = await TestEmulator.StartAsync();
        var admin = emu.Host.State.ListOrgUsers(emu.OrgId)![0];

        var answer = await TestEmulator.GetJsonAsync(emu.OrgAdmin, LastActiveUrl(emu, admin.AccountId));

        var data = answer.GetProperty("data");
        var entries = data.GetProperty("product_access").EnumerateArray().ToList();
        Assert.Equal(["jira-software", "jira-service-desk", "confluence"], entries.Select(e => e.GetProperty("key").GetString()));
        Assert.All(entries, e => Assert.Equal($"ari:cloud:{e.GetProperty("key").GetString()}::site/{emu.Info.CloudId}", e.GetProperty("id").GetString()));
        Assert.Equal(admin.LastActive[StateGenerator.JiraSoftwareKey].ToString("yyyy-MM-dd"), entries[0].GetProperty("last_active").GetString());
        Assert.Equal(admin.AddedToOrg!.Value.ToString("yyyy-MM-dd"), data.GetProperty("added_to_org").GetString());
        Assert.Equal(JsonValueKind.Object, answer.GetProperty("links").ValueKind);
    }

    [Fact]
    public async Task LastActiveDates_are_empty_for_a_user_who_never_used_anything_unless_undated_products_are_listed()
    {
        await using var emu = await TestEmulator.StartAsync();
        var invitee = emu.Host.State.ListOrgUsers(emu.OrgId)!.First(u => !u.IsApp && u.LastActive.Count == 0 && u.ProductKeys.Count > 0);

        var omitted = await TestEmulator.GetJsonAsync(emu.OrgAdmin, LastActiveUrl(emu, invitee.AccountId));
        await emu.ConfigureAsync(new { listUndatedProducts = true });
        var listed = await TestEmulator.GetJsonAsync(emu.OrgAdmin, LastActiveUrl(emu, invitee.AccountId));

        Assert.Equal(0, omitted.GetProperty("data").GetProperty("product_access").GetArrayLength());
        var entries = listed.GetProperty("data").GetProperty("product_access").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.False(e.TryGetProperty("last_active", out _)));
    }

    [Theory]
    [InlineData("jira")]
    [InlineData("jira-next")]
    public async Task LastActiveDates_name_Jira_by_the_configured_key_in_the_key_and_the_ari(string key)
    {
        await using var emu = await TestEmulator.StartAsync();
        var user = emu.Host.State.ListOrgUsers(emu.OrgId)!.First(u => u.LastActive.ContainsKey(StateGenerator.JiraSoftwareKey));
        await emu.ConfigureAsync(new { lastActiveJiraKey = key });

        var answer = await TestEmulator.GetJsonAsync(emu.OrgAdmin, LastActiveUrl(emu, user.AccountId));

        var entries = answer.GetProperty("data").GetProperty("product_access").EnumerateArray().ToList();
        var jira = Assert.Single(entries, e => e.GetProperty("key").GetString() == key);
        Assert.StartsWith($"ari:cloud:{key}::site/", jira.GetProperty("id").GetString());
        Assert.DoesNotContain(entries, e => e.GetProperty("key").GetString() == StateGenerator.JiraSoftwareKey);
        Assert.Equal(user.LastActive[StateGenerator.JiraSoftwareKey].ToString("yyyy-MM-dd"), jira.GetProperty("last_active").GetString());
    }

    [Fact]
    public async Task The_last_active_Jira_key_must_be_a_lower_case_key()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var response = await emu.Anonymous.PostAsJsonAsync("_emulator/config", new { lastActiveJiraKey = "Jira Software" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task LastActiveDates_404_codes_for_unknown_user_and_unknown_org()
    {
        await using var emu = await TestEmulator.StartAsync(orgs: 2);
        var otherOrg = emu.Host.State.ListOrgs()[1].Id;

        var user = await TestEmulator.GetJsonAsync(emu.OrgAdmin, LastActiveUrl(emu, "712020:nobody"), HttpStatusCode.NotFound);
        var org = await TestEmulator.GetJsonAsync(emu.OrgAdmin, LastActiveUrl(emu, emu.Info.Email, "no-org"), HttpStatusCode.NotFound);
        var notInOrg = await TestEmulator.GetJsonAsync(
            emu.OrgAdmin, LastActiveUrl(emu, emu.Host.State.ListOrgUsers(emu.OrgId)![0].AccountId, otherOrg), HttpStatusCode.NotFound);

        Assert.Equal("ADMIN-404-8", user.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("ADMIN-404-2", org.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("ADMIN-404-8", notInOrg.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task V1_suspend_and_restore_switched_back_on_change_what_Jira_reports()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { V1LifecycleRoutes = true });
        var user = emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), false)!.First(u => !u.IsApp);
        var basePath = $"admin/v1/orgs/{emu.OrgId}/directory/users/{Uri.EscapeDataString(user.AccountId)}";
        var userUrl = $"rest/api/3/user?accountId={Uri.EscapeDataString(user.AccountId)}&expand=applicationRoles";

        using var suspend = await emu.OrgAdmin.PostAsync($"{basePath}/suspend-access", null);
        var suspended = await TestEmulator.GetJsonAsync(emu.SiteAdmin, userUrl);
        var activeMembers = await emu.AllMembersAsync(StateGenerator.JiraSoftwareUsersGroup);
        using var restore = await emu.OrgAdmin.PostAsync($"{basePath}/restore-access", null);
        var restored = await TestEmulator.GetJsonAsync(emu.SiteAdmin, userUrl);

        Assert.Equal($"Access to organization {emu.OrgId} was suspended for user {user.AccountId}",
            (await TestEmulator.ReadJsonAsync(suspend)).GetProperty("message").GetString());
        Assert.False(suspended.GetProperty("active").GetBoolean());
        Assert.Equal(0, suspended.GetProperty("applicationRoles").GetProperty("size").GetInt32());
        Assert.DoesNotContain(activeMembers, m => m.GetProperty("accountId").GetString() == user.AccountId);
        Assert.Equal($"Access to organization {emu.OrgId} was restored for user {user.AccountId}",
            (await TestEmulator.ReadJsonAsync(restore)).GetProperty("message").GetString());
        Assert.True(restored.GetProperty("active").GetBoolean());
        Assert.True(restored.GetProperty("applicationRoles").GetProperty("size").GetInt32() > 0);
    }

    [Fact]
    public async Task V1_suspend_switched_back_on_404_for_unknown_user_and_400_for_an_app()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { V1LifecycleRoutes = true });
        var app = emu.Host.State.ListOrgUsers(emu.OrgId)!.First(u => u.IsApp);

        using var unknown = await emu.OrgAdmin.PostAsync($"admin/v1/orgs/{emu.OrgId}/directory/users/712020:nobody/suspend-access", null);
        using var appAnswer = await emu.OrgAdmin.PostAsync($"admin/v1/orgs/{emu.OrgId}/directory/users/{Uri.EscapeDataString(app.AccountId)}/suspend-access", null);

        Assert.Equal("ADMIN-404-8", (await TestEmulator.ReadJsonAsync(unknown, HttpStatusCode.NotFound)).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("ADMIN-400-4", (await TestEmulator.ReadJsonAsync(appAnswer, HttpStatusCode.BadRequest)).GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task V2_search_filters_pages_with_cursors_and_expands_product_access()
    {
        await using var emu = await TestEmulator.StartAsync();
        var url = $"admin/v2/orgs/{emu.OrgId}/directories/-/users/search";

        var byEmail = await PostJsonAsync(emu, url, new { emails = new[] { emu.Info.Email }, expand = new[] { "productAccess", "groups" } });
        var firstPage = await PostJsonAsync(emu, url, new { limit = 10 });
        var secondPage = await PostJsonAsync(emu, url, new { limit = 10, cursor = firstPage.GetProperty("links").GetProperty("next").GetString() });
        using var both = await emu.OrgAdmin.PostAsJsonAsync(url, new { emails = new[] { "a@b.example" }, searchTerm = "a" });

        var admin = byEmail.GetProperty("data").EnumerateArray().Single();
        Assert.Equal("active", admin.GetProperty("status").GetString());
        Assert.Contains("jira", admin.GetProperty("productAccess").EnumerateArray().Select(p => p.GetProperty("key").GetString()));
        Assert.Contains("site-admins", admin.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(10, firstPage.GetProperty("data").GetArrayLength());
        Assert.Empty(firstPage.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("accountId").GetString())
            .Intersect(secondPage.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("accountId").GetString())));
        Assert.Equal("ADMIN-UAM-400-1", (await TestEmulator.ReadJsonAsync(both, HttpStatusCode.BadRequest)).GetProperty("errors")[0].GetProperty("code").GetString());
    }

    private static async Task<JsonElement> PostJsonAsync(TestEmulator emu, string url, object body)
    {
        using var response = await emu.OrgAdmin.PostAsJsonAsync(url, body);
        return await TestEmulator.ReadJsonAsync(response);
    }
}
