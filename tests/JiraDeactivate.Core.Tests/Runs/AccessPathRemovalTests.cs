using System.Net.Http.Headers;
using System.Text;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Paths;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Protections;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Emulator;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.Traffic;

namespace JiraDeactivate.Core.Tests.Runs;

/// <summary>
/// A removal frees the seat whatever grants it (issue 23), against the emulator in this process: a direct role is
/// revoked after the groups, synced holders are left alone, and a bulk verification is checked by the seat count.
/// </summary>
public sealed class AccessPathRemovalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("access-path-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(ReadMode.PerUser, true)]
    [InlineData(ReadMode.PerUser, false)]
    [InlineData(ReadMode.Bulk, true)]
    [InlineData(ReadMode.Bulk, false)]
    public async Task Every_path_but_a_synced_group_is_freed_and_the_seats_fall_by_the_users_Removed(ReadMode mode, bool revokeStripsGroups)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            Users = 40,
            Seed = 9,
            AsOf = new DateOnly(2026, 11, 1),
            AccessPaths = 3,
            Config = new EmulatorConfig { RevokeStripsGroups = revokeStripsGroups },
        });
        using var jiraHttp = Client(emulator.Info.SiteUrl, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{emulator.Info.Email}:{emulator.Info.ApiToken}"))));
        using var adminHttp = Client(emulator.Info.AdminApiUrl, new AuthenticationHeaderValue("Bearer", emulator.Info.AdminApiKey));
        var jira = new JiraRestClient(jiraHttp);
        var lifecycle = new AdminLifecycleClient(adminHttp);
        var paths = new AccessPathReader(new AccessPathClient(adminHttp), emulator.Info.OrgId, token => lifecycle.GetDirectoryIdsAsync(emulator.Info.OrgId, token), emulator.Info.CloudId, null);
        var users = emulator.State.ListOrgUsers(emulator.Info.OrgId)!;
        var direct = users.Where(u => u.DirectRoles.Count > 0).Select(u => u.AccountId).ToList();
        var synced = users.Where(u => u.SyncedGroupIds.Count > 0).Select(u => u.AccountId).ToList();
        var plain = users.Where(u => !u.OrgAdmin && !u.IsApp && u.JiraActive && u.DirectRoles.Count == 0 && u.SyncedGroupIds.Count == 0 && u.ProductKeys.Contains("jira-software")
            && u.Groups.All(g => g.Name.StartsWith("jira-software", StringComparison.Ordinal) || g.Name is "jira-developers" or "jira-testers" or "engineering" or "marketing" or "confluence-users"))
            .Take(8).Select(u => u.AccountId).ToList();
        var syncedGroups = synced.ToDictionary(id => id, id => GroupsOf(emulator, id));
        int seats = await SeatsAsync(jira);
        emulator.Stats.Reset();

        var results = await RemoveAsync(jira, paths, [.. direct, .. synced, .. plain], mode);

        var byId = results.ToDictionary(r => r.AccountId);
        Assert.All(direct, id => Assert.True(byId[id] is { Outcome: RemovalStatus.Removed, RoleRevoked: true }, $"{id}: {byId[id].Status} {byId[id].Message}"));
        Assert.All(synced, id => Assert.Equal(RemovalStatus.ManagedByIdentityProvider, byId[id].Outcome));
        Assert.All(synced, id => Assert.Equal(["idp-jira-users"], byId[id].SyncedGroups));
        Assert.All(plain, id => Assert.Equal((RemovalStatus.Removed, false), (byId[id].Outcome, byId[id].RoleRevoked)));
        Assert.Equal(seats - results.Count(r => r.Outcome == RemovalStatus.Removed), await SeatsAsync(jira));
        Assert.DoesNotContain(emulator.State.ListOrgUsers(emulator.Info.OrgId)!, u => u.DirectRoles.Count > 0);
        var calls = emulator.Stats.Snapshot();
        // The synced holders' groups are never touched, and roles are read only for the users who hold one.
        Assert.Equal(direct.Count, Count(calls, "POST", "/admin/v1/orgs/{orgId}/users/{accountId}/roles/revoke"));
        Assert.Equal(2 * direct.Count, Count(calls, "GET", "/admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/role-assignments"));
        Assert.Equal(1, Count(calls, "POST", "/admin/v2/orgs/{orgId}/directories/{directoryId}/groups/search"));
        Assert.All(synced, id => Assert.Equal(syncedGroups[id], GroupsOf(emulator, id)));
    }

    [Fact]
    public async Task Without_the_Admin_API_a_direct_role_holder_is_skipped_not_NoAccess()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Users = 20, Seed = 9, AsOf = new DateOnly(2026, 11, 1), AccessPaths = 1 });
        using var jiraHttp = Client(emulator.Info.SiteUrl, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{emulator.Info.Email}:{emulator.Info.ApiToken}"))));
        var jira = new JiraRestClient(jiraHttp);
        var directOnly = emulator.State.ListOrgUsers(emulator.Info.OrgId)!.First(u => u.DirectRoles.Count > 0 && !u.Groups.Any(g => g.Name.StartsWith("jira", StringComparison.Ordinal)));

        var result = Assert.Single(await RemoveAsync(jira, null, [directOnly.AccountId], ReadMode.PerUser));

        Assert.Equal((RemovalStatus.Skipped, "not by a group"), (result.Outcome, result.SkipKind));
        Assert.Contains("path Jira cannot change", result.Message, StringComparison.Ordinal);
        Assert.Equal(["jira-software"], emulator.State.FindUser(directOnly.AccountId)!.DirectRoles);
    }

    private async Task<IReadOnlyList<ProductAccessRemoval>> RemoveAsync(JiraRestClient jira, AccessPathReader? paths, IReadOnlyList<string> users, ReadMode mode)
    {
        var me = await jira.GetMyselfAsync(CancellationToken.None);
        var policy = new ProtectionPolicy
        {
            ConnectedAccountId = me.AccountId,
            AdministratorGroups = await AdministratorGroups.ReadAsync(jira, CancellationToken.None),
            OrganizationAdmins = new HashSet<string>(),
        };
        var roles = new ProductRoleCache(jira);
        var planner = new RemovalPlanner(jira, roles, "acme", policy, reads: new RemovalReads(jira, roles, mode), paths: paths);
        var host = new ApprovingHost<RemovalPlan, ProductAccessRemoval>();
        using (var journal = RemovalJournal.Open(Path.Combine(_folder, $"{Guid.NewGuid():N}.jsonl"), new JournalKeys(Path.Combine(_folder, "keys"))))
        {
            var run = new ChangeRun<RemovalRequest, RemovalPlan, ProductAccessRemoval>(new RemovalChange(jira, roles, planner, "acme", paths), new ChangeFuse(), 100, journal, "acme", "me");
            await run.RunAsync([.. users.Select(id => new RemovalRequest(id, JiraProduct.JiraSoftware, Judgment: new InactivityJudgment(1, DateTime.UtcNow, Fresh: true)))], host, new RunLimits(4, 4), CancellationToken.None);
        }

        return [.. host.Results];
    }

    private static string[] GroupsOf(EmulatorHost emulator, string accountId) => [.. emulator.State.FindUser(accountId)!.Groups.Select(g => g.Name).Order(StringComparer.Ordinal)];

    private static async Task<int> SeatsAsync(JiraRestClient jira) => (await jira.GetProductRoleAsync("jira-software", CancellationToken.None)).UsersCounted;

    private static long Count(StatsSnapshot stats, string method, string route) => stats.Routes.Where(r => r.Method == method && r.Route == route).Sum(r => r.Count);

    private static HttpClient Client(string baseUrl, AuthenticationHeaderValue authorization)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/") };
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }
}
