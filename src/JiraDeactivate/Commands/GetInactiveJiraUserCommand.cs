using System.Management.Automation;
using JiraDeactivate.Completion;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Finds the users who hold access to a Jira product and have not used it for more than a number of days.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "InactiveJiraUser", DefaultParameterSetName = FromApiSet)]
[OutputType(typeof(InactiveJiraUser))]
public sealed class GetInactiveJiraUserCommand : JiraCmdlet
{
    private const string FromInputSet = "FromInput";
    private const string FromApiSet = "FromApi";

    private InactiveUserSelector? _selector;
    private long _usersRead;
    private bool _productSeen;

    /// <summary>Users from Import-CsvExport.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FromInputSet, ValueFromPipeline = true)]
    public JiraUserActivity? InputObject { get; set; }

    /// <summary>The product whose seats are looked at.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public JiraProduct Product { get; set; }

    /// <summary>Inactive for more than this many days (30: a month, 365: a year).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateRange(1, 36500)]
    [ArgumentCompleter(typeof(InactivityPeriodCompleter))]
    public int MoreThan { get; set; }

    /// <summary>The moment the rule is applied at; default now. A bare date means that UTC day.</summary>
    [Parameter]
    public DateTime AsOf { get; set; } = DateTime.UtcNow;

    /// <summary>Account IDs or emails never to report; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[] Exclude { get; set; } = [];

    /// <summary>Only these sites (the sub-domain in "acme.atlassian.net"); wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[] Site { get; set; } = [];

    /// <summary>Also report suspended accounts, which hold no seat.</summary>
    [Parameter]
    public SwitchParameter IncludeSuspended { get; set; }

    /// <summary>Also report deactivated accounts, which hold no seat.</summary>
    [Parameter]
    public SwitchParameter IncludeDeactivated { get; set; }

    protected override void BeginProcessing()
    {
        var exclusions = new WildcardMatcher(Exclude);
        var sites = new WildcardMatcher(Site);
        var filter = new InactiveUserFilter
        {
            IncludeSuspended = IncludeSuspended,
            IncludeDeactivated = IncludeDeactivated,
            IsExcluded = (accountId, email) => exclusions.IsMatch(accountId) || exclusions.IsMatch(email),
            IsSiteSelected = site => sites.IsEmpty || sites.IsMatch(site),
        };
        var rule = new InactivityRule(MoreThan, AsOf);
        _selector = new InactiveUserSelector(Product, rule, filter);
        WriteVerbose($"Inactive in {Product}: no activity after {rule.ActivityDataDate.AddDays(-MoreThan):yyyy-MM-dd} (UTC; {MoreThan} days before {rule.ActivityDataDate:yyyy-MM-dd}, the last day Atlassian's data is sure to cover at {rule.AsOf:u}).");

        if (ParameterSetName == FromApiSet)
        {
            ThrowTerminatingError(Error(
                "Get-InactiveJiraUser needs users: pipe Import-CsvExport output into it, for example: Import-CsvExport ./export-users.csv | Get-InactiveJiraUser -Product JiraSoftware -MoreThan 90.",
                "NoUserSource", ErrorCategory.InvalidOperation, null));
        }
    }

    protected override void ProcessRecord()
    {
        if (InputObject is not { } user)
        {
            return;
        }

        _usersRead++;
        _productSeen = _productSeen || user.Products.Any(p => p.Product == Product && p.LastSeenReported);
        foreach (var inactive in _selector!.Select(user))
        {
            WriteObject(inactive);
        }
    }

    protected override void EndProcessing()
    {
        if (_usersRead > 0 && !_productSeen)
        {
            WriteWarning($"None of the {_usersRead:N0} users has last-active data for {Product}: the input has no 'Last seen in' column for it, so no user could be judged.");
        }
    }
}
