using System.Management.Automation;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Core.Sessions;
using JiraDeactivate.Core.Suspension;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Restores suspended users' access to the organization, by account ID or from a Suspend-JiraUser journal.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Resume, "JiraUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpPages.Root + "Resume-JiraUser.md")]
[OutputType(typeof(UserSuspension))]
public sealed class ResumeJiraUserCommand : JiraCmdlet
{
    private const string SuspendAction = "Suspend";
    private readonly List<UserLifecycleRequest> _requests = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<RestoreSelection> _journals = [];
    private readonly RunSummary _summary = LifecycleCounts.Summary(suspend: false);

    // One parameter set: an object with a JournalPath (Suspend-JiraUser's results, Get-JiraChangeRun's runs) must always
    // go to its journal, and with two sets PowerShell's binder may pick the account-ID one for it.

    /// <summary>
    /// The users' Atlassian account IDs. With a journal (Suspend-JiraUser's results carry theirs), only those users of
    /// its runs, and only if a run suspended them.
    /// </summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyCollection]
    public string[] AccountId { get; set; } = [];

    /// <summary>
    /// What comes down the pipeline: account IDs as text. Any other object binds by its properties instead (AccountId,
    /// JournalPath, RunId, KeyPath); taking it whole keeps PowerShell from turning it into an account ID as text.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    [AllowNull]
    public object? InputObject { get; set; }

    /// <summary>
    /// The journal of a Suspend-JiraUser run: resumes only the users that run suspended. Bound by property name from
    /// Suspend-JiraUser's results and Get-JiraChangeRun's objects.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? JournalPath { get; set; }

    /// <summary>Only this run of the journal.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? RunId { get; set; }

    /// <summary>The folder that holds the suspend runs' seal keys, when it is not this machine's per-user folder.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? KeyPath { get; set; }

    /// <summary>
    /// The SecretManagement vault that holds the suspend runs' seal keys (the -KeyVault the run was given); bound by property name
    /// from Get-JiraChangeRun's objects. The runs' heads are read from -KeyPath when given, else beside the journal.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? KeyVault { get; set; }

    /// <summary>What the input object records (bound from Suspend-JiraUser's results): a suspend result without a journal is not resumed by ID.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? Action { get; set; }

    /// <summary>
    /// Also resume from runs whose lines cannot be checked for edits, because their seal keys are not in the key folder.
    /// Review such a journal first.
    /// </summary>
    [Parameter]
    public SwitchParameter AllowUnsealed { get; set; }

    /// <summary>The fuse: a run that would resume more users stops before changing anything (counted over the connection's runs). Default 50.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MaxUsers { get; set; } = 50;

    /// <summary>How many users are resumed at the same time.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>The connection to use (from Connect-JiraAdmin -PassThru); default this session's connection.</summary>
    [Parameter]
    public JiraAdminConnection? Connection { get; set; }

    protected override void ProcessRecord()
    {
        if ((InputObject is PSObject wrapped ? wrapped.BaseObject : InputObject) is string text)
        {
            AccountId = [text];
        }

        if (!string.IsNullOrWhiteSpace(JournalPath))
        {
            _journals.Add(new RestoreSelection(SessionState.Path.GetUnresolvedProviderPathFromPSPath(JournalPath!), RunId, AccountId, null, KeyPath, KeyVault));
            return;
        }

        if (string.Equals(Action, SuspendAction, StringComparison.OrdinalIgnoreCase))
        {
            // A Suspend-JiraUser result without its journal (a preview's, or one exported without it): whoever it names may
            // have been suspended by someone else, so it is not taken as a request to resume them.
            foreach (string id in AccountId)
            {
                WriteError(Error($"'{id}' comes from a Suspend-JiraUser result that names no journal, so it is not resumed: only users a journaled run suspended are resumed from its results. Give the account ID alone (Resume-JiraUser -AccountId {id}) to resume it anyway.",
                    "ResumeInputWithoutJournal", ErrorCategory.InvalidData, id));
            }

            return;
        }

        if (AccountId.Length == 0)
        {
            WriteError(Error("Resume-JiraUser needs -AccountId or -JournalPath (or objects that carry them).", "ResumeInputMissing", ErrorCategory.InvalidArgument, null));
            return;
        }

        foreach (string id in AccountId.Where(id => !string.IsNullOrWhiteSpace(id) && _seen.Add(id)))
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
            // The journal file is named by the run ID its lines carry.
            string runId = RemovalJournal.NewRunId();
            using var journal = preview ? null : OpenJournal(null, runId, KeyPath, KeyVault);
            var statuses = BulkStatusesFor(session, organizationId, _requests);
            var run = new ChangeRun<UserLifecycleRequest, SuspensionPlan, UserSuspension>(
                LifecycleChange.Resume(lifecycle, organizationId, directoryId, session.SiteName, ownRun: true, statuses),
                session.Fuse, MaxUsers, journal, session.SiteName, session.Connection.User ?? "(unknown)", runId);
            RunLifecycle(run, _requests, _summary, ThrottleLimit);
            WriteStatusReads(statuses);
        }

        foreach (var journal in _journals.GroupBy(s => (s.JournalPath!, s.KeyPath, s.KeyVault)))
        {
            var selections = journal.ToList();
            var rails = new ResumeRails(journal.Key.KeyPath, AllowUnsealed, ThrottleLimit, RequireSession().Fuse, MaxUsers) { KeyVault = journal.Key.KeyVault };
            ResumeFromJournal(journal.Key.Item1, entry => selections.Any(s => s.Includes(entry)), rails, _summary);
        }

        if (_requests.Count > 0 || _journals.Count > 0)
        {
            WriteHostLine($"Resume-JiraUser{(preview ? " (preview)" : string.Empty)}: {_summary.Describe(preview)}");
        }
    }
}
