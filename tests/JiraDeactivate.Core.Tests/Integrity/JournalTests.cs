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
        var lines = RemovalJournal.Read(path).Select(l => l.Entry).ToList();
        var (started, removed) = (lines[0], lines[1]);

        Assert.Equal([1L, 2L], lines.Select(l => l.Seq));
        Assert.True(JournalSeal.IsValid(removed, key, started.Seal));
        Assert.False(JournalSeal.IsValid(removed, key, null));
        Assert.False(JournalSeal.IsValid(removed with { GroupName = "site-admins" }, key, started.Seal));
        Assert.False(JournalSeal.IsValid(removed with { Seq = 3 }, key, started.Seal));
        Assert.False(JournalSeal.IsValid(removed with { Seal = null }, key, started.Seal));
        Assert.False(JournalSeal.IsValid(removed with { Seal = "not base64!" }, key, started.Seal));
    }

    [Fact]
    public void A_run_id_from_a_journal_cannot_name_a_key_file_outside_the_key_folder()
    {
        Assert.Null(Keys.Find("../../etc/passwd"));
        Assert.Null(Keys.Find(string.Empty));
    }

    [Fact]
    public void A_journal_path_that_is_a_symbolic_link_is_refused_and_its_target_untouched()
    {
        string target = PathOf("target.txt");
        File.WriteAllText(target, "precious\n");
        string link = PathOf("link.jsonl");
        File.CreateSymbolicLink(link, target);

        var error = Assert.Throws<JournalException>(() => RemovalJournal.Open(link, Keys));

        Assert.Contains("is a symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Equal("precious\n", File.ReadAllText(target));
    }

    [Fact]
    public void Two_runs_through_a_symlinked_folder_take_the_same_lock()
    {
        Directory.CreateDirectory(PathOf("real"));
        Directory.CreateSymbolicLink(PathOf("alias"), PathOf("real"));
        using var first = RemovalJournal.Open(Path.Combine(PathOf("real"), "shared.jsonl"), Keys);

        var error = Assert.Throws<JournalException>(() => RemovalJournal.Open(Path.Combine(PathOf("alias"), "shared.jsonl"), Keys));

        Assert.True(error.InUse);
        Assert.Equal(Path.Combine(PathOf("real"), "shared.jsonl"), first.Path);
    }

    [Fact]
    public void A_line_longer_than_any_journal_line_stops_the_read_with_an_error()
    {
        string path = PathOf("huge.jsonl");
        using (var file = File.Create(path))
        {
            file.SetLength(600L * 1024 * 1024); // sparse: 600 MB of zeros, no line end
        }

        long before = GC.GetTotalAllocatedBytes();
        var error = Assert.Throws<JournalException>(() => RemovalJournal.Read(path).ToList());

        Assert.Contains("Line 1 of", error.Message, StringComparison.Ordinal);
        Assert.Contains("runs for more than 1,048,576 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 64L * 1024 * 1024, "reading stopped after the bound, not at the end of the file");
    }

    [Fact]
    public void A_device_is_not_a_journal()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var error = Assert.Throws<JournalException>(() => RemovalJournal.Open("/dev/zero", Keys));

        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists("/dev/zero.lock"));
    }

    [Fact]
    public void A_run_deletes_its_lock_file_when_done_and_the_next_run_removes_a_dead_runs_lock()
    {
        string path = PathOf("locks.jsonl");
        RemovalJournal.Open(path, Keys).Dispose();
        Assert.False(File.Exists(path + ".lock"));

        // A run that died leaves its lock file, which nobody holds.
        File.WriteAllText(PathOf("dead.jsonl.lock"), string.Empty);
        File.WriteAllText(PathOf("unrelated.lock"), string.Empty);
        using var held = new FileStream(PathOf("alive.jsonl.lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None);

        using (RemovalJournal.Open(path, Keys))
        {
            Assert.True(File.Exists(path + ".lock"));
        }

        Assert.False(File.Exists(PathOf("dead.jsonl.lock")));
        Assert.True(File.Exists(PathOf("alive.jsonl.lock")), "a lock someone holds stays");
        Assert.True(File.Exists(PathOf("unrelated.lock")), "only journals' locks are cleaned");
    }

    [Fact]
    public void A_restore_appending_to_a_run_goes_on_with_its_chain()
    {
        string path = PathOf("chain.jsonl");
        using (var journal = RemovalJournal.Open(path, Keys))
        {
            journal.StartRun("run1", "Remove-JiraProductAccess", "acme", "first");
            journal.Append(new JournalEntry { RunId = "run1", Event = JournalEvent.Removed, AccountId = "a", Product = JiraProduct.JiraSoftware, GroupName = "g" });
        }

        using (var journal = RemovalJournal.Open(path, Keys))
        {
            journal.Append(new JournalEntry { RunId = "run1", Event = JournalEvent.Restored, AccountId = "a", Product = JiraProduct.JiraSoftware, GroupName = "g" });
        }

        var check = SealChain.Check(RemovalJournal.Read(path), Keys.Find("run1")!, Keys.FindHead("run1"));

        Assert.Null(check.Broken);
        Assert.Equal(3, check.Genuine.Count);
        Assert.Equal(3, Keys.FindHead("run1")!.Count);
    }
}
