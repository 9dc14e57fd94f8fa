using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Tests.Integrity;

/// <summary>The journal's one-writer lock, whole lines and torn-line handling (issue 13).</summary>
public sealed class JournalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("journal-tests-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    private JournalKeys Keys => new(Path.Combine(_folder, "keys"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_second_run_on_the_same_journal_is_refused_while_the_first_holds_it()
    {
        string path = PathOf("shared.jsonl");
        using var first = RemovalJournal.Open(path, Keys);

        var error = Assert.Throws<JournalException>(() => RemovalJournal.Open(path, Keys));

        Assert.True(error.InUse);
        Assert.Contains("in use by another run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_does_not_keep_readers_out_of_its_journal()
    {
        string path = PathOf("watched.jsonl");
        using var journal = RemovalJournal.Open(path, Keys);
        journal.StartRun("run1", "Remove-JiraProductAccess", "acme", "watched");

        var lines = RemovalJournal.Read(path).ToList();

        Assert.Equal("run1", Assert.Single(lines).Entry.RunId);
    }

    [Fact]
    public void The_journal_can_be_opened_again_once_the_first_run_let_it_go()
    {
        string path = PathOf("sequential.jsonl");
        RemovalJournal.Open(path, Keys).Dispose();

        using var second = RemovalJournal.Open(path, Keys);

        Assert.Equal(Path.GetFullPath(path), second.Path);
    }

    [Fact]
    public void A_torn_last_line_stays_the_only_unreadable_line_after_the_next_run_appends()
    {
        string path = PathOf("torn.jsonl");
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            journal.StartRun("run1", "Remove-JiraProductAccess", "acme", "first");
        }

        File.AppendAllText(path, """{"runId":"run1","event":"Remo""");
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            journal.StartRun("run2", "Remove-JiraProductAccess", "acme", "second");
        }

        var bad = new List<long>();
        var lines = RemovalJournal.Read(path, (line, _) => bad.Add(line)).ToList();

        Assert.Equal([2L], bad);
        Assert.Equal(["run1", "run2"], lines.Select(l => l.Entry.RunId));
        Assert.Equal([1L, 3L], lines.Select(l => l.Number));
    }

    [Fact]
    public void Lines_of_many_concurrent_writers_through_one_journal_are_whole()
    {
        string path = PathOf("parallel.jsonl");
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            journal.StartRun("run1", "Remove-JiraProductAccess", "acme", "parallel");
            Parallel.For(0, 2000, i => journal.Append(new JournalEntry { RunId = "run1", Event = JournalEvent.Planned, AccountId = $"user-{i}", Product = JiraProduct.JiraSoftware, Groups = ["g"] }));
        }

        var bad = new List<long>();
        var lines = RemovalJournal.Read(path, (line, _) => bad.Add(line)).ToList();

        Assert.Empty(bad);
        Assert.Equal(2001, lines.Count);
        Assert.Equal(2000, lines.Select(l => l.Entry.AccountId).Where(a => a is not null).Distinct().Count());
    }

    [Fact]
    public void Lines_are_sealed_with_the_runs_key_and_an_edit_breaks_the_seal()
    {
        string path = PathOf("sealed.jsonl");
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            journal.StartRun("run1", "Remove-JiraProductAccess", "acme", "sealed");
            journal.Append(new JournalEntry { RunId = "run1", Event = JournalEvent.Removed, AccountId = "a", Product = JiraProduct.JiraSoftware, GroupName = "jira-software-users" });
        }

        var key = Keys.Find("run1")!;
        var removed = RemovalJournal.Read(path).Last().Entry;

        Assert.True(JournalSeal.IsValid(removed, key));
        Assert.False(JournalSeal.IsValid(removed with { GroupName = "site-admins" }, key));
        Assert.False(JournalSeal.IsValid(removed with { Seal = null }, key));
        Assert.False(JournalSeal.IsValid(removed with { Seal = "not base64!" }, key));
    }

    [Fact]
    public void A_run_id_from_a_journal_cannot_name_a_key_file_outside_the_key_folder()
    {
        Assert.Null(Keys.Find("../../etc/passwd"));
        Assert.Null(Keys.Find(string.Empty));
    }
}
