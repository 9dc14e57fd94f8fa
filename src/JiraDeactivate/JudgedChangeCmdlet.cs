using System.Management.Automation;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate;

/// <summary>
/// Base of the cmdlets that change users judged inactive (Remove-JiraProductAccess, Suspend-JiraUser): the input
/// they bind, the judgment it must carry, and the rails every such change shares (fuse, exclusions, journal).
/// </summary>
public abstract class JudgedChangeCmdlet : JiraCmdlet
{
    private bool _judgeHere;
    // A JudgmentSeal, as object: a field of a core type would load the core at Import-Module (ModuleLoading.Tests.ps1).
    private object? _seal;

    /// <summary>The users' Atlassian account IDs (from Get-InactiveJiraUser, or any object with AccountId).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] AccountId { get; set; } = [];

    /// <summary>
    /// The sealed judgment (bound from Get-InactiveJiraUser's objects and -PlanOnly rows, also after Export-Csv and
    /// Import-Csv or JSON): the input is changed only when it verifies and names the same account, product and site.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Judgment { get; set; }

    /// <summary>
    /// Judges the users here with fresh data from the Admin API: change only users inactive for more than this many
    /// days. Only from the command line: a MoreThan column of the input is never read.
    /// </summary>
    [Parameter]
    [ValidateRange(1, 36500)]
    [ArgumentCompleter(typeof(Completion.InactivityPeriodCompleter))]
    public int MoreThan { get; set; }

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

    /// <summary>
    /// A SecretManagement vault for the run's seal key (the secret JiraDeactivate.journal.&lt;runId&gt;), instead of a key
    /// folder, so the run can be undone wherever that vault is registered; the run's head stays in -KeyPath when given,
    /// else beside the journal.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KeyVault { get; set; }

    /// <summary>How many users are changed at the same time; the rate limit still paces the calls.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>The connection to use (from Connect-JiraAdmin -PassThru); default this session's connection.</summary>
    [Parameter]
    public JiraAdminConnection? Connection { get; set; }

    /// <summary>True when -MoreThan was given on the command line: every input is judged here, with fresh data.</summary>
    private protected bool JudgesHere => _judgeHere;

    protected override void BeginProcessing() => _judgeHere = MyInvocation.BoundParameters.ContainsKey(nameof(MoreThan));

    /// <summary>
    /// The judgment the current input is changed on: a fresh one (-MoreThan here), or the input's sealed judgment
    /// when it verifies and names <paramref name="id"/>, <paramref name="product"/> (null: any) and the row's site.
    /// Null after writing the error that refuses the input: InputNotJudged, or JudgmentMismatch.
    /// </summary>
    /// <param name="id">The account.</param>
    /// <param name="product">The command's product, by name; null for a command of every product (Suspend-JiraUser).</param>
    /// <param name="consequence">What does not happen, and why ("it is not suspended: Suspend-JiraUser suspends only users judged inactive").</param>
    /// <param name="judgeWith">The command that judges users ("Get-InactiveJiraUser -Product JiraSoftware -MoreThan &lt;days&gt;").</param>
    private protected InactivityJudgment? AcceptJudgment(string id, string? product, string consequence, string judgeWith)
    {
        var check = Judgment is { Length: > 0 } token ? ((JudgmentSeal)(_seal ??= OpenJudgmentSeal())).Open(token) : null;
        string? mismatch = check?.Payload is { } opened ? MismatchOf(opened, id, product) : null;
        if (_judgeHere)
        {
            // The fresh judgment decides; a verified one of the same user still brings its evidence and plan action.
            return new InactivityJudgment(MoreThan, DateTime.UtcNow, mismatch is null ? check?.Payload : null, Fresh: true);
        }

        if (check?.Payload is not { } payload)
        {
            WriteError(Error(
                $"'{DisplayName ?? id}' ({id}) carries no inactivity judgment that verifies ({check?.Refusal ?? "it has no Judgment"}), so {consequence}. Pipe the users through {judgeWith} first, or give -MoreThan <days> here to judge them with fresh data from the Admin API. A MoreThan column is not a judgment.",
                "InputNotJudged", ErrorCategory.InvalidData, id));
            return null;
        }

        if (mismatch is not null)
        {
            WriteError(Error($"'{DisplayName ?? id}' ({id}): {mismatch}, so {consequence}. A judgment applies only to the account, product and site it was made for.",
                "JudgmentMismatch", ErrorCategory.SecurityError, id));
            return null;
        }

        return new InactivityJudgment(payload.MoreThan, payload.AsOf.ToUniversalTime(), payload);
    }

    /// <summary>
    /// False, after writing JudgmentMismatch, when <paramref name="judgment"/> was sealed for another site than the
    /// connected one (<paramref name="siteName"/>).
    /// </summary>
    private protected bool IsForSite(string id, string? displayName, InactivityJudgment judgment, string? siteName, string consequence)
    {
        if (judgment.Fresh || judgment.Sealed?.Site is not { } judged || siteName is null || string.Equals(judged, siteName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        WriteError(Error($"'{displayName ?? id}' ({id}): its Judgment is about site '{judged}', but the connection is to '{siteName}', so {consequence}.",
            "JudgmentMismatch", ErrorCategory.SecurityError, id));
        return false;
    }

    /// <summary>The organization role to protect by: the sealed export's or the row's, whichever names an admin (a row can add protection, never remove it).</summary>
    private protected string? ProtectiveOrgRole(InactivityJudgment judgment) =>
        new[] { judgment.Sealed?.OrgRole, OrgRole }.FirstOrDefault(r => r?.Contains("admin", StringComparison.OrdinalIgnoreCase) == true) ?? judgment.Sealed?.OrgRole ?? OrgRole;

    private string? MismatchOf(JudgmentPayload payload, string id, string? product)
    {
        if (!string.Equals(payload.AccountId, id, StringComparison.Ordinal))
        {
            return $"its Judgment is about account '{payload.AccountId}', not this one";
        }

        if (product is not null && !string.Equals(payload.Product, product, StringComparison.OrdinalIgnoreCase))
        {
            return $"its Judgment is about {payload.Product}, not {product}";
        }

        return Site is { Length: > 0 } site && payload.Site is { } judged && !string.Equals(site, judged, StringComparison.OrdinalIgnoreCase)
            ? $"its Judgment is about site '{judged}', but the input names '{site}'"
            : null;
    }
}
