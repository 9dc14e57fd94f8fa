using System.Management.Automation;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Removes users' access to a Jira product by removing them from the groups that grant it; keeps their accounts.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "JiraProductAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(ProductAccessRemoval), typeof(RemovalPlanItem))]
public sealed class RemoveJiraProductAccessCommand : JiraCmdlet
{
    private const string ApprovedAction = "Remove";
    private readonly List<RemovalRequest> _requests = [];
    private readonly List<RemovalPlan> _notApproved = [];
    private readonly HashSet<(string, JiraProduct)> _seen = [];
    private readonly RunSummary _summary = new("would remove the access of", "removed the access of");
    private bool _judgeHere;
    // Boxed rather than an enum field: PowerShell loads every public type of this assembly at Import-Module, and a
    // field of the core's enum would load the core with it (tests/pester/ModuleLoading.Tests.ps1 checks that it does not).
    private object _product = default(JiraProduct);

    /// <summary>The users' Atlassian account IDs (from Get-InactiveJiraUser, or any object with AccountId).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] AccountId { get; set; } = [];

    /// <summary>The product to remove access from.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ProductNameTransformation]
    public JiraProduct Product { get => (JiraProduct)_product; set => _product = value; }

    /// <summary>
    /// The judgment: change only users inactive for more than this many days. Bound from Get-InactiveJiraUser's
    /// objects (or a CSV of them); given here, the users are judged with fresh data from the Admin API.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 36500)]
    [ArgumentCompleter(typeof(Completion.InactivityPeriodCompleter))]
    public int MoreThan { get; set; }

    /// <summary>When the input's judgment was made (bound from Get-InactiveJiraUser's objects).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public DateTime? AsOf { get; set; }

    /// <summary>The site the input is about; users of another site than the connected one are skipped.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Site { get; set; }

    /// <summary>The name shown in messages (bound from the input object).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? DisplayName { get; set; }

    /// <summary>The organization role (bound from CSV input): admins are protected.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? OrgRole { get; set; }

    /// <summary>The user's email (bound from the input): -Exclude matches it too, also when Jira hides the email.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? Email { get; set; }

    /// <summary>A reviewed plan's action (bound from -PlanOnly's objects): only "Remove" rows are changed.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("Action")]
    public string? PlannedAction { get; set; }

    /// <summary>The fuse: a run that would change more users stops before changing anything. Default 50.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MaxUsers { get; set; } = 50;

    /// <summary>Account IDs or emails never to change; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[] Exclude { get; set; } = [];

    /// <summary>Members of these groups are never changed (administrators' groups always are protected); wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[] ExcludeGroup { get; set; } = [];

    /// <summary>Also change app (bot) accounts.</summary>
    [Parameter]
    public SwitchParameter IncludeAppAccounts { get; set; }

    /// <summary>Emits one plan object per input (what would change and why) and changes nothing.</summary>
    [Parameter]
    public SwitchParameter PlanOnly { get; set; }

    /// <summary>The JSON Lines journal to append to; default a new file in the per-user application data folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? JournalPath { get; set; }

    /// <summary>How many users are changed at the same time; the rate limit still paces the calls.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    protected override void BeginProcessing() => _judgeHere = MyInvocation.BoundParameters.ContainsKey(nameof(MoreThan));

