using System.Management.Automation;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Core.Suspension;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Suspends inactive users' access to the organization (every product; groups are kept, and no seat is billed while suspended).</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Suspend, "JiraUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(UserSuspension))]
public sealed class SuspendJiraUserCommand : JudgedChangeCmdlet
{
    private const string Verb = "suspend";
    private readonly List<UserLifecycleRequest> _requests = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly LifecycleSummary _summary = new("would suspend", "suspended");

    /// <summary>Also suspend users active in another product within the judgment's period (a suspension cuts every product).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var judgment = CurrentJudgment();
        foreach (string id in AccountId)
        {
            if (judgment is null)
            {
                _summary.AddNotJudged();
                RefuseUnjudged(id, "it is not suspended: Suspend-JiraUser suspends only users judged inactive", "Get-InactiveJiraUser -Product <product> -MoreThan <days>");
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
            using var journal = preview ? null : OpenJournal(JournalPath, runId, KeyPath);
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
