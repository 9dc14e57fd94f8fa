using System.Text.Json;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Removal;

namespace JiraDeactivate.Core.Tests.Integrity;

/// <summary>A restore takes from a journal only what a removal run of this module did (issue 13).</summary>
public sealed class RestorePlannerTests : IDisposable
{
    private const string Software = "jira-software-users";
    private readonly string _folder = Directory.CreateTempSubdirectory("restore-planner-").FullName;
    private readonly JournalKeys _keys;
    private readonly string _path;

    public RestorePlannerTests()
    {
        _keys = new JournalKeys(Path.Combine(_folder, "keys"));
        _path = Path.Combine(_folder, "journal.jsonl");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WriteRun(string runId, string user, params string[] groups)
    {
        using var journal = RemovalJournal.Open(_path, _keys);
        journal.StartRun(runId, RestorePlanner.RemovalOperation, "acme", "test run");
        journal.Append(new JournalEntry { RunId = runId, Event = JournalEvent.Planned, AccountId = user, Product = JiraProduct.JiraSoftware, Site = "acme", Groups = groups });
        foreach (string group in groups)
        {
            journal.Append(Line(runId, JournalEvent.Removing, user, group));
            journal.Append(Line(runId, JournalEvent.Removed, user, group));
        }
    }

    private static JournalEntry Line(string runId, JournalEvent kind, string user, string group, string site = "acme") =>
        new() { RunId = runId, Event = kind, AccountId = user, Product = JiraProduct.JiraSoftware, Site = site, GroupName = group };

    private void AppendByHand(JournalEntry entry) =>
        File.AppendAllText(_path, JsonSerializer.Serialize(entry, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } }) + "\n");

    private RestorePlan Plan(bool allowUnsealed = false) => RestorePlanner.FromJournal(RemovalJournal.Read(_path), _keys, allowUnsealed);

    [Fact]
    public void A_genuine_run_gives_back_exactly_its_removals()
    {
        WriteRun("run1", "ann", Software, "jira-developers");

        var plan = Plan();

        var item = Assert.Single(plan.Items);
        Assert.Equal("ann", item.AccountId);
        Assert.Equal([Software, "jira-developers"], item.Groups.Select(g => g.Name));
        Assert.Empty(plan.Refusals);
    }

    [Fact]
    public void A_journal_written_before_the_judgment_fields_still_reads_and_restores()
    {
        // The Planned line as journals before issue 22 wrote it: the judgment only in prose, no judgment fields.
        WriteRun("run1", "ann", Software);
        Assert.DoesNotContain("moreThan", File.ReadAllText(_path), StringComparison.Ordinal);

        var plan = Plan();

        Assert.Equal(["ann"], plan.Items.Select(i => i.AccountId));
        Assert.Empty(plan.Refusals);
        Assert.Null(RemovalJournal.Read(_path).Single(l => l.Entry.Event == JournalEvent.Planned).Entry.MoreThan);
    }

    [Fact]
    public void A_Planned_lines_judgment_field_edited_by_hand_refuses_the_run()
    {
        using (var journal = RemovalJournal.Open(_path, _keys))
        {
            journal.StartRun("run1", RestorePlanner.RemovalOperation, "acme", "test run");
            journal.Append(new JournalEntry { RunId = "run1", Event = JournalEvent.Planned, AccountId = "ann", Product = JiraProduct.JiraSoftware, Site = "acme", Groups = [Software], MoreThan = 90, AsOf = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), JudgedBy = "sealed" });
            journal.Append(Line("run1", JournalEvent.Removed, "ann", Software));
        }

        Assert.Single(Plan().Items);
        string[] text = File.ReadAllLines(_path);
        Assert.Contains("\"moreThan\":90", text[1], StringComparison.Ordinal);
        text[1] = text[1].Replace("\"moreThan\":90", "\"moreThan\":7", StringComparison.Ordinal);
        File.WriteAllLines(_path, text);

        var plan = Plan();

        Assert.Empty(plan.Items);
        Assert.Equal("ann", Assert.Single(plan.Refusals).AccountId);
    }

    [Fact]
    public void A_line_appended_by_hand_to_a_sealed_run_is_refused_with_its_line_number()
    {
        WriteRun("run1", "ann", Software);
        AppendByHand(Line("run1", JournalEvent.Removed, "mallory", "site-admins"));

        var plan = Plan();

        Assert.Equal(["ann"], plan.Items.Select(i => i.AccountId));
        var refusal = Assert.Single(plan.Refusals);
        Assert.Equal(5, refusal.Line);
        Assert.Equal("mallory", refusal.AccountId);
        Assert.Contains("seal does not match", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sealed_line_copied_onto_another_user_or_group_no_longer_matches()
    {
        WriteRun("run1", "ann", Software);
        var genuine = RemovalJournal.Read(_path).Last().Entry;
        AppendByHand(genuine with { GroupName = "site-admins" });

        var refusal = Assert.Single(Plan().Refusals);

        Assert.Contains("seal does not match", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_run_forged_by_hand_is_refused_unless_unsealed_runs_are_allowed()
    {
        WriteRun("run1", "ann", Software);
        AppendByHand(new JournalEntry { RunId = "forged", Event = JournalEvent.RunStarted, Operation = RestorePlanner.RemovalOperation, Site = "acme" });
        AppendByHand(new JournalEntry { RunId = "forged", Event = JournalEvent.Planned, AccountId = "mallory", Product = JiraProduct.JiraSoftware, Site = "acme", Groups = [Software] });
        AppendByHand(Line("forged", JournalEvent.Removed, "mallory", Software));

        var strict = Plan();
        var lenient = Plan(allowUnsealed: true);

        Assert.Equal(["ann"], strict.Items.Select(i => i.AccountId));
        Assert.Empty(strict.Refusals);
        Assert.Equal(["forged"], strict.MissingKeys);
        Assert.Equal(["ann", "mallory"], lenient.Items.Select(i => i.AccountId).Order());
        Assert.Equal(["forged"], lenient.UnsealedRuns);
    }

    [Fact]
    public void Unsealed_lines_must_still_follow_a_removal_runs_shape()
    {
        AppendByHand(new JournalEntry { RunId = "old", Event = JournalEvent.RunStarted, Site = "acme", Message = "Remove-JiraProductAccess by admin@acme.example: 1 users" });
        AppendByHand(new JournalEntry { RunId = "old", Event = JournalEvent.Planned, AccountId = "ann", Product = JiraProduct.JiraSoftware, Site = "acme", Groups = [Software] });
        AppendByHand(Line("old", JournalEvent.Removed, "ann", Software));
        AppendByHand(Line("old", JournalEvent.Removed, "ann", "site-admins"));
        AppendByHand(Line("old", JournalEvent.Removed, "bob", Software, site: "other"));
        AppendByHand(Line("nostart", JournalEvent.Removed, "carl", Software));
        AppendByHand(new JournalEntry { RunId = "restore", Event = JournalEvent.RunStarted, Operation = "Restore-JiraProductAccess", Site = "acme" });
        AppendByHand(Line("restore", JournalEvent.Removed, "dora", Software));

        var plan = Plan(allowUnsealed: true);

        Assert.Equal([Software], Assert.Single(plan.Items).Groups.Select(g => g.Name));
        var reasons = plan.Refusals.OrderBy(r => r.Line).Select(r => (r.Line, r.Reason)).ToList();
        Assert.Equal([4L, 5L, 6L, 8L], reasons.Select(r => r.Line));
        Assert.Contains("no Planned line", reasons[0].Reason, StringComparison.Ordinal);
        Assert.Contains("names site 'other'", reasons[1].Reason, StringComparison.Ordinal);
        Assert.Contains("no RunStarted line", reasons[2].Reason, StringComparison.Ordinal);
        Assert.Contains("is not a run of Remove-JiraProductAccess", reasons[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_RunStarted_refuses_a_run_taken_unsealed()
    {
        AppendByHand(new JournalEntry { RunId = "old", Event = JournalEvent.RunStarted, Operation = RestorePlanner.RemovalOperation, Site = "acme" });
        AppendByHand(new JournalEntry { RunId = "old", Event = JournalEvent.Planned, AccountId = "ann", Product = JiraProduct.JiraSoftware, Site = "acme", Groups = [Software] });
        AppendByHand(Line("old", JournalEvent.Removed, "ann", Software));
        AppendByHand(new JournalEntry { RunId = "old", Event = JournalEvent.RunStarted, Operation = RestorePlanner.RemovalOperation, Site = "other" });

        var plan = Plan(allowUnsealed: true);

        Assert.Empty(plan.Items);
        Assert.Contains("2 RunStarted lines", plan.Refusals[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_unsealed_line_of_a_sealed_run_is_refused_alone_and_the_run_is_restored()
    {
        WriteRun("run1", "ann", Software);
        File.AppendAllText(_path, "{\"runId\":\"run1\"}\n");

        var plan = Plan();

        Assert.Equal(["ann"], plan.Items.Select(i => i.AccountId));
        var refusal = Assert.Single(plan.Refusals);
        Assert.Equal(5, refusal.Line);
        Assert.Contains("seal does not match", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_the_restored_lines_refuses_the_run_instead_of_restoring_it_again()
    {
        WriteRun("run1", "ann", Software);
        using (var journal = RemovalJournal.Open(_path, _keys))
        {
            journal.Append(Line("run1", JournalEvent.Restoring, "ann", Software));
            journal.Append(Line("run1", JournalEvent.Restored, "ann", Software));
        }

        Assert.Empty(Plan().Items);
        var lines = File.ReadAllLines(_path);
        File.WriteAllLines(_path, lines[..^2]);

        var plan = Plan();

        Assert.Empty(plan.Items);
        Assert.Equal([3L, 4L], plan.Refusals.Select(r => r.Line));
        Assert.All(plan.Refusals, r => Assert.Contains("not whole", r.Reason, StringComparison.Ordinal));
        Assert.All(plan.Refusals, r => Assert.Contains("records 6 lines", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Deleting_a_line_inside_a_run_breaks_the_chain_and_refuses_the_run()
    {
        WriteRun("run1", "ann", Software, "jira-developers");
        using (var journal = RemovalJournal.Open(_path, _keys))
        {
            journal.Append(Line("run1", JournalEvent.Restored, "ann", Software));
            journal.Append(Line("run1", JournalEvent.Verified, "ann", Software));
        }

        var lines = File.ReadAllLines(_path).ToList();
        lines.RemoveAt(6);
        File.WriteAllLines(_path, lines);

        var plan = Plan();

        Assert.Empty(plan.Items);
        Assert.All(plan.Refusals, r => Assert.Contains("not whole", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_genuine_line_repeated_later_is_not_genuine()
    {
        WriteRun("run1", "ann", Software);
        using (var journal = RemovalJournal.Open(_path, _keys))
        {
            journal.Append(Line("run1", JournalEvent.Restored, "ann", Software));
        }

        var removed = File.ReadAllLines(_path)[3];
        File.AppendAllText(_path, removed + "\n");

        var plan = Plan();

        Assert.Empty(plan.Items);
        Assert.Contains("seal does not match", Assert.Single(plan.Refusals).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_others_can_read_is_refused_with_the_reason()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the profile folder's ACL guards keys there
        }

        WriteRun("run1", "ann", Software);
        File.SetUnixFileMode(Path.Combine(_keys.Folder, "run1.key"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var plan = Plan();

        Assert.Empty(plan.Items);
        Assert.Equal(2, plan.Refusals.Count);
        Assert.All(plan.Refusals, r => Assert.Contains("can be read or written by others (mode 644)", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_file_of_another_user_is_refused_with_the_reason()
    {
        WriteRun("run1", "ann", Software);
        string key = Path.Combine(_keys.Folder, "run1.key");
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            // Only root can give a file away; elsewhere check that the owner is read at all.
            Assert.Equal(UnixFileFacts.CurrentUser, UnixFileFacts.OwnerOf(key));
            return;
        }

        using (var chown = System.Diagnostics.Process.Start("chown", ["65534", key]))
        {
            chown.WaitForExit();
        }

        var plan = Plan();

        Assert.Empty(plan.Items);
        Assert.Equal(2, plan.Refusals.Count);
        Assert.All(plan.Refusals, r => Assert.Contains("belongs to user 65534, not to this user (0)", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Runs_without_their_keys_are_named_once_however_many_lines_they_have()
    {
        WriteRun("run1", "ann", Software, "jira-developers");
        WriteRun("run2", "bob", Software);
        Directory.Delete(_keys.Folder, recursive: true);

        var plan = Plan();

        Assert.Empty(plan.Items);
        Assert.Empty(plan.Refusals);
        Assert.Equal(["run1", "run2"], plan.MissingKeys);
        string message = JournalRunTrust.MissingKeys(plan.MissingKeys, _keys, "restored");
        Assert.Contains("run1.key, run2.key", message, StringComparison.Ordinal);
        Assert.Contains(_keys.Folder, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restored_membership_is_not_restored_again()
    {
        WriteRun("run1", "ann", Software);
        using (var journal = RemovalJournal.Open(_path, _keys))
        {
            journal.Append(Line("run1", JournalEvent.Restored, "ann", Software));
        }

        Assert.Empty(Plan().Items);
    }
}
