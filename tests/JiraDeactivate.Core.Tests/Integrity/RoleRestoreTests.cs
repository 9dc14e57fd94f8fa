using JiraDeactivate.Core.History;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Removal;

namespace JiraDeactivate.Core.Tests.Integrity;

/// <summary>A revoked direct role is journaled, sealed and given back like a group (issue 23).</summary>
public sealed class RoleRestoreTests : IDisposable
{
    private const string Resource = "ari:cloud:jira::site/8baf54e4";
    private readonly string _folder = Directory.CreateTempSubdirectory("role-restore-").FullName;
    private readonly JournalKeys _keys;
    private readonly string _path;

    public RoleRestoreTests()
    {
        _keys = new JournalKeys(Path.Combine(_folder, "keys"));
        _path = Path.Combine(_folder, "journal.jsonl");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WriteRun(string? plannedResource, params JournalEvent[] roleEvents)
    {
        using var journal = RemovalJournal.Open(_path, _keys);
        journal.StartRun("run1", RestorePlanner.RemovalOperation, "acme", "test run");
        journal.Append(new JournalEntry { RunId = "run1", Event = JournalEvent.Planned, AccountId = "ann", Product = JiraProduct.JiraSoftware, Site = "acme", Groups = ["jira-software-users"], Resource = plannedResource });
        journal.Append(new JournalEntry { RunId = "run1", Event = JournalEvent.Removed, AccountId = "ann", Product = JiraProduct.JiraSoftware, Site = "acme", GroupName = "jira-software-users" });
        foreach (var kind in roleEvents)
        {
            journal.Append(new JournalEntry { RunId = "run1", Event = kind, AccountId = "ann", Product = JiraProduct.JiraSoftware, Site = "acme", Resource = Resource, Role = "atlassian/user" });
        }
    }

    private RestorePlan Plan() => RestorePlanner.FromJournal(RemovalJournal.Read(_path), _keys, allowUnsealed: false);

    [Fact]
    public void A_revoked_role_is_given_back_with_the_groups()
    {
        WriteRun(Resource, JournalEvent.RoleRevoking, JournalEvent.RoleRevoked);

        var item = Assert.Single(Plan().Items);

        Assert.Equal(["jira-software-users"], item.Groups.Select(g => g.Name));
        Assert.Equal(Resource, item.Role?.Resource);
        Assert.Contains("grant the direct role back", item.Action, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_granted_back_already_is_not_granted_again()
    {
        WriteRun(Resource, JournalEvent.RoleRevoking, JournalEvent.RoleRevoked, JournalEvent.RoleGranting, JournalEvent.RoleGranted);

        Assert.Null(Assert.Single(Plan().Items).Role);
    }

    [Fact]
    public void A_stop_during_the_revoke_gives_the_role_back_all_the_same()
    {
        WriteRun(Resource, JournalEvent.RoleRevoking);

        Assert.Equal(Resource, Assert.Single(Plan().Items).Role?.Resource);
    }

    [Fact]
    public void A_role_line_whose_resource_the_Planned_line_does_not_name_is_refused()
    {
        WriteRun(plannedResource: null, JournalEvent.RoleRevoking, JournalEvent.RoleRevoked);

        var plan = Plan();

        Assert.Null(Assert.Single(plan.Items).Role);
        Assert.Contains(plan.Refusals, r => r.Reason.Contains("names this user's role", StringComparison.Ordinal));
    }

    [Fact]
    public void A_role_line_edited_by_hand_refuses_the_run()
    {
        WriteRun(Resource, JournalEvent.RoleRevoking, JournalEvent.RoleRevoked);
        File.WriteAllText(_path, File.ReadAllText(_path).Replace(Resource, "ari:cloud:jira::site/another", StringComparison.Ordinal));

        var plan = Plan();

        Assert.DoesNotContain(plan.Items, i => i.Role is not null);
        Assert.NotEmpty(plan.Refusals);
    }

    [Fact]
    public void The_run_history_counts_a_user_whose_only_change_was_the_role_and_its_grant_back()
    {
        using (var journal = RemovalJournal.Open(_path, _keys))
        {
            journal.StartRun("run1", RestorePlanner.RemovalOperation, "acme", "test run");
            journal.Append(new JournalEntry { RunId = "run1", Event = JournalEvent.Planned, AccountId = "bob", Product = JiraProduct.JiraSoftware, Site = "acme", Groups = [], Resource = Resource });
            journal.Append(new JournalEntry { RunId = "run1", Event = JournalEvent.RoleRevoked, AccountId = "bob", Product = JiraProduct.JiraSoftware, Site = "acme", Resource = Resource, Role = "atlassian/user" });
        }

        var before = Assert.Single(ChangeRunHistory.Read(_path, _keys));
        using (var journal = RemovalJournal.Open(_path, _keys))
        {
            journal.Append(new JournalEntry { RunId = "run1", Event = JournalEvent.RoleGranted, AccountId = "bob", Product = JiraProduct.JiraSoftware, Site = "acme", Resource = Resource, Role = "atlassian/user" });
        }

        var after = Assert.Single(ChangeRunHistory.Read(_path, _keys));
        Assert.Equal((1, 0, true), (before.Changed, before.Undone, before.CanUndo));
        Assert.Equal((1, 1, false), (after.Changed, after.Undone, after.CanUndo));
    }
}
