using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

public sealed class ExportCsvTests
{
    private const string Header =
        "User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Last seen in Jira Service Management - acme,"
        + "Last seen in Confluence - acme,Jira - acme,Jira Service Management - acme,Confluence - acme,Group name";

    [Fact]
    public async Task Header_is_the_current_export_format()
    {
        await using var emu = await TestEmulator.StartAsync(users: 10);

        var csv = await emu.Anonymous.GetStringAsync("_emulator/export.csv");

        Assert.StartsWith(Header + "\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_row_matches_what_the_Jira_and_Admin_APIs_say_about_that_user()
    {
        await using var emu = await TestEmulator.StartAsync(users: 70);
        // Changes made through the API must show up in the export as well.
        var changed = emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), false)!.First(u => !u.IsApp && u.Email != emu.Info.Email);
        (await emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupname=jira-software-users&accountId={Uri.EscapeDataString(changed.AccountId)}")).Dispose();
        (await emu.SuspendAsync(changed.AccountId)).Dispose();

        var rows = CsvText.Parse(await emu.Anonymous.GetStringAsync("_emulator/export.csv"));
        var header = rows[0];
        var roles = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/applicationrole");
        var roleGroups = roles.EnumerateArray().ToDictionary(
            r => r.GetProperty("key").GetString()!, r => r.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).ToHashSet());
        roleGroups["confluence"] = [StateGenerator.ConfluenceUsersGroup];
        (string Product, string AdminKey, string RoleKey)[] columns =
        [
            ("Jira", "jira-software", "jira-software"),
            ("Jira Service Management", "jira-service-desk", "jira-servicedesk"),
            ("Confluence", "confluence", "confluence"),
        ];
        var people = await SearchAllAsync(emu);

        Assert.Equal(people.Count(p => p.GetProperty("accountType").GetString() != "app"), rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            string Cell(string column) => row[header.IndexOf(column)];
            var accountId = Cell("User id");
            var user = await TestEmulator.GetJsonAsync(emu.SiteAdmin, $"rest/api/3/user?accountId={Uri.EscapeDataString(accountId)}&expand=groups");
            var lastActive = await TestEmulator.GetJsonAsync(emu.OrgAdmin, $"admin/v1/orgs/{emu.OrgId}/directory/users/{Uri.EscapeDataString(accountId)}/last-active-dates");
            var person = people.Single(p => p.GetProperty("accountId").GetString() == accountId);
            var groups = user.GetProperty("groups").GetProperty("items").EnumerateArray().Select(g => g.GetProperty("name").GetString()!).ToHashSet();

            Assert.Equal(user.GetProperty("displayName").GetString(), Cell("User name"));
            if (user.GetProperty("emailAddress").GetString() is { } email)
            {
                Assert.Equal(email, Cell("email"));
            }

            Assert.Equal(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(person.GetProperty("status").GetString()!), Cell("User status"));
            Assert.Equal(groups.Order(), Cell("Group name").Split(',', StringSplitOptions.RemoveEmptyEntries).Order());
            Assert.Equal(FormatDate(lastActive.GetProperty("data").GetProperty("added_to_org").GetString()) ?? "", Cell("Added to org"));
            foreach (var (product, adminKey, roleKey) in columns)
            {
                var entry = lastActive.GetProperty("data").GetProperty("product_access").EnumerateArray()
                    .Where(e => e.GetProperty("key").GetString() == adminKey)
                    .Select(e => e.TryGetProperty("last_active", out var d) ? d.GetString() : null)
                    .FirstOrDefault();
                Assert.Equal(FormatDate(entry) ?? "Never accessed", Cell($"Last seen in {product} - acme"));
                Assert.Equal(groups.Overlaps(roleGroups[roleKey]) ? "User" : "", Cell($"{product} - acme"));
            }
        }

        var changedRow = rows.Single(r => r[0] == changed.AccountId);
        Assert.Equal("Suspended", changedRow[header.IndexOf("User status")]);
        Assert.DoesNotContain("jira-software-users", changedRow[header.IndexOf("Group name")].Split(','));
    }

    private static string? FormatDate(string? isoDate) =>
        isoDate is null ? null : DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static async Task<List<JsonElement>> SearchAllAsync(TestEmulator emu)
    {
        var people = new List<JsonElement>();
        string? cursor = null;
        do
        {
            using var response = await emu.OrgAdmin.PostAsJsonAsync($"admin/v2/orgs/{emu.OrgId}/directories/-/users/search", new { limit = 100, cursor });
            var page = await TestEmulator.ReadJsonAsync(response);
            people.AddRange(page.GetProperty("data").EnumerateArray());
            cursor = page.GetProperty("links").TryGetProperty("next", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        return people;
    }
}
