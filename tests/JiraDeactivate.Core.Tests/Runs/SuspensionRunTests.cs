using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Protections;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Core.Suspension;
using Microsoft.Extensions.Time.Testing;

namespace JiraDeactivate.Core.Tests.Runs;

/// <summary>Suspending and resuming through the run engine against a fake Admin API and Jira (issue 16).</summary>
public sealed class SuspensionRunTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _folder = Directory.CreateTempSubdirectory("suspend-tests-").FullName;
    private readonly HashSet<string> _suspended = ["already"];
    private bool _annActive;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private JournalKeys Keys => new(Path.Combine(_folder, "keys"));

    // ann: inactive everywhere; cleo: used Confluence 3 days ago; "already": suspended before the run.
    private FakeAtlassian Atlassian(int suspendStatus = 204, bool alreadyIs409 = true) => new((method, path, body) =>
    {
        if (path.Contains("/users/search", StringComparison.Ordinal))
        {
            var ids = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("accountIds").EnumerateArray().Select(e => e.GetString()!).ToList();
            lock (_suspended)
            {
                return (200, JiraJson.DirectoryUsers(ids.Select(id => (id, _suspended.Contains(id) ? "suspended" : "active"))));
            }
        }

        if (path.Contains("/last-active-dates", StringComparison.Ordinal))
        {
            if (path.Contains("/ivy/", StringComparison.Ordinal))
            {
                return (200, "{\"data\":{\"product_access\":[],\"added_to_org\":\"" + s_now.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "\"},\"links\":{}}");
            }

            if (path.Contains("/dan/", StringComparison.Ordinal) || (path.Contains("/ann/", StringComparison.Ordinal) && _annActive))
            {
                return (200, JiraJson.LastActive(("jira-software", s_now.AddDays(-2))));
            }

            return path.Contains("/cleo/", StringComparison.Ordinal)
                ? (200, JiraJson.LastActive(("jira-software", s_now.AddDays(-200)), ("confluence", s_now.AddDays(-3))))
                : (200, JiraJson.LastActive(("jira-software", s_now.AddDays(-200))));
        }

        if (method == "POST" && (path.EndsWith("/suspend", StringComparison.Ordinal) || path.EndsWith("/restore", StringComparison.Ordinal)))
        {
            string id = path.Split("/users/")[1].Split('/')[0];
            bool suspend = path.EndsWith("/suspend", StringComparison.Ordinal);
            lock (_suspended)
            {
                bool changed = suspend ? _suspended.Add(id) : _suspended.Remove(id);
                return changed ? (suspendStatus, string.Empty) : (alreadyIs409 ? 409 : 204, string.Empty);
            }
        }

        string user = path.Split("accountId=")[1].Split('&')[0];
        return (200, JiraJson.User(user, "atlassian", ("g-1", "jira-software-users")));
    });

    // With bulkUsers, the looks, the statuses at planning and the read backs come from the v2 search of those users.
    private static (ChangeRun<UserLifecycleRequest, SuspensionPlan, UserSuspension> Run, AdminLifecycleClient Lifecycle) Suspend(FakeAtlassian fake, RemovalJournal? journal, bool force = false,
        IReadOnlyCollection<string>? bulkUsers = null)
    {
        var lifecycle = new AdminLifecycleClient(fake.Client());
        var admin = new AdminApiClient(fake.Client());
        var bulk = bulkUsers is null ? null : new BulkActivity(new DirectorySearchReader(admin, "org-1"), admin, "org-1", bulkUsers);
        var planner = new SuspendPlanner(new JiraRestClient(fake.Client()), admin, lifecycle, "org-1", "acme",
            new ProtectionPolicy { ConnectedAccountId = "me", OrganizationAdmins = new HashSet<string>() }, force, new FakeTimeProvider(s_now), bulk: bulk);
        return (new ChangeRun<UserLifecycleRequest, SuspensionPlan, UserSuspension>(
            LifecycleChange.Suspend(lifecycle, "org-1", "dir-1", "acme", planner, bulk), new ChangeFuse(), 50, journal, "acme", "me@acme.example"), lifecycle);
    }

    private static UserLifecycleRequest Judged(string id) => new(id, Judgment: new InactivityJudgment(90, s_now));

    private static UserLifecycleRequest SealedForJiraSoftware(string id) =>
        new(id, Judgment: new InactivityJudgment(90, s_now, new JudgmentPayload(id, "JiraSoftware", "acme", 90, s_now, s_now, OrgRoleReported: true)));

    [Fact]
    public async Task Force_overrides_activity_in_other_products_never_in_the_judged_one()
    {
        var fake = Atlassian();

        var judgedProduct = await Suspend(fake, null, force: true).Run.PlanAsync(SealedForJiraSoftware("dan"), CancellationToken.None);
        var otherProduct = await Suspend(fake, null, force: true).Run.PlanAsync(SealedForJiraSoftware("cleo"), CancellationToken.None);

        Assert.Equal(SuspensionStatus.Skipped, judgedProduct.Outcome);
        Assert.Contains("active in JiraSoftware, the judged product, 2 days ago", judgedProduct.Reason, StringComparison.Ordinal);
        Assert.True(otherProduct.Changes);
        Assert.Contains("suspended anyway (-Force)", otherProduct.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_who_joined_within_the_period_and_never_used_a_product_is_not_suspended_even_when_forced()
    {
        var plan = await Suspend(Atlassian(), null, force: true).Run.PlanAsync(Judged("ivy"), CancellationToken.None);

        Assert.Equal(SuspensionStatus.Skipped, plan.Outcome);
        Assert.Contains("join-date grace", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_activity_is_read_again_right_before_the_change_and_a_user_active_since_the_plan_is_not_suspended()
    {
        var fake = Atlassian();
        string path = Path.Combine(_folder, "late.jsonl");
        ChangeOutcome<UserSuspension> outcome;
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var (run, _) = Suspend(fake, journal);
            var plan = await run.PlanAsync(SealedForJiraSoftware("ann"), CancellationToken.None);
            Assert.True(plan.Changes);
            _annActive = true;
            run.Begin([plan], "suspend");
            outcome = await run.ExecuteAsync(plan, CancellationToken.None);
        }

        Assert.Equal(SuspensionStatus.Skipped, outcome.Result.Outcome);
        Assert.False(outcome.Failed);
        Assert.Empty(fake.CallsTo("POST", "/suspend"));
        Assert.DoesNotContain("ann", _suspended);
        var last = RemovalJournal.Read(path).Select(l => l.Entry).Last();
        Assert.Equal(JournalEvent.Verified, last.Event);
        Assert.Contains("last look right before the change", last.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Planned_line_of_a_suspension_carries_its_judgment_and_the_planning_look_as_sealed_fields()
    {
        string path = Path.Combine(_folder, "judgment-fields.jsonl");
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var (run, _) = Suspend(Atlassian(), journal);
            var plan = await run.PlanAsync(SealedForJiraSoftware("ann"), CancellationToken.None);
            run.Begin([plan], "suspend");
        }

        var planned = RemovalJournal.Read(path).Select(l => l.Entry).Single(l => l.Event == JournalEvent.Planned);
        Assert.Equal(90, planned.MoreThan);
        Assert.Equal(s_now, planned.AsOf);
        Assert.Equal(JudgmentLine.JudgedSealed, planned.JudgedBy);
        Assert.Equal(s_now, planned.LastLookAt);
        Assert.Equal("inactive", planned.LastLookResult);
        Assert.True(JournalSeal.IsValid(planned, Keys.Find(planned.RunId)!, RemovalJournal.Read(path).First().Entry.Seal));
        Assert.False(JournalSeal.IsValid(planned with { MoreThan = 30 }, Keys.Find(planned.RunId)!, RemovalJournal.Read(path).First().Entry.Seal));
    }

    [Fact]
    public async Task A_user_active_in_any_product_within_the_period_is_skipped_naming_it_unless_forced()
    {
        var fake = Atlassian();
        var skipped = await Suspend(fake, null).Run.PlanAsync(Judged("cleo"), CancellationToken.None);
        var forced = await Suspend(fake, null, force: true).Run.PlanAsync(Judged("cleo"), CancellationToken.None);
        var inactive = await Suspend(fake, null).Run.PlanAsync(Judged("ann"), CancellationToken.None);

        Assert.Equal(SuspensionStatus.Skipped, skipped.Outcome);
        Assert.StartsWith("active in Confluence 3 days ago, within 90 days", skipped.Reason, StringComparison.Ordinal);
        Assert.True(forced.Changes);
        Assert.True(inactive.Changes);
        Assert.Contains("inactive in every product for more than 90 days", inactive.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connected_admin_is_skipped_before_any_call_and_an_already_suspended_user_counts_as_done()
    {
        var fake = Atlassian();
        var (run, _) = Suspend(fake, null);

        var me = await run.PlanAsync(Judged("me"), CancellationToken.None);
        var already = await run.PlanAsync(Judged("already"), CancellationToken.None);

        Assert.Equal("connected admin", me.Kind);
        Assert.Empty(fake.CallsTo("GET", "accountId=me"));
        Assert.Equal(SuspensionStatus.AlreadySuspended, already.Outcome);
        Assert.False(already.Changes);
    }

    [Theory]
    [InlineData(204)]
    [InlineData(200)]
    public async Task A_suspension_sends_an_empty_json_object_journals_each_step_and_verifies_by_reading_the_status_back(int status)
    {
        var fake = Atlassian(status);
        string path = Path.Combine(_folder, $"suspend-{status}.jsonl");
        UserSuspension result;
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var (run, _) = Suspend(fake, journal);
            var plan = await run.PlanAsync(Judged("ann"), CancellationToken.None);
            run.Begin(run.Approve([plan], (_, _) => true), "suspend");
            result = (await run.ExecuteAsync(plan, CancellationToken.None)).Result;
        }

        var call = Assert.Single(fake.Calls, c => c.Method == "POST" && c.Path.EndsWith("/suspend", StringComparison.Ordinal));
        Assert.Equal("/admin/v2/orgs/org-1/directories/dir-1/users/ann/suspend", call.Path);
        Assert.Equal("{}", call.Body);
        Assert.Equal("application/json", call.ContentType);
        Assert.Equal(SuspensionStatus.Suspended, result.Outcome);
        var events = RemovalJournal.Read(path).Select(l => l.Entry).ToList();
        Assert.Equal([JournalEvent.RunStarted, JournalEvent.Planned, JournalEvent.Suspending, JournalEvent.Suspended, JournalEvent.Verified], events.Select(e => e.Event));
        Assert.Equal(LifecycleChange.SuspendOperation, events[0].Operation);
        Assert.Equal("Suspended", events[^1].Message);
    }

    [Fact]
    public async Task A_suspension_in_bulk_reads_its_batchs_statuses_back_in_one_search_and_journals_each_verification()
    {
        var fake = Atlassian();
        string[] users = ["u1", "u2", "u3", "u4", "u5", "u6"];
        string path = Path.Combine(_folder, "bulk.jsonl");
        var host = new ApprovingHost<SuspensionPlan, UserSuspension>();
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var (run, _) = Suspend(fake, journal, bulkUsers: users);
            await run.RunAsync(users.Select(Judged).ToList(), host, new RunLimits(2, 2), CancellationToken.None);
        }

        Assert.Equal(users, host.Results.Select(r => r.AccountId).Order());
        Assert.All(host.Results, r => Assert.Equal(SuspensionStatus.Suspended, r.Outcome));
        // The planning look (with the statuses), the look right before the changes, the read back: one search each.
        Assert.Equal(3, fake.CallsTo("POST", "/users/search").Count());
        var verified = RemovalJournal.Read(path).Select(l => l.Entry).Where(e => e.Event == JournalEvent.Verified).ToList();
        Assert.Equal(users, verified.Select(e => e.AccountId).Order());
        Assert.All(verified, e => Assert.Equal("Suspended", e.Message));
    }

    [Fact]
    public async Task A_resumption_in_bulk_reads_its_users_statuses_once_at_planning_and_once_after_the_batch()
    {
        var fake = Atlassian();
        string[] users = ["already", "u1", "u2", "u3", "u4"];
        lock (_suspended)
        {
            _suspended.UnionWith(users.Where(u => u != "u4"));
        }

        string path = Path.Combine(_folder, "resume-bulk.jsonl");
        var host = new ApprovingHost<SuspensionPlan, UserSuspension>();
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var lifecycle = new AdminLifecycleClient(fake.Client());
            var statuses = BulkStatuses.Of(new DirectorySearchReader(new AdminApiClient(fake.Client()), "org-1"), users);
            var run = new ChangeRun<UserLifecycleRequest, SuspensionPlan, UserSuspension>(
                LifecycleChange.Resume(lifecycle, "org-1", "dir-1", "acme", ownRun: true, statuses), new ChangeFuse(), 50, journal, "acme", "me@acme.example");
            await run.RunAsync(users.Select(id => new UserLifecycleRequest(id)).ToList(), host, new RunLimits(2, 2), CancellationToken.None);
        }

        Assert.Equal(["already:Resumed", "u1:Resumed", "u2:Resumed", "u3:Resumed", "u4:NotSuspended"], host.Results.Select(r => $"{r.AccountId}:{r.Outcome}").Order());
        Assert.Empty(_suspended);
        Assert.Equal(2, fake.CallsTo("POST", "/users/search").Count());
        var verified = RemovalJournal.Read(path).Select(l => l.Entry).Where(e => e.Event == JournalEvent.Verified).ToList();
        Assert.Equal(["already", "u1", "u2", "u3"], verified.Select(e => e.AccountId).Order());
        Assert.All(verified, e => Assert.Equal("Resumed", e.Message));
    }

    [Fact]
    public async Task A_user_two_runs_of_a_journal_suspended_is_verified_under_each_run_in_bulk()
    {
        var fake = Atlassian();
        lock (_suspended)
        {
            _suspended.Add("u1");
        }

        string path = Path.Combine(_folder, "two-runs.jsonl");
        var host = new ApprovingHost<SuspensionPlan, UserSuspension>();
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var lifecycle = new AdminLifecycleClient(fake.Client());
            var statuses = BulkStatuses.Of(new DirectorySearchReader(new AdminApiClient(fake.Client()), "org-1"), ["u1"]);
            var run = new ChangeRun<UserLifecycleRequest, SuspensionPlan, UserSuspension>(
                LifecycleChange.Resume(lifecycle, "org-1", "dir-1", "acme", ownRun: false, statuses), new ChangeFuse(), 50, journal, "acme", "me@acme.example");
            await run.RunAsync([new UserLifecycleRequest("u1", RunId: "run-a"), new UserLifecycleRequest("u1", RunId: "run-b")], host, new RunLimits(1, 1), CancellationToken.None);
        }

        Assert.Equal(["run-a:Resumed", "run-b:Resumed"], host.Results.Select(r => $"{r.RunId}:{r.Outcome}").Order());
        Assert.All(host.Results, r => Assert.NotEqual(Batches.NotVerifiedStopped, r.Message));
        var verified = RemovalJournal.Read(path).Select(l => l.Entry).Where(e => e.Event == JournalEvent.Verified).ToList();
        Assert.Equal(["run-a", "run-b"], verified.Select(e => e.RunId).Order());
    }

    [Fact]
    public async Task A_suspension_in_bulk_stopped_mid_batch_reports_every_user_it_suspended_as_Suspended_not_verified()
    {
        using var stop = new CancellationTokenSource();
        int suspends = 0;
        var inner = Atlassian();
        var fake = new FakeAtlassian((method, path, body) =>
        {
            if (path.EndsWith("/suspend", StringComparison.Ordinal) && Interlocked.Increment(ref suspends) == 3)
            {
                stop.Cancel();
            }

            return inner.Answer(method, path, body);
        });
        string[] users = ["u1", "u2", "u3", "u4", "u5", "u6"];
        string path = Path.Combine(_folder, "stopped.jsonl");
        var host = new ApprovingHost<SuspensionPlan, UserSuspension>();
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var (run, _) = Suspend(fake, journal, bulkUsers: users);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.RunAsync(users.Select(Judged).ToList(), host, new RunLimits(1, 1), stop.Token));
        }

        var lines = RemovalJournal.Read(path).Select(l => l.Entry).ToList();
        var changed = lines.Where(l => l.Event == JournalEvent.Suspended).Select(l => l.AccountId).Distinct().ToList();
        Assert.InRange(changed.Count, 2, users.Length - 1);
        Assert.Equal(changed.Order(), host.Results.Select(r => r.AccountId).Order());
        Assert.All(host.Results, r =>
        {
            Assert.Equal(SuspensionStatus.Suspended, r.Outcome);
            Assert.Equal(Batches.NotVerifiedStopped, r.Message);
        });
        Assert.All(changed, id => Assert.Contains(lines, l => l.AccountId == id && l.Event == JournalEvent.Verified && l.Message == $"Suspended: {Batches.NotVerifiedStopped}"));
        Assert.Empty(fake.CallsTo("POST", "/users/search").Skip(2));
    }

    [Fact]
    public async Task A_409_for_a_user_the_plan_saw_active_is_this_runs_suspension()
    {
        var fake = Atlassian();
        using var journal = RemovalJournal.Open(Path.Combine(_folder, "409.jsonl"), Keys);
        var (run, _) = Suspend(fake, journal);
        var plan = await run.PlanAsync(Judged("ann"), CancellationToken.None);
        _suspended.Add("ann");

        run.Begin([plan], "suspend");
        var outcome = await run.ExecuteAsync(plan, CancellationToken.None);

        Assert.Equal(SuspensionStatus.Suspended, outcome.Result.Outcome);
        Assert.False(outcome.Failed);
        Assert.Contains("suspended already", outcome.Result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_resumes_what_its_run_suspended_never_a_user_it_found_suspended_and_nothing_twice()
    {
        var fake = Atlassian();
        string path = Path.Combine(_folder, "resume.jsonl");
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var (run, _) = Suspend(fake, journal);
            var plan = await run.PlanAsync(Judged("ann"), CancellationToken.None);
            run.Begin([plan], "suspend");
            await run.ExecuteAsync(plan, CancellationToken.None);
            journal.Append(new JournalEntry { RunId = run.RunId, Event = JournalEvent.AlreadySuspended, AccountId = "already", Site = "acme" });
        }

        var pending = ResumePlanner.FromJournal(RemovalJournal.Read(path), Keys, allowUnsealed: false);
        Assert.Equal(["ann"], pending.Users.Select(u => u.AccountId));
        Assert.Empty(pending.Refusals);

        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var lifecycle = new AdminLifecycleClient(fake.Client());
            var resume = new ChangeRun<UserLifecycleRequest, SuspensionPlan, UserSuspension>(
                LifecycleChange.Resume(lifecycle, "org-1", "dir-1", "acme", ownRun: false), new ChangeFuse(), int.MaxValue, journal, "acme", "me@acme.example");
            var plan = await resume.PlanAsync(pending.Users[0], CancellationToken.None);
            resume.Begin([plan], "resume");
            Assert.Equal(SuspensionStatus.Resumed, (await resume.ExecuteAsync(plan, CancellationToken.None)).Result.Outcome);
        }

        Assert.Empty(ResumePlanner.FromJournal(RemovalJournal.Read(path), Keys, allowUnsealed: false).Users);
        Assert.Contains("already", _suspended);
        Assert.DoesNotContain("ann", _suspended);
    }

    [Fact]
    public async Task A_suspension_line_added_by_hand_is_refused()
    {
        var fake = Atlassian();
        string path = Path.Combine(_folder, "forged.jsonl");
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var (run, _) = Suspend(fake, journal);
            var plan = await run.PlanAsync(Judged("ann"), CancellationToken.None);
            run.Begin([plan], "suspend");
            await run.ExecuteAsync(plan, CancellationToken.None);
            File.AppendAllText(path, "{\"runId\":\"" + run.RunId + "\",\"event\":\"Suspended\",\"accountId\":\"mallory\",\"site\":\"acme\"}\n");
        }

        var pending = ResumePlanner.FromJournal(RemovalJournal.Read(path), Keys, allowUnsealed: false);

        Assert.Equal(["ann"], pending.Users.Select(u => u.AccountId));
        Assert.Equal("mallory", Assert.Single(pending.Refusals).AccountId);
    }
}
