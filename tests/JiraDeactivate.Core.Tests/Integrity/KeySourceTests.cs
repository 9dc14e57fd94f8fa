using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Removal;

namespace JiraDeactivate.Core.Tests.Integrity;

/// <summary>Journal keys from a source other than a key folder (the cmdlets' SecretManagement vault), heads in a folder (issue 26).</summary>
public sealed class KeySourceTests : IDisposable
{
    private const string Software = "jira-software-users";
    private readonly string _folder = Directory.CreateTempSubdirectory("key-source-").FullName;
    private readonly string _path;

    public KeySourceTests() => _path = Path.Combine(_folder, "journal.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_run_sealed_with_keys_from_a_source_is_restored_with_that_source_and_leaves_no_key_file()
    {
        var vault = new MemoryKeySource("Runbook");
        var keys = new JournalKeys(vault, _folder);
        WriteRun(keys, "run1", "ann");

        var plan = RestorePlanner.FromJournal(RemovalJournal.Read(_path), new JournalKeys(vault, _folder), allowUnsealed: false);

        Assert.Equal("ann", Assert.Single(plan.Items).AccountId);
        Assert.Empty(plan.Refusals);
        Assert.Equal(["run1"], vault.Keys.Keys);
        Assert.False(File.Exists(Path.Combine(_folder, "run1.key")));
        Assert.True(File.Exists(Path.Combine(_folder, "run1.head")), "the head changes with every line: it stays in the head folder");
    }

    [Fact]
    public void Runs_whose_keys_the_source_lacks_are_named_once_with_the_source_and_their_key_names()
    {
        var vault = new MemoryKeySource("Runbook");
        WriteRun(new JournalKeys(vault, _folder), "run1", "ann");
        WriteRun(new JournalKeys(vault, _folder), "run2", "bob");
        var empty = new JournalKeys(new MemoryKeySource("Empty"), _folder);

        var plan = RestorePlanner.FromJournal(RemovalJournal.Read(_path), empty, allowUnsealed: false);

        Assert.Empty(plan.Items);
        Assert.Empty(plan.Refusals);
        Assert.Equal(["run1", "run2"], plan.MissingKeys);
        string message = JournalRunTrust.MissingKeys(plan.MissingKeys, empty, "restored");
        Assert.Contains("their seal keys (secret run1, secret run2) are not in the memory 'Empty'", message, StringComparison.Ordinal);
        Assert.Contains("Ask the memory", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_the_source_cannot_trust_refuses_its_run_with_the_reason()
    {
        var vault = new MemoryKeySource("Runbook");
        WriteRun(new JournalKeys(vault, _folder), "run1", "ann");
        vault.Problem = "the secret is not a key";

        var plan = RestorePlanner.FromJournal(RemovalJournal.Read(_path), new JournalKeys(vault, _folder), allowUnsealed: true);

        Assert.Empty(plan.Items);
        Assert.All(plan.Refusals, r => Assert.Contains("the secret is not a key", r.Reason, StringComparison.Ordinal));
        Assert.NotEmpty(plan.Refusals);
    }

    [Fact]
    public void A_key_that_cannot_be_stored_stops_the_run_before_its_first_line()
    {
        var keys = new JournalKeys(new MemoryKeySource("Runbook") { Refuse = true }, _folder);
        using var journal = RemovalJournal.Open(_path, keys);

        Assert.Throws<JournalException>(() => journal.StartRun("run1", RestorePlanner.RemovalOperation, "acme", "test run"));

        Assert.Empty(RemovalJournal.Read(_path));
    }

    private void WriteRun(JournalKeys keys, string runId, string user)
    {
        using var journal = RemovalJournal.Open(_path, keys);
        journal.StartRun(runId, RestorePlanner.RemovalOperation, "acme", "test run");
        journal.Append(new JournalEntry { RunId = runId, Event = JournalEvent.Planned, AccountId = user, Product = JiraProduct.JiraSoftware, Site = "acme", Groups = [Software] });
        journal.Append(new JournalEntry { RunId = runId, Event = JournalEvent.Removing, AccountId = user, Product = JiraProduct.JiraSoftware, Site = "acme", GroupName = Software });
        journal.Append(new JournalEntry { RunId = runId, Event = JournalEvent.Removed, AccountId = user, Product = JiraProduct.JiraSoftware, Site = "acme", GroupName = Software });
    }

    private sealed class MemoryKeySource(string name) : IJournalKeySource
    {
        public Dictionary<string, byte[]> Keys { get; } = [];

        public string? Problem { get; set; }

        public bool Refuse { get; init; }

        public string Where => $"the memory '{name}'";

        public string Remedy => "Ask the memory";

        public string NameOf(string runId) => $"secret {runId}";

        public string RecommendedAction(string runId) => "-KeyVault";

        public byte[] Create(string runId)
        {
            if (Refuse)
            {
                throw new JournalException("the memory is full");
            }

            return Keys[runId] = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        }

        public KeyLookup Inspect(string runId) =>
            Problem is not null ? new KeyLookup(null, Problem) : new KeyLookup(Keys.TryGetValue(runId, out var key) ? key : null, null);
    }
}
