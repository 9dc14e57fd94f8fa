using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

/// <summary>The v2 user search and directory list, and the knobs for what Atlassian leaves open about them.</summary>
public sealed class UserSearchTests
{
    private static string SearchUrl(TestEmulator emu) => $"admin/v2/orgs/{emu.OrgId}/directories/-/users/search";

    [Theory]
    [InlineData(true, "jira", "jira-servicedesk", "cloudId")]
    [InlineData(false, "jira-software", "jira-service-desk", "ari")]
    public async Task Search_dates_agree_with_last_active_dates_for_every_user(bool listsUndated, string jiraKey, string jsmKey, string idFormat)
    {
        await using var emu = await TestEmulator.StartAsync(users: 120);
        await emu.ConfigureAsync(new { searchListsUndated = listsUndated, listUndatedProducts = listsUndated, searchJiraKey = jiraKey, searchServiceManagementKey = jsmKey, searchProductId = idFormat });
        var keys = new Dictionary<string, string> { [jiraKey] = "jira-software", [jsmKey] = "jira-service-desk", ["confluence"] = "confluence" };

        var people = await SearchAllAsync(emu, new { limit = 100, expand = new[] { "productAccess" } });

        Assert.Equal(emu.Host.State.ListOrgUsers(emu.OrgId)!.Select(u => u.AccountId), people.Select(p => p.GetProperty("accountId").GetString()));
        Assert.Contains(people, p => p.GetProperty("claimStatus").GetString() == "unmanaged");
        var undated = 0;
        foreach (var person in people)
        {
            var accountId = person.GetProperty("accountId").GetString()!;
            var v1 = await TestEmulator.GetJsonAsync(emu.OrgAdmin, $"admin/v1/orgs/{emu.OrgId}/directory/users/{Uri.EscapeDataString(accountId)}/last-active-dates");
            var expected = v1.GetProperty("data").GetProperty("product_access").EnumerateArray()
                .Select(e => (Key: e.GetProperty("key").GetString()!, Date: e.TryGetProperty("last_active", out var d) ? d.GetString() : null))
                .OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            var entries = person.GetProperty("productAccess").EnumerateArray().ToList();
            var actual = entries
                .Select(e => (Key: keys[e.GetProperty("key").GetString()!], Date: e.TryGetProperty("lastActiveTimestamp", out var t) ? t.GetString()![..10] : null))
                .OrderBy(e => e.Key, StringComparer.Ordinal).ToList();

            Assert.Equal(expected, actual);
            Assert.All(entries, e => Assert.Equal(
                idFormat == "ari" ? $"ari:cloud:{e.GetProperty("key").GetString()}::site/{emu.Info.CloudId}" : emu.Info.CloudId,
                e.GetProperty("id").GetString()));
            Assert.Equal(v1.GetProperty("data").GetProperty("added_to_org").GetString(),
                person.TryGetProperty("addedToOrg", out var added) ? added.GetString()![..10] : null);
            undated += entries.Count(e => !e.TryGetProperty("lastActiveTimestamp", out _));
        }

        Assert.Equal(listsUndated, undated > 0);
    }