    protected override void ProcessRecord()
    {
        var judgment = MoreThan > 0 ? new InactivityJudgment(MoreThan, _judgeHere ? DateTime.UtcNow : AsOf?.ToUniversalTime() ?? DateTime.UtcNow) : null;
        foreach (string id in AccountId)
        {
            if (judgment is null)
            {
                _summary.AddNotJudged();
                WriteError(Error(
                    $"'{DisplayName ?? id}' ({id}) carries no inactivity judgment, so its access is not changed: Remove-JiraProductAccess changes only users judged inactive. Pipe the users through Get-InactiveJiraUser -Product {Product} -MoreThan <days> first, or give -MoreThan <days> here to judge them with fresh data from the Admin API.",
                    "InputNotJudged", ErrorCategory.InvalidData, id));
                continue;
            }

            if (!_seen.Add((id, Product)))
            {
                continue;
            }

            var request = new RemovalRequest(id, Product, DisplayName, Site, OrgRole, Email, judgment);
            if (PlannedAction is { Length: > 0 } action && !string.Equals(action, ApprovedAction, StringComparison.OrdinalIgnoreCase))
            {
                _notApproved.Add(new RemovalPlan(request, null, [], RemovalStatus.Skipped, $"the reviewed plan says '{action}', not '{ApprovedAction}'", "not approved in the plan"));
                continue;
            }

            _requests.Add(request);
        }
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
        var lastLook = LastLookOf(session);
        string runId = RemovalJournal.NewRunId();
        var runStart = session.JiraStats?.Snapshot();

        // Locked before anything is read, so a second run on the same journal stops here, having changed nothing.
        using var journal = preview ? null : OpenJournal(runId);
        var roles = new ProductRoleCache(jira);
        var plans = Plan(new RemovalPlanner(jira, roles, session.SiteName, Policy(session, jira), lastLook)).Concat(_notApproved).ToList();
        if (PlanOnly)
        {
            plans.ForEach(p => WriteObject(RemovalPlanItem.From(p)));
            plans.ForEach(_summary.Add);
            WriteSummary(preview: true);
            return;
        }

        CheckFuse(session.Fuse, plans.Count(p => p.ChangesAccess), preview);
        foreach (var plan in plans.Where(p => !p.ChangesAccess))
        {
            _summary.Add(plan);
            if (preview)
            {
                WriteHostLine($"What if: Not changing \"{plan.Target}\": {plan.Outcome} ({plan.Reason}).");
            }
            else
            {
                ReportUnchanged(plan, session.SiteName);
            }
        }

        var approved = plans.Where(p => p.ChangesAccess && ShouldProcess(p.Target, p.Action)).ToList();
        if (preview)
        {
            plans.Where(p => p.ChangesAccess).ToList().ForEach(_summary.Add);
            WriteSummary(preview: true);
            return;
        }

        if (approved.Count > 0 && journal is not null)
        {
            Execute(session, jira, roles, journal, runId, approved);
        }

        WriteSummary(preview: false);
        if (runStart is not null)
        {
            WriteVerbose($"Jira REST API, this run: {session.JiraStats!.Snapshot() - runStart}.");
        }
    }

    private void Execute(JiraAdminSession session, JiraRestClient jira, ProductRoleCache roles, RemovalJournal journal, string runId, List<RemovalPlan> approved)
    {
        journal.StartRun(runId, RestorePlanner.RemovalOperation, session.SiteName, $"{RestorePlanner.RemovalOperation} by {session.Connection.User}: {approved.Count} users");
        foreach (var plan in approved)
        {
            journal.Append(new JournalEntry
            {
                RunId = runId, Event = JournalEvent.Planned, AccountId = plan.Request.AccountId, DisplayName = plan.DisplayName,
                Product = plan.Request.Product, Site = session.SiteName, Groups = plan.Groups.Select(g => g.Name).ToArray(),
                Message = JudgmentNote(plan),
            });
        }

        WriteVerbose($"Journal: {journal.Path} (run {runId}).");
        var executor = new RemovalExecutor(jira, roles, journal, runId, session.SiteName);
        RunForEach(approved, ThrottleLimit, 3, $"Remove-JiraProductAccess: removing access of {approved.Count} users", async (plan, queue, ct) =>
        {
            var result = await executor.ExecuteAsync(plan, ct).ConfigureAwait(false);
            if (result.GroupsRemoved.Count > 0)
            {
                session.Fuse.Record(1);
            }

            _summary.Add(result.Outcome, null);
            queue.WriteObject(result);
            if (result.Outcome == RemovalStatus.Failed)
            {
                queue.WriteError(Error($"{plan.Target}: {result.Message}", "RemovalFailed", ErrorCategory.InvalidResult, plan.Request.AccountId));
            }
        });
    }

    // The journal says what each change was judged on: the last look, or the input's data and its age.
    private static string JudgmentNote(RemovalPlan plan)
    {
        var judgment = plan.Request.Judgment!;
        return plan.LastLook is { } look
            ? $"inactive for more than {judgment.MoreThan} days; {look.Describe()}"
            : $"inactive for more than {judgment.MoreThan} days, judged from the input's data as of {judgment.AsOf:yyyy-MM-dd HH:mm} UTC; no last look (no Admin API)";
    }

    private LastLook? LastLookOf(JiraAdminSession session)
    {
        if (session.Admin is { } admin && session.Organization is { } organization)
        {
            return new LastLook(admin, organization.Id, session.CloudId);
        }

        if (_judgeHere)
        {
            ThrowTerminatingError(Error(
                "-MoreThan on Remove-JiraProductAccess judges the users with fresh data from the Admin API, and this connection has none. Connect with -AdminApiKey, or pipe the users through Get-InactiveJiraUser (from a CSV export) instead.",
                "JudgmentNeedsAdminApi", ErrorCategory.ConnectionError, null));
        }

        var oldest = _requests.Select(r => r.Judgment!.AsOf).DefaultIfEmpty(DateTime.UtcNow).Min();
        var age = DateTime.UtcNow - oldest;
        WriteWarning($"No last look: without the Admin API, the judgment is from the input's data{(age > TimeSpan.FromHours(1) ? $", as of {oldest:yyyy-MM-dd HH:mm} UTC ({FormatAge(age)} old)" : string.Empty)}. A user who worked since then loses access too. Connect with -AdminApiKey to re-read each user's activity right before the change.");
        return null;
    }

