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
[OutputType(typeof(ProductAccessRemoval))]
public sealed class RemoveJiraProductAccessCommand : JiraCmdlet
{
    private readonly List<RemovalRequest> _requests = [];
    private readonly HashSet<(string, JiraProduct)> _seen = [];

    /// <summary>The users' Atlassian account IDs (from Get-InactiveJiraUser, or any object with AccountId).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] AccountId { get; set; } = [];

    /// <summary>The product to remove access from.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ProductNameTransformation]
    public JiraProduct Product { get; set; }

    /// <summary>The site the input is about; users of another site than the connected one are skipped.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Site { get; set; }

    /// <summary>The name shown in messages (bound from the input object).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? DisplayName { get; set; }

    /// <summary>The organization role (bound from CSV input): admins are protected.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? OrgRole { get; set; }

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

    /// <summary>The JSON Lines journal to append to; default a new file in the per-user application data folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? JournalPath { get; set; }

    /// <summary>How many users are changed at the same time; the rate limit still paces the calls.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>The user's email (bound from the input): -Exclude matches it too, also when Jira hides the email.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? Email { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string id in AccountId)
        {
            if (_seen.Add((id, Product)))
            {
                _requests.Add(new RemovalRequest(id, Product, DisplayName, Site, OrgRole, Email));
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_requests.Count == 0)
        {
            return;
        }

        var (session, jira) = RequireJiraConnection();
        bool preview = IsPreview();
        string runId = RemovalJournal.NewRunId();

        // Locked before anything is read, so a second run on the same journal stops here, having changed nothing.
        using var journal = preview ? null : OpenJournal(runId);
        var roles = new ProductRoleCache(jira);
        var plans = Plan(new RemovalPlanner(jira, roles, session.SiteName, Policy(session, jira)));
        CheckFuse(session.Fuse, plans.Count(p => p.ChangesAccess), preview);

        foreach (var plan in plans.Where(p => !p.ChangesAccess))
        {
            if (preview)
            {
                WriteVerbose($"{plan.Target}: {plan.Outcome} ({plan.Reason}).");
            }
            else
            {
                ReportUnchanged(plan, session.SiteName);
            }
        }

        var approved = plans.Where(p => p.ChangesAccess && ShouldProcess(p.Target, p.Action)).ToList();
        if (approved.Count == 0 || journal is null)
        {
            return;
        }

        journal.StartRun(runId, RestorePlanner.RemovalOperation, session.SiteName, $"{RestorePlanner.RemovalOperation} by {session.Connection.User}: {approved.Count} users");
        foreach (var plan in approved)
        {
            journal.Append(new JournalEntry
            {
                RunId = runId, Event = JournalEvent.Planned, AccountId = plan.Request.AccountId, DisplayName = plan.DisplayName,
                Product = plan.Request.Product, Site = session.SiteName, Groups = plan.Groups.Select(g => g.Name).ToArray(),
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

            queue.WriteObject(result);
            if (result.Outcome == RemovalStatus.Failed)
            {
                queue.WriteError(Error($"{plan.Target}: {result.Message}", "RemovalFailed", ErrorCategory.InvalidResult, plan.Request.AccountId));
            }
        },
        queue => queue.WriteVerbose($"Jira REST API: {session.JiraStats}."));
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
