using System.Net.Http.Headers;
using System.Text;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Protections;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Emulator;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Traffic;

namespace JiraDeactivate.Core.Tests.Runs;

/// <summary>
/// A removal run reading in bulk (issue 24), against the emulator in this process: what changes between the plan and
/// the change is still caught, and a stop reports every user already changed.
/// </summary>
public sealed class BulkRemovalTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bulk-tests-").FullName;
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Users = 300, Seed = 5, AsOf = new DateOnly(2026, 11, 1), Config = new EmulatorConfig { ListUndatedProducts = true } });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_membership_changed_between_the_plan_and_the_change_is_caught_by_the_DELETE_and_by_the_bulk_read_back()
    {
        using var setup = Jira(null);
        var jira = new JiraRestClient(setup);
        var role = await jira.GetProductRoleAsync("jira-software", CancellationToken.None);
        Assert.True(role.Groups.Count >= 2, "the emulator's Jira Software has two granting groups");
        var (users, policy) = await CandidatesAsync(jira, role, 20);
        var added = users[0];
        var gone = users[1];
        var otherGroup = role.Groups.First(g => !(_emulator.State.ListMembers(Selector(g), true) ?? []).Any(m => m.AccountId == added));
        string journalPath = Path.Combine(_folder, "between.jsonl");
        var host = new ApprovingHost<RemovalPlan, ProductAccessRemoval>(() =>
        {
            // Between the plan and the change: one user joins another granting group, another leaves theirs.
            Assert.Equal(MembershipOutcome.Changed, _emulator.State.AddMember(Selector(otherGroup), added).Outcome);
            foreach (var group in role.Groups)
            {
                _emulator.State.RemoveMember(Selector(group), gone);
            }
        });
        _emulator.Stats.Reset();
        using (var journal = RemovalJournal.Open(journalPath, new JournalKeys(Path.Combine(_folder, "keys"))))
        {
            var run = Run(jira, role, policy, journal, ReadMode.Bulk);
            await run.RunAsync(users.Select(Request).ToList(), host, new RunLimits(4, 4), CancellationToken.None);
        }

        var results = host.Results.ToDictionary(r => r.AccountId);
        Assert.Equal(RemovalStatus.StillHasAccess, results[added].Outcome);
        Assert.Contains($"'{otherGroup.Name}'", results[added].Message, StringComparison.Ordinal);
        Assert.Equal(RemovalStatus.NoAccess, results[gone].Outcome);
        var lines = RemovalJournal.Read(journalPath).Select(l => l.Entry).ToList();
        Assert.Contains(lines, l => l.AccountId == gone && l.Event == JournalEvent.AlreadyRemoved);
        Assert.All(users.Skip(2), id => Assert.Equal(RemovalStatus.Removed, results[id].Outcome));
        // Read in bulk: the groups' members, never a user at a time.
        var calls = _emulator.Stats.Snapshot();
        Assert.Equal(0, Count(calls, "GET", "/rest/api/3/user"));
        Assert.True(Count(calls, "GET", "/rest/api/3/group/member") > 0);
    }

    [Fact]
    public async Task A_run_stopped_mid_batch_reports_every_user_it_changed_as_Removed_not_verified_in_the_results_and_the_journal()
    {
        using var stop = new CancellationTokenSource();
        int deletes = 0;
        using var client = Jira(response =>
        {
            if (response.RequestMessage?.Method == HttpMethod.Delete && Interlocked.Increment(ref deletes) == 3)
            {
                stop.Cancel();
            }
        });
        var jira = new JiraRestClient(client);
        var role = await jira.GetProductRoleAsync("jira-software", CancellationToken.None);
        var (users, policy) = await CandidatesAsync(jira, role, 12, oneGroupOnly: true);
        string journalPath = Path.Combine(_folder, "stopped.jsonl");
        var host = new ApprovingHost<RemovalPlan, ProductAccessRemoval>(() => { });
        using (var journal = RemovalJournal.Open(journalPath, new JournalKeys(Path.Combine(_folder, "keys"))))
        {
            var run = Run(jira, role, policy, journal, ReadMode.Bulk);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.RunAsync(users.Select(Request).ToList(), host, new RunLimits(1, 1), stop.Token));
        }

        var lines = RemovalJournal.Read(journalPath).Select(l => l.Entry).ToList();
        var changed = lines.Where(l => l.Event == JournalEvent.Removed).Select(l => l.AccountId).Distinct().ToList();
        Assert.InRange(changed.Count, 3, users.Count - 1);
        Assert.Equal(changed.Order(), host.Results.Select(r => r.AccountId).Order());
        Assert.All(host.Results, r =>
        {
            Assert.Equal(RemovalStatus.Removed, r.Outcome);
            Assert.Equal(Batches.NotVerifiedStopped, r.Message);
        });
        Assert.All(changed, id => Assert.Contains(lines, l => l.AccountId == id && l.Event == JournalEvent.Verified && l.Status == "Removed" && l.Message == Batches.NotVerifiedStopped));
    }

    private static RemovalRequest Request(string id) => new(id, JiraProduct.JiraSoftware, Judgment: new InactivityJudgment(1, DateTime.UtcNow, Fresh: true));

    private static GroupSelector Selector(JiraGroup group) => new(group.GroupId, group.Name);

    private static long Count(StatsSnapshot stats, string method, string route) =>
        stats.Routes.Where(r => r.Method == method && r.Route == route).Sum(r => r.Count);

    private ChangeRun<RemovalRequest, RemovalPlan, ProductAccessRemoval> Run(JiraRestClient jira, ProductRole role, ProtectionPolicy policy, RemovalJournal journal, ReadMode mode)
    {
        var roles = new ProductRoleCache(jira);
        var reads = new RemovalReads(jira, roles, mode);
        var planner = new RemovalPlanner(jira, roles, "acme", policy, reads: reads);
        return new ChangeRun<RemovalRequest, RemovalPlan, ProductAccessRemoval>(new RemovalChange(jira, roles, planner, "acme"), new ChangeFuse(), 100, journal, "acme", "me");
    }

    // Users of the granting groups whom no protection skips, in account ID order.
    private async Task<(List<string> Users, ProtectionPolicy Policy)> CandidatesAsync(JiraRestClient jira, ProductRole role, int count, bool oneGroupOnly = false)
    {
        var me = await jira.GetMyselfAsync(CancellationToken.None);
        var policy = new ProtectionPolicy
        {
            ConnectedAccountId = me.AccountId,
            AdministratorGroups = await AdministratorGroups.ReadAsync(jira, CancellationToken.None),
            OrganizationAdmins = new HashSet<string>(),
        };
        var users = new List<string>();
        foreach (var member in (_emulator.State.ListMembers(Selector(role.Groups[0]), true) ?? []).OrderBy(m => m.AccountId, StringComparer.Ordinal))
        {
            var access = await jira.GetUserAccessAsync(member.AccountId, CancellationToken.None);
            if (access is null || member.AccountId == me.AccountId || policy.ByAccount(access) is not null
                || (oneGroupOnly && ProductRoleCache.Granting(role, access.Groups).Count != 1))
            {
                continue;
            }

            users.Add(member.AccountId);
            if (users.Count == count)
            {
                break;
            }
        }

        Assert.Equal(count, users.Count);
        return (users, policy);
    }

    private HttpClient Jira(Action<HttpResponseMessage>? observe)
    {
        var info = _emulator.Info;
        var client = new HttpClient(new Observer(observe)) { BaseAddress = new Uri(info.SiteUrl.TrimEnd('/') + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{info.Email}:{info.ApiToken}")));
        return client;
    }

    private sealed class Observer(Action<HttpResponseMessage>? observe) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            observe?.Invoke(response);
            return response;
        }
    }
}
