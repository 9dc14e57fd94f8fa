using System.Management.Automation;
using JiraDeactivate.Core.Removal;

namespace JiraDeactivate;

/// <summary>
/// Base of the cmdlets that change users judged inactive (Remove-JiraProductAccess, Suspend-JiraUser): the input
/// they bind, the judgment it must carry, and the rails every such change shares (fuse, exclusions, journal).
/// </summary>
public abstract class JudgedChangeCmdlet : JiraCmdlet
{
    private bool _judgeHere;

    /// <summary>The users' Atlassian account IDs (from Get-InactiveJiraUser, or any object with AccountId).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] AccountId { get; set; } = [];

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

    /// <summary>
    /// The folder for the run's seal key (default the per-user data folder): give one that outlives the machine (a
    /// runbook's durable storage, beside its journals), so the run can be undone from anywhere that folder is reachable.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KeyPath { get; set; }

    /// <summary>How many users are changed at the same time; the rate limit still paces the calls.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>True when -MoreThan was given on the command line: every input is judged here, with fresh data.</summary>
    private protected bool JudgesHere => _judgeHere;

    protected override void BeginProcessing() => _judgeHere = MyInvocation.BoundParameters.ContainsKey(nameof(MoreThan));

    /// <summary>The judgment the current input carries, or the one this run makes with -MoreThan; null when there is none.</summary>
    private protected InactivityJudgment? CurrentJudgment() =>
        MoreThan > 0 ? new InactivityJudgment(MoreThan, _judgeHere ? DateTime.UtcNow : AsOf?.ToUniversalTime() ?? DateTime.UtcNow) : null;

    /// <summary>The InputNotJudged error for one account of an input without a judgment.</summary>
    /// <param name="id">The account.</param>
    /// <param name="consequence">What does not happen, and why ("it is not suspended: Suspend-JiraUser suspends only users judged inactive").</param>
    /// <param name="judgeWith">The command that judges users ("Get-InactiveJiraUser -Product JiraSoftware -MoreThan &lt;days&gt;").</param>
    private protected void RefuseUnjudged(string id, string consequence, string judgeWith) =>
        WriteError(Error(
            $"'{DisplayName ?? id}' ({id}) carries no inactivity judgment, so {consequence}. Pipe the users through {judgeWith} first, or give -MoreThan <days> here to judge them with fresh data from the Admin API.",
            "InputNotJudged", ErrorCategory.InvalidData, id));
}