    [Fact]
    public async Task Limit_above_the_maximum_is_a_400_and_the_maximum_is_a_knob()
    {
        await using var emu = await TestEmulator.StartAsync(users: 120);

        using var tooMany = await emu.OrgAdmin.PostAsJsonAsync(SearchUrl(emu), new { limit = 101 });
        var full = await PostJsonAsync(emu, new { limit = 100 });
        await emu.ConfigureAsync(new { searchMaxLimit = 50 });
        using var nowTooMany = await emu.OrgAdmin.PostAsJsonAsync(SearchUrl(emu), new { limit = 100 });
        var half = await PostJsonAsync(emu, new { limit = 50 });
        var unset = await PostJsonAsync(emu, new { });

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(100, full.GetProperty("data").GetArrayLength());
        Assert.Equal("ADMIN-UAM-400-1", (await TestEmulator.ReadJsonAsync(nowTooMany, HttpStatusCode.BadRequest)).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(50, half.GetProperty("data").GetArrayLength());
        Assert.Equal(50, unset.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("off", HttpStatusCode.NotFound)]
    [InlineData("forbidden", HttpStatusCode.Forbidden)]
    [InlineData("methodNotAllowed", HttpStatusCode.MethodNotAllowed)]
    [InlineData("unreadable", HttpStatusCode.OK)]
    public async Task The_search_can_be_switched_off_or_answer_what_a_client_cannot_read(string fault, HttpStatusCode status)
    {
        await using var emu = await TestEmulator.StartAsync();
        var before = await TestEmulator.GetJsonAsync(emu.OrgAdmin, $"admin/v2/orgs/{emu.OrgId}/directories");
        await emu.ConfigureAsync(new { searchFault = fault });

        using var search = await emu.OrgAdmin.PostAsJsonAsync(SearchUrl(emu), new { limit = 10 });
        using var directories = await emu.OrgAdmin.GetAsync($"admin/v2/orgs/{emu.OrgId}/directories");
        var lastActive = await TestEmulator.GetJsonAsync(emu.OrgAdmin, $"admin/v1/orgs/{emu.OrgId}/directory/users/{Uri.EscapeDataString(emu.Host.State.ListOrgUsers(emu.OrgId)![0].AccountId)}/last-active-dates");

        Assert.Equal(emu.Host.State.ListOrgs()[0].DirectoryId, before.GetProperty("data")[0].GetProperty("directoryId").GetString());
        Assert.Equal(status, search.StatusCode);
        Assert.Equal(status, directories.StatusCode);
        if (status == HttpStatusCode.OK)
        {
            var body = JsonDocument.Parse(await search.Content.ReadAsStringAsync()).RootElement;
            Assert.NotEqual(JsonValueKind.Array, body.GetProperty("data").ValueKind);
        }

        Assert.True(lastActive.GetProperty("data").TryGetProperty("product_access", out _), "the per-user route still answers");
    }

    [Fact]
    public async Task A_failing_page_fails_as_often_as_asked_then_the_same_cursor_gets_it()
    {
        await using var emu = await TestEmulator.StartAsync(users: 60);
        await emu.ConfigureAsync(new { searchFailPage = 3, searchFailTimes = 2, searchFailStatus = 503 });
        var first = await PostJsonAsync(emu, new { limit = 10 });
        var second = await PostJsonAsync(emu, new { limit = 10, cursor = Next(first) });
        var cursor = Next(second);

        using var failed1 = await emu.OrgAdmin.PostAsJsonAsync(SearchUrl(emu), new { limit = 10, cursor });
        using var failed2 = await emu.OrgAdmin.PostAsJsonAsync(SearchUrl(emu), new { limit = 10, cursor });
        var third = await PostJsonAsync(emu, new { limit = 10, cursor });
        var againFirst = await PostJsonAsync(emu, new { limit = 10 });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed1.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed2.StatusCode);
        var ids = emu.Host.State.ListOrgUsers(emu.OrgId)!.Select(u => u.AccountId).ToList();
        Assert.Equal(ids.Skip(20).Take(10), third.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("accountId").GetString()));
        Assert.Equal(10, againFirst.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task RoleIds_finds_the_org_admins_and_platformRoles_names_their_role()
    {
        await using var emu = await TestEmulator.StartAsync(users: 300);
        var expected = emu.Host.State.ListOrgUsers(emu.OrgId)!.Where(u => u.OrgAdmin).Select(u => u.AccountId).ToList();

        var admins = await SearchAllAsync(emu, new { limit = 2, roleIds = new[] { "atlassian/org-admin" }, expand = new[] { "platformRoles" } });
        var plain = await PostJsonAsync(emu, new { limit = 5 });
        await emu.ConfigureAsync(new { searchOmits = expected[0] });
        var omitted = await SearchAllAsync(emu, new { limit = 100, roleIds = new[] { "atlassian/org-admin" } });

        Assert.True(expected.Count >= 2, "the generated org has more than one org admin");
        Assert.Equal(expected, admins.Select(a => a.GetProperty("accountId").GetString()));
        Assert.All(admins, a => Assert.Contains("atlassian/org-admin", a.GetProperty("platformRoles").EnumerateArray().Select(r => r.GetString())));
        Assert.All(plain.GetProperty("data").EnumerateArray(), u => Assert.False(u.TryGetProperty("platformRoles", out _)));
        Assert.Equal(expected.Skip(1), omitted.Select(a => a.GetProperty("accountId").GetString()));
    }

    [Fact]
    public async Task The_Admin_API_can_have_its_own_rate_limit()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        await using var emu = await TestEmulator.StartAsync(clock: clock, config: new EmulatorConfig { RateLimit = 20, AdminRateLimit = 2 });

        var admin = new List<HttpStatusCode>();
        var jira = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var a = await emu.OrgAdmin.PostAsJsonAsync(SearchUrl(emu), new { limit = 1 });
            using var j = await emu.SiteAdmin.GetAsync("rest/api/3/myself");
            admin.Add(a.StatusCode);
            jira.Add(j.StatusCode);
        }

        Assert.Equal(2, admin.Count(s => s == HttpStatusCode.OK));
        Assert.All(jira, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public void The_search_knobs_are_command_line_options()
    {
        var options = EmulatorCommandLine.Parse(
        [
            "--search-max-limit", "50", "--search-jira-key", "jira-software", "--search-service-management-key", "jira-service-desk",
            "--search-lists-undated", "false", "--search-product-id", "ari", "--search-fault", "off", "--search-fail-page", "3",
            "--search-fail-times", "2", "--search-fail-status", "502", "--admin-rate-limit", "10", "--search-omits", "a1,b2",
        ])!;

        Assert.Equal(
            new EmulatorConfig
            {
                SearchMaxLimit = 50,
                SearchJiraKey = "jira-software",
                SearchServiceManagementKey = "jira-service-desk",
                SearchListsUndated = false,
                SearchProductId = "ari",
                SearchFault = "off",
                SearchFailPage = 3,
                SearchFailTimes = 2,
                SearchFailStatus = 502,
                AdminRateLimit = 10,
                SearchOmits = "a1,b2",
            },
            options.Config);
        Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(["--search-jira-key", "jira-core"]));
        Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(["--search-max-limit", "0"]));
    }

    private static string? Next(JsonElement page) =>
        page.GetProperty("links").TryGetProperty("next", out var next) ? next.GetString() : null;

    private static async Task<JsonElement> PostJsonAsync(TestEmulator emu, object body)
    {
        using var response = await emu.OrgAdmin.PostAsJsonAsync(SearchUrl(emu), body);
        return await TestEmulator.ReadJsonAsync(response);
    }

    private static async Task<List<JsonElement>> SearchAllAsync(TestEmulator emu, object body)
    {
        var template = JsonSerializer.SerializeToNode(body)!.AsObject();
        var people = new List<JsonElement>();
        string? cursor = null;
        do
        {
            template["cursor"] = cursor;
            var page = await PostJsonAsync(emu, template);
            people.AddRange(page.GetProperty("data").EnumerateArray());
            cursor = Next(page);
        }
        while (cursor is not null);

        return people;
    }
}
