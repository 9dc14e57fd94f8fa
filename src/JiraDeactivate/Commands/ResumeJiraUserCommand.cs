using System.Management.Automation;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Core.Suspension;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Restores suspended users' access to the organization, by account ID or from a Suspend-JiraUser journal.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Resume, "JiraUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = IdSet, HelpUri = HelpPages.Root + "Resume-JiraUser.md")]
[OutputType(typeof(UserSuspension))]
public sealed class ResumeJiraUserCommand : JiraCmdlet
{
    private const string IdSet = "AccountId";
    private const string JournalSet = "Journal";
    private const string Verb = "resume";
    private readonly List<UserLifecycleRequest> _requests = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _journals = [];
    private readonly LifecycleSummary _summary = new("would resume", "resumed");

    /// <summary>The users' Atlassian account IDs (or objects with AccountId, such as Suspend-JiraUser's results).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] AccountId { get; set; } = [];

    /// <summary>The journal of a Suspend-JiraUser run: resumes only the users that run suspended.</summary>
    [Parameter(Mandatory = true, ParameterSetName = JournalSet)]
    [ValidateNotNullOrEmpty]
    public string? JournalPath { get; set; }

    /// <summary>Only this run of the journal.</summary>
    [Parameter(ParameterSetName = JournalSet)]
    public string? RunId { get; set; }

    /// <summary>
    /// Also resume from runs whose lines cannot be checked for edits, because their seal keys are not on this machine.
    /// Review such a journal first.
    /// </summary>
    [Parameter(ParameterSetName = JournalSet)]
    public SwitchParameter AllowUnsealed { get; set; }

    /// <summary>How many users are resumed at the same time.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>The connection to use (from Connect-JiraAdmin -PassThru); default this session's connection.</summary>
    [Parameter]
    public JiraAdminConnection? Connection { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == JournalSet)
        {
            _journals.Add(SessionState.Path.GetUnresolvedProviderPathFromPSPath(JournalPath!));
            return;
        }

        foreach (string id in AccountId.Where(_seen.Add))
        {
            _requests.Add(new UserLifecycleRequest(id));
        }
    }

    protected override void EndProcessing()
    {
        bool preview = IsPreview();
        if (_requests.Count > 0)
        {
            var session = RequireSession();
            var (organizationId, lifecycle, directoryId) = RequireDirectory(session);
            using var journal = preview ? null : OpenJournal(null, null);
            var run = new ChangeRun<UserLifecycleRequest, SuspensionPlan, UserSuspension>(
                LifecycleChange.Resume(lifecycle, organizationId, directoryId, session.SiteName, ownRun: true),
                new ChangeFuse(), int.MaxValue, journal, session.SiteName, session.Connection.User ?? "(unknown)");
            RunLifecycle(run, _requests, _summary, Verb, ThrottleLimit, preview, session.SiteName);
        }

        foreach (string path in _journals.Distinct(StringComparer.Ordinal))
        {
            ResumeFromJournal(path, RunId is { Length: > 0 } run ? e => e.RunId == run : null, AllowUnsealed, ThrottleLimit, _summary);
        }

        if (_requests.Count > 0 || _journals.Count > 0)
        {
            WriteHostLine($"Resume-JiraUser{(preview ? " (preview)" : string.Empty)}: {_summary.Describe(preview)}");
        }
    }
}
