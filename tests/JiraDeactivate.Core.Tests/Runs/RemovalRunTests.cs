using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Protections;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Tests.Runs;

/// <summary>A removal through the run engine, against a fake Jira: protections, fuse, journal protocol (issue 16).</summary>
public sealed class RemovalRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("run-tests-").FullName;
    private readonly HashSet<string> _members = ["ann", "bob", "bot", "sam"];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private JournalKeys Keys => new(Path.Combine(_folder, "keys"));

    private FakeAtlassian Jira() => new((method, path, _) =>
    {
        if (path.Contains("/applicationrole/", StringComparison.Ordinal))
        {
            return (200, JiraJson.Role);
        }

        string id = path.Split("accountId=")[1].Split('&')[0];
        if (method == "DELETE")
        {
            lock (_members)
            {
                return _members.Remove(id) ? (200, string.Empty) : (400, """{"errorMessages":["Cannot remove user '""" + id + """' from group 'jira-software-users' since user is not a member of 'jira-software-users'"],"errors":{}}""");
            }
        }

        bool member;
        lock (_members)
        {
            member = _members.Contains(id);
        }

        var groups = new List<(string, string)>();
        if (member)
        {
            groups.Add(("g-1", "jira-software-users"));
        }

        if (id == "sam")
        {
            groups.Add(("g-admin", "site-admins"));
        }

        return (200, JiraJson.User(id, id == "bot" ? "app" : "atlassian", [.. groups]));
    });

    private static ProtectionPolicy Policy => new()
    {
        ConnectedAccountId = "me",
        AdministratorGroups = new AdministratorGroups([new JiraGroup("g-admin", "site-admins")]),
        IsExcluded = (id, _) => id == "excluded",
        // As read from the Admin API: without it (null) an unsealed judgment cannot show who is an org admin.
        OrganizationAdmins = new HashSet<string>(),
    };

    private static ChangeRun<RemovalRequest, RemovalPlan, ProductAccessRemoval> Run(FakeAtlassian fake, RemovalJournal? journal, ChangeFuse? fuse = null, int maxUsers = 50)
    {
        var jira = new JiraRestClient(fake.Client());
        var roles = new ProductRoleCache(jira);
        var change = new RemovalChange(jira, roles, new RemovalPlanner(jira, roles, "acme", Policy), "acme");
        return new ChangeRun<RemovalRequest, RemovalPlan, ProductAccessRemoval>(change, fuse ?? new ChangeFuse(), maxUsers, journal, "acme", "me@acme.example");
    }

    [Fact]
    public async Task The_last_look_is_taken_right_before_the_change_and_a_user_active_since_the_plan_keeps_access()
    {
        bool active = false;
        var fake = new FakeAtlassian((method, path, _) =>
        {
            if (path.Contains("/last-active-dates", StringComparison.Ordinal))
            {
                return (200, JiraJson.LastActive(("jira", active ? DateTime.UtcNow.AddDays(-2) : DateTime.UtcNow.AddDays(-300))));
            }

            if (path.Contains("/applicationrole/", StringComparison.Ordinal))
            {
                return (200, JiraJson.Role);
            }

            return method == "DELETE" ? (200, string.Empty) : (200, JiraJson.User("ann", "atlassian", ("g-1", "jira-software-users")));
        });
        var jira = new JiraRestClient(fake.Client());
        var roles = new ProductRoleCache(jira);
        var planner = new RemovalPlanner(jira, roles, "acme", Policy, new LastLook(new AdminApiClient(fake.Client()), "org-1", "cloud-1"), lookWhenPlanning: false);
        string path = Path.Combine(_folder, "late.jsonl");
        ChangeOutcome<ProductAccessRemoval> outcome;
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var run = new ChangeRun<RemovalRequest, RemovalPlan, ProductAccessRemoval>(new RemovalChange(jira, roles, planner, "acme"), new ChangeFuse(), 50, journal, "acme", "me@acme.example");
            var plan = await run.PlanAsync(Request("ann"), CancellationToken.None);
            Assert.True(plan.ChangesAccess);
            Assert.Empty(fake.CallsTo("GET", "/last-active-dates"));
            active = true;
            run.Begin([plan], "remove");
            outcome = await run.ExecuteAsync(plan, CancellationToken.None);
        }

        Assert.Equal(RemovalStatus.Skipped, outcome.Result.Outcome);
        Assert.Contains("active since the data was read", outcome.Result.Message, StringComparison.Ordinal);
        Assert.Empty(fake.CallsTo("DELETE", "/group/user"));
        var lines = RemovalJournal.Read(path).Select(l => l.Entry).ToList();
        Assert.Contains("the last look comes right before the change", lines.Single(l => l.Event == JournalEvent.Planned).Message, StringComparison.Ordinal);
        Assert.Equal("Skipped", lines[^1].Status);
    }

    private static RemovalRequest Request(string id) => new(id, JiraProduct.JiraSoftware, Judgment: new InactivityJudgment(90, DateTime.UtcNow));

    [Fact]
    public async Task Protections_come_first_and_a_protected_user_is_never_called_for()
    {
        var fake = Jira();
        var run = Run(fake, journal: null);

        var plans = new Dictionary<string, RemovalPlan>();
        foreach (string id in new[] { "me", "excluded", "bot", "sam", "ann" })
        {
            plans[id] = await run.PlanAsync(Request(id), CancellationToken.None);
        }

        Assert.Equal("connected admin", plans["me"].Kind);
        Assert.Equal("excluded", plans["excluded"].Kind);
        Assert.Equal("app account", plans["bot"].Kind);
        Assert.Equal("protected group", plans["sam"].Kind);
        Assert.True(plans["ann"].ChangesAccess);
        Assert.Empty(fake.CallsTo("GET", "accountId=me"));
        Assert.Empty(fake.CallsTo("GET", "accountId=excluded"));
        Assert.Empty(fake.CallsTo("DELETE", "/group/user"));
    }

    [Fact]
    public async Task Approval_is_asked_once_per_change_and_only_approved_users_change()
    {
        var fake = Jira();
        using var journal = RemovalJournal.Open(Path.Combine(_folder, "approve.jsonl"), Keys);
        var run = Run(fake, journal);
        var plans = new List<RemovalPlan>();
        foreach (string id in new[] { "ann", "bob", "sam" })
        {
            plans.Add(await run.PlanAsync(Request(id), CancellationToken.None));
        }

        var asked = new List<string>();
        var approved = run.Approve(plans, (target, action) => { asked.Add(target); return target.Contains("bob", StringComparison.Ordinal); });
        run.Begin(approved, "remove");
        foreach (var plan in approved)
        {
            await run.ExecuteAsync(plan, CancellationToken.None);
        }

        Assert.Equal(["ann (ann)", "bob (bob)"], asked);
        Assert.Equal(["bob"], approved.Select(p => p.Request.AccountId));
        Assert.Single(fake.CallsTo("DELETE", "accountId=bob"));
        Assert.Empty(fake.CallsTo("DELETE", "accountId=ann"));
    }

    [Fact]
    public async Task The_journal_holds_the_plan_before_the_first_change_then_each_step_of_each_user()
    {
        var fake = Jira();
        string path = Path.Combine(_folder, "protocol.jsonl");
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var run = Run(fake, journal);
            var plans = new List<RemovalPlan> { await run.PlanAsync(Request("ann"), CancellationToken.None), await run.PlanAsync(Request("bob"), CancellationToken.None) };
            var approved = run.Approve(plans, (_, _) => true);
            run.Begin(approved, "remove");
            Assert.Empty(fake.CallsTo("DELETE", "/group/user"));
            Assert.Equal([JournalEvent.RunStarted, JournalEvent.Planned, JournalEvent.Planned], RemovalJournal.Read(path).Select(l => l.Entry.Event));
            foreach (var plan in approved)
            {
                var outcome = await run.ExecuteAsync(plan, CancellationToken.None);
                Assert.Equal(RemovalStatus.Removed, outcome.Result.Outcome);
            }
        }

        var lines = RemovalJournal.Read(path).Select(l => l.Entry).ToList();
        Assert.All(lines.Skip(1).Zip(lines), pair => Assert.True(JournalSeal.IsValid(pair.First, Keys.Find(pair.First.RunId)!, pair.Second.Seal)));
        Assert.Equal([JournalEvent.Planned, JournalEvent.Removing, JournalEvent.Removed, JournalEvent.Verified], lines.Where(l => l.AccountId == "ann").Select(l => l.Event));
        Assert.Equal(RestorePlanner.RemovalOperation, lines[0].Operation);
    }

    [Fact]
    public async Task The_fuse_counts_earlier_runs_of_the_connection_and_stops_a_run_before_its_journal_gets_a_line()
    {
        var fake = Jira();
        var fuse = new ChangeFuse();
        fuse.Record(1);
        string path = Path.Combine(_folder, "fuse.jsonl");
        using var journal = RemovalJournal.Open(path, Keys);
        var run = Run(fake, journal, fuse, maxUsers: 2);
        var plans = new List<RemovalPlan> { await run.PlanAsync(Request("ann"), CancellationToken.None), await run.PlanAsync(Request("bob"), CancellationToken.None) };

        string? tripped = run.CheckFuse(plans, "remove product access from");
        var approved = run.Approve(plans, (_, _) => true);

        Assert.Contains("already changed 1: 3 in all, more than -MaxUsers 2", tripped, StringComparison.Ordinal);
        Assert.Throws<ChangeFuseException>(() => run.Begin(approved, "remove product access from"));
        Assert.Empty(RemovalJournal.Read(path));
        Assert.Empty(fake.CallsTo("DELETE", "/group/user"));
    }

    [Fact]
    public async Task A_changed_user_counts_against_the_fuse_and_an_unchanged_one_does_not()
    {
        var fake = Jira();
        var fuse = new ChangeFuse();
        using var journal = RemovalJournal.Open(Path.Combine(_folder, "count.jsonl"), Keys);
        var run = Run(fake, journal, fuse);
        var ann = await run.PlanAsync(Request("ann"), CancellationToken.None);
        _members.Remove("bob");
        var bob = new RemovalPlan(Request("bob"), null, [new JiraGroup("g-1", "jira-software-users")], null, null);

        run.Begin([ann, bob], "remove");
        var annOutcome = await run.ExecuteAsync(ann, CancellationToken.None);
        var bobOutcome = await run.ExecuteAsync(bob, CancellationToken.None);

        Assert.True(annOutcome.Changed);
        Assert.False(bobOutcome.Changed);
        Assert.Equal(RemovalStatus.NoAccess, bobOutcome.Result.Outcome);
        Assert.Equal(1, fuse.Changed);
    }

    [Fact]
    public async Task A_preview_cannot_begin_and_a_change_cannot_come_before_its_plan_is_journaled()
    {
        var fake = Jira();
        var preview = Run(fake, journal: null);
        var plan = await preview.PlanAsync(Request("ann"), CancellationToken.None);
        using var journal = RemovalJournal.Open(Path.Combine(_folder, "order.jsonl"), Keys);
        var run = Run(fake, journal);

        Assert.Throws<InvalidOperationException>(() => preview.Begin([plan], "remove"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => run.ExecuteAsync(plan, CancellationToken.None));
        Assert.Empty(fake.CallsTo("DELETE", "/group/user"));
    }

    [Fact]
    public async Task A_second_run_on_a_journal_after_a_torn_line_appends_whole_lines_and_its_removals_can_be_restored()
    {
        var fake = Jira();
        string path = Path.Combine(_folder, "torn.jsonl");
        File.WriteAllText(path, """{"runId":"dead","event":"Remo""");
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            var run = Run(fake, journal);
            var plan = await run.PlanAsync(Request("ann"), CancellationToken.None);
            run.Begin([plan], "remove");
            await run.ExecuteAsync(plan, CancellationToken.None);
            Assert.Throws<JournalException>(() => RemovalJournal.Open(path, Keys));
        }

        var bad = new List<long>();
        var lines = RemovalJournal.Read(path, (line, _) => bad.Add(line)).ToList();
        var restore = RestorePlanner.FromJournal(lines, Keys, allowUnsealed: false);

        Assert.Equal([1L], bad);
        Assert.Equal("ann", Assert.Single(restore.Items).AccountId);
        Assert.Empty(restore.Refusals);
    }

    [Fact]
    public async Task The_whole_run_asks_once_for_every_change_reports_the_unchanged_and_changes_only_the_approved()
    {
        var fake = Jira();
        string path = Path.Combine(_folder, "flow.jsonl");
        var host = new RecordingHost(approve: target => target.Contains("bob", StringComparison.Ordinal));
        RunReport<RemovalPlan> report;
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            report = await Run(fake, journal).RunAsync([Request("ann"), Request("bob"), Request("sam")], host, new RunLimits(2, 2), CancellationToken.None);
        }

        Assert.Equal(["ann (ann)", "bob (bob)"], Assert.Single(host.Asked));
        Assert.Equal(["sam"], host.Unchanged.Select(p => p.Request.AccountId));
        Assert.Equal([RemovalStatus.Skipped], host.Declined.Select(r => r.Outcome));
        Assert.Equal([RemovalStatus.Removed], host.Changed.Select(r => r.Outcome));
        Assert.True(report.Begun);
        Assert.Single(fake.CallsTo("DELETE", "accountId=bob"));
        Assert.Empty(fake.CallsTo("DELETE", "accountId=ann"));
        var lines = RemovalJournal.Read(path).Select(l => l.Entry).ToList();
        Assert.Equal([JournalEvent.RunStarted, JournalEvent.Planned], lines.Take(2).Select(l => l.Event));
        Assert.DoesNotContain(lines, l => l.AccountId is "ann" or "sam");
    }

    [Fact]
    public async Task A_preview_run_warns_of_the_fuse_asks_changes_nothing_and_begins_no_journal()
    {
        var fake = Jira();
        var host = new RecordingHost(approve: _ => true);
        var run = Run(fake, journal: null, maxUsers: 1);

        var report = await run.RunAsync([Request("ann"), Request("bob")], host, new RunLimits(2, 2), CancellationToken.None);

        Assert.Contains("more than -MaxUsers 1", Assert.Single(host.FuseWarnings), StringComparison.Ordinal);
        Assert.Equal(2, host.WouldChange.Count);
        Assert.False(report.Begun);
        Assert.Empty(host.Changed);
        Assert.Empty(fake.CallsTo("DELETE", "/group/user"));
    }

    [Fact]
    public async Task A_real_run_over_the_fuse_stops_before_asking_and_before_its_journal_gets_a_line()
    {
        var fake = Jira();
        string path = Path.Combine(_folder, "flow-fuse.jsonl");
        var host = new RecordingHost(approve: _ => true);
        using var journal = RemovalJournal.Open(path, Keys);
        var run = Run(fake, journal, maxUsers: 1);

        var tripped = await Assert.ThrowsAsync<ChangeFuseException>(() => run.RunAsync([Request("ann"), Request("bob")], host, new RunLimits(2, 2), CancellationToken.None));

        Assert.Equal(2, tripped.Users);
        Assert.Empty(host.Asked);
        Assert.False(run.HasBegun);
        Assert.Empty(RemovalJournal.Read(path));
        Assert.Empty(fake.CallsTo("DELETE", "/group/user"));
    }

    /// <summary>A host that answers approval as told and records everything the run hands it.</summary>
    private sealed class RecordingHost(Func<string, bool> approve) : IRunHost<RemovalPlan, ProductAccessRemoval>
    {
        public List<List<string>> Asked { get; } = [];

        public List<string> FuseWarnings { get; } = [];

        public List<RemovalPlan> Unchanged { get; } = [];

        public List<RemovalPlan> WouldChange { get; } = [];

        public List<ProductAccessRemoval> Declined { get; } = [];

        public System.Collections.Concurrent.ConcurrentBag<ProductAccessRemoval> Changed { get; } = [];

        public Task<IReadOnlyList<bool>> ApproveAsync(IReadOnlyList<(string Target, string Action)> changes, CancellationToken cancellationToken)
        {
            Asked.Add(changes.Select(c => c.Target).ToList());
            return Task.FromResult<IReadOnlyList<bool>>(changes.Select(c => approve(c.Target)).ToList());
        }

        public IRunStage StartStage(RunStage stage, int total) => new NoProgress();

        public void Planned(IReadOnlyList<RemovalPlan> plans)
        {
        }

        public void FuseWarning(string message) => FuseWarnings.Add(message);

        void IRunHost<RemovalPlan, ProductAccessRemoval>.Unchanged(RemovalPlan plan, ChangeOutcome<ProductAccessRemoval>? outcome, string? preview) => Unchanged.Add(plan);

        void IRunHost<RemovalPlan, ProductAccessRemoval>.WouldChange(RemovalPlan plan) => WouldChange.Add(plan);

        void IRunHost<RemovalPlan, ProductAccessRemoval>.Declined(RemovalPlan plan, ProductAccessRemoval result) => Declined.Add(result);

        public void Begun(string journalPath, string runId)
        {
        }

        void IRunHost<RemovalPlan, ProductAccessRemoval>.Changed(RemovalPlan plan, ChangeOutcome<ProductAccessRemoval> outcome) => Changed.Add(outcome.Result);

        private sealed class NoProgress : IRunStage
        {
            public void Step()
            {
            }

            public void Complete()
            {
            }
        }
    }
}