    private static string FormatAge(TimeSpan age) => age.TotalDays >= 2 ? $"{(int)age.TotalDays} days" : $"{(int)age.TotalHours} hours";

    private void WriteSummary(bool preview)
    {
        if (_requests.Count > 0 || _notApproved.Count > 0 || _summary.Describe(preview).Contains("refused", StringComparison.Ordinal))
        {
            WriteHostLine($"Remove-JiraProductAccess{(preview ? " (preview)" : string.Empty)}: {_summary.Describe(preview)}");
        }
    }

    private List<RemovalPlan> Plan(RemovalPlanner planner)
    {
        var plans = new RemovalPlan[_requests.Count];
        try
        {
            RunForEach(Enumerable.Range(0, _requests.Count).ToList(), ThrottleLimit, 3, $"Remove-JiraProductAccess: reading the groups of {_requests.Count} users",
                async (i, _, ct) => plans[i] = await planner.PlanAsync(_requests[i], ct).ConfigureAwait(false));
        }
        catch (AtlassianApiException e)
        {
            ThrowTerminatingError(Error($"Could not read the groups that grant {Product}: {e.Message}", "ProductRoleUnavailable", CategoryOf(e), Product, e));
        }

        return plans.ToList();
    }

    private void CheckFuse(ChangeFuse fuse, int changing, bool preview)
    {
        if (fuse.Check(changing, MaxUsers, "remove product access from") is not { } message)
        {
            return;
        }

        if (preview)
        {
            WriteWarning(message);
            return;
        }

        ThrowTerminatingError(Error(message, "RemovalFuseTripped", ErrorCategory.LimitsExceeded, changing));
    }

    private ProtectionPolicy Policy(JiraAdminSession session, JiraRestClient jira)
    {
        var exclusions = new WildcardMatcher(Exclude);
        var excludedGroups = new WildcardMatcher(ProtectionPolicy.AdministratorGroupNames.Concat(ExcludeGroup));
        var policy = new ProtectionPolicy
        {
            ConnectedAccountId = session.Account?.AccountId,
            IsExcluded = (id, email) => exclusions.IsMatch(id) || exclusions.IsMatch(email),
            IsExcludedGroup = excludedGroups.IsMatch,
            IncludeAppAccounts = IncludeAppAccounts,
        };
        try
        {
            AdministratorGroups? groups = null;
            RunAsync(async (_, token) => groups = await AdministratorGroups.ReadAsync(jira, token).ConfigureAwait(false));
            WriteVerbose($"Administrators' groups (Jira's admin and site-admin access): {string.Join(", ", groups!.Groups.Select(g => g.Name).Distinct())}.");
            return policy with { AdministratorGroups = groups };
        }
        catch (AtlassianApiException e)
        {
            string reason = $"not changed: the administrators' groups could not be read ({e.Message}), so whether the user is an admin is unknown";
            WriteWarning($"The administrators' groups could not be read from Jira ({e.Message}): every user is skipped.");
            return policy with { Unchecked = reason };
        }
    }

    private void ReportUnchanged(RemovalPlan plan, string? siteName)
    {
        WriteObject(RemovalResults.From(plan, plan.Outcome ?? RemovalStatus.NoAccess, plan.Reason, null, null, siteName));
        if (plan.Outcome == RemovalStatus.Failed)
        {
            WriteError(Error($"{plan.Target}: {plan.Reason}", "RemovalPlanFailed", ErrorCategory.ObjectNotFound, plan.Request.AccountId));
        }
    }

    private RemovalJournal OpenJournal(string runId)
    {
        string path = JournalPath is null
            ? RemovalJournal.DefaultPath(runId)
            : SessionState.Path.GetUnresolvedProviderPathFromPSPath(JournalPath);
        try
        {
            return RemovalJournal.Open(path);
        }
        catch (JournalException e)
        {
            ThrowTerminatingError(Error(e.Message, e.InUse ? "JournalInUse" : "JournalNotWritable", e.InUse ? ErrorCategory.ResourceBusy : ErrorCategory.WriteError, path, e));
            throw;
        }
    }
}
