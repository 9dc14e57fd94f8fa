using System.Management.Automation;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Removes users' access to a Jira product by removing them from the groups that grant it; keeps their accounts.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "JiraProductAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpPages.Root + "Remove-JiraProductAccess.md")]
[OutputType(typeof(ProductAccessRemoval), typeof(RemovalPlanItem))]
public sealed class RemoveJiraProductAccessCommand : JudgedChangeCmdlet
{
    private const string ApprovedAction = "Remove";
    private const string Verb = "remove product access from";
    private const string NotChanged = "its access is not changed: Remove-JiraProductAccess changes only users judged inactive";
    private readonly List<RemovalRequest> _requests = [];
    private readonly List<RemovalPlan> _notApproved = [];
    private readonly HashSet<(string, JiraProduct)> _seen = [];
    private readonly RunSummary _summary = RemovalCounts.Summary();
    // Boxed: the loader rule (Loading/ModuleInitializer.cs).
    private object _product = default(JiraProduct);
    private object _readMode = ReadMode.Auto;

    /// <summary>The product to remove access from.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ProductNameTransformation]
    public JiraProduct Product { get => (JiraProduct)_product; set => _product = value; }

    /// <summary>A reviewed plan's action (bound from -PlanOnly's objects): only "Remove" rows are changed.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("Action")]
    public string? PlannedAction { get; set; }

    /// <summary>
    /// How the run reads: Auto (default) chooses by cost for the run, bulk reads for many users (the v2 user search for the
    /// last look, the members of the granting groups for the plan and the verification) and one read per user for a few;
    /// PerUser reads each user on their own; Bulk reads in bulk whatever the run's size.
    /// </summary>
    [Parameter]
    public ReadMode ReadMode { get => (ReadMode)_readMode; set => _readMode = value; }

