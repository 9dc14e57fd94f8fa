using System.Management.Automation;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Paths;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Protections;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Core.Sessions;
using JiraDeactivate.Core.Suspension;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Puts back the group memberships that Remove-JiraProductAccess took away, as its journal records them.</para>
/// </summary>
[Cmdlet(VerbsData.Restore, "JiraProductAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = JournalSet, HelpUri = HelpPages.Root + "Restore-JiraProductAccess.md")]
[OutputType(typeof(ProductAccessRestore))]
public sealed class RestoreJiraProductAccessCommand : JiraCmdlet
{
    private const string JournalSet = "Journal";
    private const string ResultSet = "Result";
    private readonly List<RestoreSelection> _selections = [];
    private readonly RestoreSummary _summary = new();
    private int _withoutJournal;
    private bool _removalJournalSeen;
    private bool _suspendJournalSeen;
    // Boxed: the loader rule (Loading/ModuleInitializer.cs).
    private object? _product;

    /// <summary>
    /// The journal of the removal run(s) to undo; bound by property name too, so result rows exported with
    /// Export-Csv and read back with Import-Csv can be piped in.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = JournalSet, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? JournalPath { get; set; }

    /// <summary>Only this run of the journal.</summary>
    [Parameter(ParameterSetName = JournalSet, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? RunId { get; set; }

    /// <summary>Only these users' account IDs; wildcards allowed.</summary>
    [Parameter(ParameterSetName = JournalSet, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [AllowNull]
    public string[]? AccountId { get; set; }

    /// <summary>Only this product.</summary>
    [Parameter(ParameterSetName = JournalSet, ValueFromPipelineByPropertyName = true)]
    [ProductNameTransformation]
    public JiraProduct? Product { get => (JiraProduct?)_product; set => _product = value; }

    /// <summary>Results of Remove-JiraProductAccess to undo.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ResultSet)]
    public ProductAccessRemoval? InputObject { get; set; }

    /// <summary>
    /// Also restore runs whose lines cannot be checked for edits, because their seal keys are not on this machine
    /// (a journal copied from another machine, or written by the first version). Review such a journal first.
    /// </summary>
    [Parameter]
    public SwitchParameter AllowUnsealed { get; set; }

    /// <summary>
    /// The folder that holds the runs' seal keys, when it is not this machine's per-user folder (the -KeyPath the run
    /// was given, or a copy of it); bound by property name from Get-JiraChangeRun's objects.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? KeyPath { get; set; }

    /// <summary>
    /// The SecretManagement vault that holds the runs' seal keys (the -KeyVault the run was given); bound by property name
    /// from Get-JiraChangeRun's objects. The runs' heads are read from -KeyPath when given, else beside the journal.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? KeyVault { get; set; }

    /// <summary>How many users are restored at the same time.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>The connection to use (from Connect-JiraAdmin -PassThru); default this session's connection.</summary>
    [Parameter]
    public JiraAdminConnection? Connection { get; set; }

    protected override void ProcessRecord()
    {
        var selection = InputObject is { } result
            ? new RestoreSelection(result.JournalPath, result.RunId, [result.AccountId], result.ProductValue, KeyPath, KeyVault)
            : new RestoreSelection(JournalPath, RunId, AccountId ?? [], Product, KeyPath, KeyVault);
        if (string.IsNullOrWhiteSpace(selection.JournalPath))
        {
            _withoutJournal++;
            return;
        }

        _selections.Add(selection with { JournalPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(selection.JournalPath) });
    }

    protected override void EndProcessing()
    {
        if (_withoutJournal > 0)
        {
            WriteWarning($"{_withoutJournal} input(s) name no journal (results that changed nothing): they are left out; only users of a run with a journal can be restored.");
        }

        if (_selections.Count > 0)
        {
            var (session, jira) = RequireJiraConnection();
            // Without the Admin API a revoked direct role is refused with its reason, line by line.
            var paths = AccessPathsOf(session, null);
            var validator = new RestoreValidator(new ProductRoleCache(jira), session.SiteName, ReadAdministratorGroups(jira), paths);
            foreach (var journal in _selections.GroupBy(s => (s.JournalPath!, s.KeyPath, s.KeyVault)))
            {
                var selections = journal.ToList();
                Restore(jira, validator, paths, session.SiteName, session.Connection.User ?? "(unknown)", journal.Key.Item1, journal.Key.KeyPath, journal.Key.KeyVault, entry => selections.Any(s => s.Includes(entry)));
            }
        }

        // A suspend journal's restore has written its own line (resumed ...); every other restore, even of nothing, gets this one.
        if (_removalJournalSeen || !_suspendJournalSeen)
        {
            WriteHostLine($"Restore-JiraProductAccess{(IsPreview() ? " (preview)" : string.Empty)}: {_summary.Describe(IsPreview())}");
        }
    }

    private void Restore(JiraRestClient jira, RestoreValidator validator, AccessPathReader? paths, string? siteName, string user, string path, string? keyPath, string? keyVault, Func<JournalEntry, bool> include)
    {
        if (!File.Exists(path))
        {
            WriteError(Error($"The journal '{path}' does not exist.", "JournalNotFound", ErrorCategory.ObjectNotFound, path));
            return;
        }

        // A real restore locks the journal while it reads and appends, so no removal run can write it meanwhile.
        using var journal = IsPreview() ? null : OpenJournal(path, null, keyPath, keyVault);
        if (ReadJournal(path, journal) is not { } lines)
        {
            return;
        }

        if (lines.Any(l => l.Entry is { Event: JournalEvent.RunStarted, Operation: LifecycleChange.SuspendOperation }))
        {
            // A suspend journal: restoring it resumes what its runs suspended.
            _suspendJournalSeen = true;
            var summary = LifecycleCounts.Summary(suspend: false);
            ResumeFromJournal(path, journal, lines, include, new ResumeRails(keyPath, AllowUnsealed, ThrottleLimit) { KeyVault = keyVault }, summary);
            WriteHostLine($"Restore-JiraProductAccess{(journal is null ? " (preview)" : string.Empty)}: {summary.Describe(journal is null)}");
        }
        else
        {
            _removalJournalSeen = true;
        }

        var keys = KeysIn(keyPath, keyVault, path);
        var plan = RestorePlanner.FromJournal(lines, keys, AllowUnsealed, include);
        WriteMissingKeys(path, plan.MissingKeys, keys, "restored");
        foreach (string unsealed in plan.UnsealedRuns)
        {
            WriteWarning($"{path}: run '{unsealed}' is restored without checking its lines for edits (-AllowUnsealed): its seal key is not on this machine.");
        }

        // A restore is not held by the removal fuse: it gives back only what a run of this module took away.
        var run = new ChangeRun<RestoreItem, RestoreCheck, ProductAccessRestore>(
            new RestoreChange(jira, validator, paths), new ChangeFuse(), int.MaxValue, journal, siteName, user);
        var report = RunChange(run, plan.Items, new RunWriting<RestoreCheck, ProductAccessRestore>("RestoreFuseTripped", "RestorePlanFailed", "RestoreFailed", ProgressIds.Restore,
            users => $"Restore-JiraProductAccess: checking {users} users against Jira", users => $"Restore-JiraProductAccess: {users} users",
            new RunLimits(1, ThrottleLimit), check => { if (check.Allowed is not null) { _summary.Add(null); } }, result => _summary.Add(result.Outcome), result => _summary.Add(result.Outcome), () => _summary.Describe(false))
        {
            Planned = (checks, queue) => WriteRefusals(path, plan.Refusals.Concat(checks.SelectMany(c => c.Refusals)), queue),
        });
        if (!report.Plans.Any(run.Change.Changes))
        {
            WriteVerbose($"Nothing in '{path}' is left to restore.");
        }
    }

    private void WriteRefusals(string path, IEnumerable<JournalRefusal> refused, PipelineQueue queue)
    {
        var refusals = refused.OrderBy(r => r.Line).ToList();
        _summary.AddRefused(refusals.Count);
        foreach (var refusal in refusals)
        {
            queue.WriteError(Error($"{path}:{refusal.Line}: refused to restore{(refusal.AccountId is null ? string.Empty : $" {refusal.AccountId}")}: {refusal.Reason}.",
                "JournalLineRefused", ErrorCategory.SecurityError, refusal.AccountId ?? (object)refusal.Line));
        }
    }

    // A restore never adds anyone to an administrators' group: those Jira reports now, and the usual names.
    private Func<JiraGroup, bool> ReadAdministratorGroups(JiraRestClient jira)
    {
        var names = new WildcardMatcher(ProtectionPolicy.AdministratorGroupNames);
        AdministratorGroups? groups = null;
        try
        {
            RunAsync(async (_, token) => groups = await AdministratorGroups.ReadAsync(jira, token).ConfigureAwait(false));
        }
        catch (AtlassianApiException e)
        {
            ThrowTerminatingError(Error($"The administrators' groups could not be read from Jira ({e.Message}); a restore needs them to make sure it grants no admin access. Nothing was changed.",
                "AdministratorGroupsUnavailable", CategoryOf(e), null, e));
        }

        return group => groups!.Contains(group) || names.IsMatch(group.Name);
    }
}
