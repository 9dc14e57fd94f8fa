using System.Management.Automation;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Removal;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Puts back the group memberships that Remove-JiraProductAccess took away, as its journal records them.</para>
/// </summary>
[Cmdlet(VerbsData.Restore, "JiraProductAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = JournalSet)]
[OutputType(typeof(ProductAccessRestore))]
public sealed class RestoreJiraProductAccessCommand : JiraCmdlet
{
    private const string JournalSet = "Journal";
    private const string ResultSet = "Result";
    private readonly List<ProductAccessRemoval> _results = [];

    /// <summary>The journal of the removal run(s) to undo.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = JournalSet)]
    [ValidateNotNullOrEmpty]
    public string JournalPath { get; set; } = string.Empty;

    /// <summary>Only this run of the journal.</summary>
    [Parameter(ParameterSetName = JournalSet)]
    [ValidateNotNullOrEmpty]
    public string? RunId { get; set; }

    /// <summary>Only these users' account IDs; wildcards allowed.</summary>
    [Parameter(ParameterSetName = JournalSet)]
    [SupportsWildcards]
    public string[] AccountId { get; set; } = [];

    /// <summary>Results of Remove-JiraProductAccess to undo.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ResultSet)]
    public ProductAccessRemoval? InputObject { get; set; }

    /// <summary>How many users are restored at the same time.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    protected override void ProcessRecord()
    {
        if (InputObject is { } result)
        {
            _results.Add(result);
        }
    }

    protected override void EndProcessing()
    {
        var (session, jira) = RequireJiraConnection();

        var byJournal = ParameterSetName == JournalSet
            ? [(Path: SessionState.Path.GetUnresolvedProviderPathFromPSPath(JournalPath), Include: JournalFilter())]
            : _results.Where(r => r.JournalPath is not null && r.RunId is not null)
                .GroupBy(r => r.JournalPath!)
                .Select(g => (Path: g.Key, Include: ResultFilter(g.ToList())))
                .ToList();
        if (ParameterSetName == ResultSet && _results.Any(r => r.JournalPath is null && r.GroupsRemoved.Count > 0))
        {
            WriteWarning("Some results carry no journal (they changed nothing); only results of a run with a journal can be restored.");
        }

        foreach (var (path, include) in byJournal)
        {
            Restore(jira, path, include);
        }
    }

    private void Restore(JiraRestClient jira, string path, Func<JournalEntry, bool> include)
    {
        if (!File.Exists(path))
        {
            WriteError(Error($"The journal '{path}' does not exist.", "JournalNotFound", ErrorCategory.ObjectNotFound, path));
            return;
        }

        var items = RestorePlanner.FromJournal(RemovalJournal.Read(path, (line, reason) =>
            WriteWarning($"{path}:{line}: a line that cannot be read was skipped (a run stopped while writing it?): {reason}")), include);
        if (items.Count == 0)
        {
            WriteVerbose($"Nothing in '{path}' is left to restore.");
            return;
        }

        var approved = items.Where(i => ShouldProcess(i.Target, i.Action)).ToList();
        if (approved.Count == 0)
        {
            return;
        }

        using var journal = OpenJournal(path);
        var executor = new RestoreExecutor(jira, journal);
        RunForEach(approved, ThrottleLimit, 4, $"Restore-JiraProductAccess: {approved.Count} users", async (item, queue, ct) =>
        {
            var result = await executor.ExecuteAsync(item, ct).ConfigureAwait(false);
            queue.WriteObject(result);
            if (result.Status == RestoreStatus.Failed)
            {
                queue.WriteError(Error($"{item.Target}: {result.Message}", "RestoreFailed", ErrorCategory.InvalidResult, item.AccountId));
            }
        });
    }

    private Func<JournalEntry, bool> JournalFilter()
    {
        var accounts = new WildcardMatcher(AccountId);
        return entry => (RunId is null || entry.RunId == RunId) && (accounts.IsEmpty || accounts.IsMatch(entry.AccountId));
    }

    private static Func<JournalEntry, bool> ResultFilter(List<ProductAccessRemoval> results)
    {
        var wanted = results.Select(r => (r.RunId, r.AccountId, r.Product)).ToHashSet();
        return entry => entry.AccountId is not null && entry.Product is not null && wanted.Contains((entry.RunId, entry.AccountId, entry.Product.Value));
    }

    private RemovalJournal OpenJournal(string path)
    {
        try
        {
            return RemovalJournal.Open(path);
        }
        catch (JournalException e)
        {
            ThrowTerminatingError(Error(e.Message, "JournalNotWritable", ErrorCategory.WriteError, path, e));
            throw;
        }
    }
}
