using System.Management.Automation;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Core.Suspension;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Suspends inactive users' access to the organization (every product; groups are kept, and no seat is billed while suspended).</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Suspend, "JiraUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(UserSuspension))]
public sealed class SuspendJiraUserCommand : JiraCmdlet
{
    private const string Verb = "suspend";
    private readonly List<UserLifecycleRequest> _requests = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly LifecycleSummary _summary = new("would suspend", "suspended");
    private bool _judgeHere;

    /// <summary>The users' Atlassian account IDs (from Get-InactiveJiraUser, or any object with AccountId).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] AccountId { get; set; } = [];

    /// <summary>
    /// The judgment: suspend only users inactive for more than this many days, in every product. Bound from
    /// Get-InactiveJiraUser's objects; given here, the users are judged now with data from the Admin API.
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

    /// <summary>The user's email (bound from the input): -Exclude matches it too.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? Email { get; set; }

    /// <summary>The fuse: a run that would suspend more users stops before changing anything. Default 50.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MaxUsers { get; set; } = 50;

    /// <summary>Account IDs or emails never to suspend; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[] Exclude { get; set; } = [];

    /// <summary>Members of these groups are never suspended (administrators' groups always are protected); wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[] ExcludeGroup { get; set; } = [];

    /// <summary>Also suspend app (bot) accounts.</summary>
    [Parameter]
    public SwitchParameter IncludeAppAccounts { get; set; }

    /// <summary>Also suspend users active in another product within the judgment's period (a suspension cuts every product).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The JSON Lines journal to append to; default a new file in the per-user application data folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? JournalPath { get; set; }

    /// <summary>How many users are read and suspended at the same time; the rate limit still paces the calls.</summary>
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
                    $"'{DisplayName ?? id}' ({id}) carries no inactivity judgment, so it is not suspended: Suspend-JiraUser suspends only users judged inactive. Pipe the users through Get-InactiveJiraUser -Product <product> -MoreThan <days> first, or give -MoreThan <days> here to judge them with fresh data from the Admin API.",
                    "InputNotJudged", ErrorCategory.InvalidData, id));
                continue;
            }

            if (_seen.Add(id))
            {
                _requests.Add(new UserLifecycleRequest(id, DisplayName, Site, OrgRole, Email, judgment));
            }
        }
    }

    protected override void EndProcessing()
    {
        bool preview = IsPreview();
        if (_requests.Count > 0)
        {
            var (session, jira) = RequireJiraConnection();
            var (organizationId, lifecycle, directoryId) = RequireDirectory(session);
            string runId = RemovalJournal.NewRunId();

            // Locked before anything is read, so a second run on the same journal stops here, having changed nothing.
            using var journal = preview ? null : OpenJournal(JournalPath, runId);
            var policy = ReadProtectionPolicy(session, jira, Exclude, ExcludeGroup, IncludeAppAccounts);
            var planner = new SuspendPlanner(jira, session.Admin!, lifecycle, organizationId, session.SiteName, policy, Force);
            var run = new ChangeRun<UserLifecycleRequest, SuspensionPlan, UserSuspension>(
                LifecycleChange.Suspend(lifecycle, organizationId, directoryId, session.SiteName, planner),
                session.Fuse, MaxUsers, journal, session.SiteName, session.Connection.User ?? "(unknown)", runId);
            RunLifecycle(run, _requests, _summary, Verb, ThrottleLimit, preview, session.SiteName);
        }

        WriteHostLine($"Suspend-JiraUser{(preview ? " (preview)" : string.Empty)}: {_summary.Describe(preview)}");
    }
}