    /// <summary>Emits one plan object per input (what would change and why) and changes nothing.</summary>
    [Parameter]
    public SwitchParameter PlanOnly { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string id in AccountId)
        {
            var judgment = AcceptJudgment(id, Product.ToString(), NotChanged, $"Get-InactiveJiraUser -Product {Product} -MoreThan <days>");
            if (judgment is null)
            {
                _summary.AddNotJudged();
                continue;
            }

            if (!_seen.Add((id, Product)))
            {
                continue;
            }

            var request = new RemovalRequest(id, Product, DisplayName, judgment.Sealed?.Site ?? Site, ProtectiveOrgRole(judgment), Email, judgment);
            if (NotApproved(judgment) is { } reason)
            {
                _notApproved.Add(new RemovalPlan(request, null, [], RemovalStatus.Skipped, reason, "not approved in the plan"));
                continue;
            }

            _requests.Add(request);
        }
    }

    // A plan row is removed only when its sealed action is Remove, and a reviewer's Action column can only take it out.
    private string? NotApproved(InactivityJudgment judgment)
    {
        if (judgment.Sealed?.Action is { } sealedAction && !string.Equals(sealedAction, ApprovedAction, StringComparison.Ordinal))
        {
            return $"the sealed plan says '{sealedAction}', not '{ApprovedAction}': only a plan's Remove rows are removed";
        }

        if (PlannedAction is { } action && !string.Equals(action.Trim(), ApprovedAction, StringComparison.OrdinalIgnoreCase))
        {
            return action.Trim().Length == 0 ? "the reviewed plan's Action is blank, not 'Remove'" : $"the reviewed plan says '{action}', not '{ApprovedAction}'";
        }

        return null;
    }

    protected override void EndProcessing()
    {
        if (_requests.Count == 0 && _notApproved.Count == 0)
        {
            WriteSummary(IsPreview() || PlanOnly);
            return;
        }

        var (session, jira) = RequireJiraConnection();
        bool preview = IsPreview() || PlanOnly;
        DropOtherSites(session.SiteName);
        var perUserLook = LastLookOf(session);
        string runId = RemovalJournal.NewRunId();
        var runStart = session.JiraStats?.Snapshot();

        // Locked before anything is read, so a second run on the same journal stops here, having changed nothing.
        using var journal = preview ? null : OpenJournal(JournalPath, runId, KeyPath, KeyVault);
        var roles = new ProductRoleCache(jira);
        var paths = AccessPathsOf(session, "every granting group is taken as local, and a user whom no group grants the product is skipped.");
        var bulkLook = perUserLook is not null && ReadMode != ReadMode.PerUser
            ? new BulkLastLook(new DirectorySearchReader(session.Admin!, session.Organization!.Id), perUserLook, session.CloudId)
            : null;
        var reads = new RemovalReads(jira, roles, ReadMode, bulkLook);
        var planner = new RemovalPlanner(jira, roles, session.SiteName, ReadProtectionPolicy(session, jira, Exclude, ExcludeGroup, IncludeAppAccounts), (ILastLook?)bulkLook ?? perUserLook,
            lookWhenPlanning: preview, directoryEmail: DirectoryEmailOf(session), reads: reads, paths: paths);
        var run = new ChangeRun<RemovalRequest, RemovalPlan, ProductAccessRemoval>(
            new RemovalChange(jira, roles, planner, session.SiteName, paths), session.Fuse, MaxUsers, journal, session.SiteName, session.Connection.User ?? "(unknown)", runId);
        var writing = new RunWriting<RemovalPlan, ProductAccessRemoval>("RemovalFuseTripped", "RemovalPlanFailed", "RemovalFailed", ProgressIds.Removal,
            users => $"Remove-JiraProductAccess: reading the groups of {users} users", users => $"Remove-JiraProductAccess: removing access of {users} users",
            new RunLimits(ThrottleLimit, ThrottleLimit), _summary.Add, result => _summary.Add(result.Outcome, "declined"),
            result => _summary.Add(result.Outcome, result.SkipKind), () => _summary.Describe(false));
        // Reading the groups that grant the product comes first: when it fails, nothing can be planned.
        T Read<T>(Func<T> planned)
        {
            try
            {
                return planned();
            }
            catch (AtlassianApiException e) when (!run.HasBegun)
            {
                ThrowTerminatingError(Error($"Could not read the groups that grant {Product}: {e.Message}", "ProductRoleUnavailable", CategoryOf(e), Product, e));
                throw;
            }
        }

        if (PlanOnly)
        {
            var seal = OpenJudgmentSeal();
            var plans = Read(() => RunPlanning(run, _requests, writing)).Concat(_notApproved).ToList();
            plans.ForEach(p => WriteObject(RemovalPlanItem.From(p, seal, session.SiteName)));
            plans.ForEach(_summary.Add);
            WriteSummary(preview: true);
            return;
        }

        Read(() => RunChange(run, _requests, writing, _notApproved));
        if (preview)
        {
            WriteSummary(preview: true);
            return;
        }

        WriteSummary(preview: false);
        if (runStart is not null)
        {
            WriteVerbose($"Jira REST API, this run: {session.JiraStats!.Snapshot() - runStart}.");
        }

        WriteVerbose($"Reads (-ReadMode {ReadMode}): {reads.SnapshotPages} pages of group members; the last look: {(bulkLook is null ? "one call per user" : $"{bulkLook.SearchCalls} user search calls, {bulkLook.PerUserLooks} users looked at one by one (the search silent about them)")}.");
    }

    private LastLook? LastLookOf(JiraAdminSession session)
    {
        if (session.Admin is { } admin && session.Organization is { } organization)
        {
            return new LastLook(admin, organization.Id, session.CloudId);
        }

        if (JudgesHere)
        {
            ThrowTerminatingError(Error(
                "-MoreThan on Remove-JiraProductAccess judges the users with fresh data from the Admin API, and this connection has none. Connect with -AdminApiKey, or pipe the users through Get-InactiveJiraUser (from a CSV export) instead.",
                "JudgmentNeedsAdminApi", ErrorCategory.ConnectionError, null));
        }

        var oldest = _requests.Select(r => r.Judgment!.AsOf).DefaultIfEmpty(DateTime.UtcNow).Min();
        var age = DateTime.UtcNow - oldest;
        WriteWarning($"No last look: without the Admin API, the judgment is from the input's data, as of {oldest:yyyy-MM-dd HH:mm} UTC ({FormatAge(age)} old). A user who worked since then loses access too. Connect with -AdminApiKey to re-read each user's activity right before the change.");
        return null;
    }

    private static string FormatAge(TimeSpan age) => age.TotalDays >= 2 ? $"{(int)age.TotalDays} days"
        : age.TotalHours >= 1 ? $"{(int)age.TotalHours} hours"
        : $"{Math.Max(0, (int)age.TotalMinutes)} minutes";

    // A sealed judgment of another site than the connected one is refused, not merely skipped.
    private void DropOtherSites(string? siteName)
    {
        foreach (var request in _requests.Where(r => !IsForSite(r.AccountId, r.DisplayName, r.Judgment!, siteName, NotChanged)).ToList())
        {
            _requests.Remove(request);
            _summary.AddNotJudged();
        }
    }

    // The Admin API's email of a user whom Jira and the input give none, for -Exclude by email.
    private static Func<string, CancellationToken, Task<string?>>? DirectoryEmailOf(JiraAdminSession session) =>
        session.Lifecycle is { } lifecycle && session.Organization is { } organization
            ? async (id, token) => (await lifecycle.GetStatusAsync(organization.Id, id, token).ConfigureAwait(false))?.Email
            : null;

    private void WriteSummary(bool preview)
    {
        if (_requests.Count > 0 || _notApproved.Count > 0 || _summary.Describe(preview).Contains("refused", StringComparison.Ordinal))
        {
            WriteHostLine($"Remove-JiraProductAccess{(preview ? " (preview)" : string.Empty)}: {_summary.Describe(preview)}");
        }
    }
}
