using System.Management.Automation;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Core.Suspension;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Suspends inactive users' access to the organization (every product; groups are kept, and no seat is billed while suspended).</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Suspend, "JiraUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpPages.Root + "Suspend-JiraUser.md")]
[OutputType(typeof(UserSuspension))]
public sealed class SuspendJiraUserCommand : JudgedChangeCmdlet
{
    private const string NotChanged = "it is not suspended: Suspend-JiraUser suspends only users judged inactive";
    private readonly List<UserLifecycleRequest> _requests = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly RunSummary _summary = LifecycleCounts.Summary(suspend: true);

    /// <summary>Also suspend users active in another product than the judged one within the judgment's period (a suspension cuts every product); never overrides activity in the judged product.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// How the last look reads the users' activity: Auto (default) reads the v2 user search for the whole run (by account
    /// ID or the directory, whichever costs fewer calls) from 10 users on, PerUser one last-active-dates call per user and
    /// look, Bulk the search whatever the run's size. A user the search is not sure about gets the per-user answer.
    /// </summary>
    [Parameter]
    public Core.Removal.ReadMode ReadMode { get => (Core.Removal.ReadMode)_readMode; set => _readMode = value; }

    // Boxed: the loader rule (Loading/ModuleInitializer.cs).
    private object _readMode = Core.Removal.ReadMode.Auto;

    protected override void ProcessRecord()
    {
        foreach (string id in AccountId)
        {
            var judgment = AcceptJudgment(id, null, NotChanged, "Get-InactiveJiraUser -Product <product> -MoreThan <days>");
            if (judgment is null)
            {
                _summary.AddNotJudged();
                continue;
            }

            if (_seen.Add(id))
            {
                _requests.Add(new UserLifecycleRequest(id, DisplayName, judgment.Sealed?.Site ?? Site, ProtectiveOrgRole(judgment), Email, judgment));
            }
        }
    }

    protected override void EndProcessing()
    {
        bool preview = IsPreview();
        if (_requests.Count > 0)
        {
            var (session, jira) = RequireJiraConnection();
            _requests.RemoveAll(r => !IsForSite(r.AccountId, r.DisplayName, r.Judgment!, session.SiteName, NotChanged));
            var (organizationId, lifecycle, directoryId) = RequireDirectory(session);
            string runId = RemovalJournal.NewRunId();

            // Locked before anything is read, so a second run on the same journal stops here, having changed nothing.
            using var journal = preview ? null : OpenJournal(JournalPath, runId, KeyPath, KeyVault);
            var policy = ReadProtectionPolicy(session, jira, Exclude, ExcludeGroup, IncludeAppAccounts);
            bool bulk = ReadMode == Core.Removal.ReadMode.Bulk || (ReadMode == Core.Removal.ReadMode.Auto && _requests.Count >= Core.Removal.RemovalReads.BulkLookFrom);
            var activity = bulk ? new BulkActivity(new Core.Inactivity.DirectorySearchReader(session.Admin!, organizationId), session.Admin!, organizationId, _requests.Select(r => r.AccountId).ToList()) : null;
            var planner = new SuspendPlanner(jira, session.Admin!, lifecycle, organizationId, session.SiteName, policy, Force, cloudId: session.CloudId, bulk: activity);
            var run = new ChangeRun<UserLifecycleRequest, SuspensionPlan, UserSuspension>(
                LifecycleChange.Suspend(lifecycle, organizationId, directoryId, session.SiteName, planner, activity),
                session.Fuse, MaxUsers, journal, session.SiteName, session.Connection.User ?? "(unknown)", runId);
            RunLifecycle(run, _requests, _summary, ThrottleLimit);
            WriteVerbose(activity is null
                ? $"The last look (-ReadMode {ReadMode}): one last-active-dates call per user and look."
                : $"The last look (-ReadMode {ReadMode}): {activity.SearchCalls} user search calls, {activity.PerUserLooks} looks one by one (the search not sure about them), {activity.Statuses.PerUserStatusReads} statuses read one by one (not in the search); the statuses after the changes read back from the same search, {activity.Statuses.PerUserReadBacks} of them one by one.");
        }

        WriteHostLine($"Suspend-JiraUser{(preview ? " (preview)" : string.Empty)}: {_summary.Describe(preview)}");
    }
}
