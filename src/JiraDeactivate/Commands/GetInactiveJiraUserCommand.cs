using System.Diagnostics;
using System.Management.Automation;
using JiraDeactivate.Completion;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Sessions;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Finds the users who hold access to a Jira product and have not used it for more than a number of days.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "InactiveJiraUser", DefaultParameterSetName = FromApiSet, HelpUri = HelpPages.Root + "Get-InactiveJiraUser.md")]
[OutputType(typeof(InactiveJiraUser))]
public sealed class GetInactiveJiraUserCommand : ExportReadingCmdlet
{
    private const string FromInputSet = "FromInput";
    private const string FromApiSet = "FromApi";
    private const string FromPathSet = "FromPath";

    private static readonly TimeSpan s_progressInterval = TimeSpan.FromMilliseconds(250);
    private InactiveUserSelector[] _selectors = [];
    private InactiveUserFilter? _filter;
    // Reused for every user judged: most users of an export are found active, and cost no allocation then.
    private readonly List<InactiveJiraUser> _found = [];
    private long _usersRead;
    private bool[] _productSeen = [];
    // Boxed: the loader rule (Loading/ModuleInitializer.cs).
    private object _activitySource = ApiActivitySource.Auto;

    /// <summary>Users from Import-CsvExport.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FromInputSet, ValueFromPipeline = true)]
    public JiraUserActivity? InputObject { get; set; }

    /// <summary>"Export users" files read in this command, without a pipeline from Import-CsvExport (scheduled tasks, large files); wildcards allowed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FromPathSet)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    /// <summary>The products whose seats are looked at: one object per user and product a user is inactive in.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ProductNameTransformation(AllowList = true)]
    [ValidateNotNullOrEmpty]
    public JiraProduct[] Product { get; set; } = [];

    /// <summary>Inactive for more than this many days (30: a month, 365: a year).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateRange(1, 36500)]
    [ArgumentCompleter(typeof(InactivityPeriodCompleter))]
    public int MoreThan { get; set; }

    /// <summary>The moment the rule is applied at; default now, never later than the 24 hours the data can lag. A bare date means that UTC day.</summary>
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

    /// <summary>Also look at app (bot) accounts (API only: the CSV has no account type).</summary>
    [Parameter(ParameterSetName = FromApiSet)]
    public SwitchParameter IncludeAppAccounts { get; set; }

    /// <summary>How many users' last-active dates are fetched at the same time (API only); the rate limit still paces them.</summary>
    [Parameter(ParameterSetName = FromApiSet)]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>
    /// Where last activity is read (API only): Auto (the v2 user search, 100 users per call, falling back to one call per
    /// user when it is unavailable), Search (the search only: stop when it is unavailable) or PerUser (one call per user).
    /// Holders the search is silent about are always confirmed with their own call.
    /// </summary>
    [Parameter(ParameterSetName = FromApiSet)]
    public ApiActivitySource ActivitySource { get => (ApiActivitySource)_activitySource; set => _activitySource = value; }

    /// <summary>The connection to use (from Connect-JiraAdmin -PassThru); default this session's connection.</summary>
    [Parameter(ParameterSetName = FromApiSet)]
    public JiraAdminConnection? Connection { get; set; }

    protected override void BeginProcessing()
    {
        var exclusions = new WildcardMatcher(Exclude);
        var sites = new WildcardMatcher(Site);
        _filter = new InactiveUserFilter
        {
            IncludeSuspended = IncludeSuspended,
            IncludeDeactivated = IncludeDeactivated,
            IsExcluded = (accountId, email) => exclusions.IsMatch(accountId) || exclusions.IsMatch(email),
            IsSiteSelected = site => sites.IsEmpty || sites.IsMatch(site),
        };
        var rule = new InactivityRule(MoreThan, AsOf);
        var now = DateTime.UtcNow;
        if (rule.AsOf > now + InactivityRule.ReportingLag)
        {
            ThrowTerminatingError(Error(
                $"-AsOf {rule.AsOf:u} is later than now ({now:u}) plus the {InactivityRule.ReportingLag.TotalHours:0} hours Atlassian's data can lag: a judgment cannot be made for data that does not exist yet.",
                "AsOfInFuture", ErrorCategory.InvalidArgument, AsOf));
        }

        Product = [.. Product.Distinct()];
        var seal = OpenJudgmentSeal();
        var groupPaths = GroupPathsOf(Product);
        _selectors = [.. Product.Select((product, i) => new InactiveUserSelector(product, rule, _filter, seal, groupPaths[i]))];
        _productSeen = new bool[Product.Length];
        WriteVerbose($"Inactive in {string.Join(" and ", Product)}: last activity before {rule.ActivityDataDate.AddDays(-MoreThan):yyyy-MM-dd} (UTC; more than {MoreThan} days before {rule.ActivityDataDate:yyyy-MM-dd}, the last day Atlassian's data is sure to cover at {rule.AsOf:u}).");
    }

    // When connected: each product's granting groups (Jira) and, with the Admin API, those an identity provider syncs
    // (one groups search per product), so the objects say how each user holds the product; null where not read.
    private GroupPaths?[] GroupPathsOf(JiraProduct[] products)
    {
        if (ConnectedSession() is not { Jira: { } jira } session)
        {
            return new GroupPaths?[products.Length];
        }

        var paths = AccessPathsOf(session, null);
        return [.. products.Select(product =>
        {
            IReadOnlySet<string>? granting = null;
            try
            {
                granting = jira.GetProductRoleAsync(ProductNames.ApplicationRoleKey(product), CancellationToken).GetAwaiter().GetResult().Groups
                    .Select(g => g.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                return new GroupPaths(granting, paths?.SyncedGroupNamesAsync(product, CancellationToken).GetAwaiter().GetResult());
            }
            catch (AtlassianApiException e)
            {
                WriteWarning($"How users hold {product} cannot be told ({e.Message}): the results' AccessPaths and SyncedGroups say only what the input does.");
                return granting is null ? null : new GroupPaths(granting, null);
            }
        })];
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == FromPathSet)
        {
            foreach (string file in ResolveExportPaths(Path, literal: false))
            {
                // The users go no further than the rule: only the product's own columns are read.
                ReadExport(file, "Get-InactiveJiraUser", Judge, Product.Length == 1 ? Product[0] : null);
            }
        }
        else if (InputObject is { } user)
        {
            Judge(user);
        }
    }

    private void Judge(JiraUserActivity user)
    {
        _usersRead++;
        for (int i = 0; i < Product.Length; i++)
        {
            if (!_productSeen[i])
            {
                foreach (var product in user.Products)
                {
                    _productSeen[i] |= product.ProductValue == Product[i] && product.LastSeenReported;
                }
            }

            _selectors[i].Select(user, _found);
        }

        foreach (var inactive in _found)
        {
            WriteObject(inactive);
        }

        _found.Clear();
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == FromApiSet)
        {
            FindFromApi();
            return;
        }

        for (int i = 0; i < Product.Length; i++)
        {
            if (_usersRead > 0 && !_productSeen[i])
            {
                WriteWarning($"None of the {_usersRead:N0} users has last-active data for {Product[i]}: the input has no 'Last seen in' column for it, so no user could be judged.");
            }
        }
    }

    private void FindFromApi()
    {
        if (ConnectedSession() is not { } session)
        {
            ThrowTerminatingError(Error(
                "Get-InactiveJiraUser needs users: name an export with -Path (Get-InactiveJiraUser -Path ./export-users.csv -Product JiraSoftware -MoreThan 90), pipe Import-CsvExport output into it, or run Connect-JiraAdmin to read them from the Admin API.",
                "NoUserSource", ErrorCategory.InvalidOperation, null));
            return;
        }

        ApiActivityCollector collector;
        try
        {
            var jira = session.RequireJira("Finding inactive users without a CSV");
            var (admin, organization) = session.RequireAdmin("Finding inactive users without a CSV");
            collector = new ApiActivityCollector(jira, admin, organization, session.SiteName, session.CloudId);
        }
        catch (SessionRequirementException e)
        {
            ThrowRequirement(e);
            return;
        }

        for (int i = 0; i < Product.Length; i++)
        {
            var (product, selector) = (Product[i], _selectors[i]);
            try
            {
                RunAsync((queue, token) => CollectAsync(collector, product, selector, session, queue, token));
            }
            catch (AtlassianApiException e)
            {
                ThrowTerminatingError(Error($"Could not list the users of {product}: {e.Message}", "ProductUsersUnavailable", CategoryOf(e), product, e));
            }
        }
    }

    private async Task CollectAsync(ApiActivityCollector collector, JiraProduct product, InactiveUserSelector selector, JiraAdminSession session, PipelineQueue queue, CancellationToken token)
    {
        var progress = new ApiProgressReporter(queue, $"Get-InactiveJiraUser: {product} on {session.SiteName}", s_progressInterval);
        var options = new ApiCollectOptions
        {
            ThrottleLimit = ThrottleLimit,
            IncludeInactiveAccounts = IncludeDeactivated || IncludeSuspended,
            IncludeAppAccounts = IncludeAppAccounts,
            IsExcluded = _filter!.IsExcluded,
            Source = ActivitySource,
            Progress = progress.Report,
            Warning = queue.WriteWarning,
        };
        var jiraBefore = session.JiraStats!.Snapshot();
        var adminBefore = session.AdminStats!.Snapshot();
        var clock = Stopwatch.StartNew();
        int judged = 0;
        await foreach (var result in collector.CollectAsync(product, options, token).ConfigureAwait(false))
        {
            if (result.User is { } user)
            {
                judged++;
                foreach (var inactive in selector.Select(user))
                {
                    queue.WriteObject(inactive);
                }
            }
            else if (result.Error is AtlassianApiException error)
            {
                queue.WriteError(Error(
                    $"Could not get the last-active dates of {result.DisplayName} ({result.AccountId}), so the user was not judged: {error.Message}",
                    "LastActiveDatesUnavailable", CategoryOf(error), result.AccountId, error));
            }
            else if (result.Error is { } unreadable)
            {
                queue.WriteError(Error(
                    $"{result.DisplayName} ({result.AccountId}) was not judged: {unreadable.Message}.",
                    "UserNotJudged", ErrorCategory.InvalidData, result.AccountId, unreadable));
            }
        }

        progress.Complete();
        queue.WriteVerbose($"Judged {judged} users in {clock.Elapsed.TotalSeconds:F1} s: {collector.Summary}.");
        queue.WriteVerbose($"Calls this run: Jira REST API {session.JiraStats!.Snapshot() - jiraBefore}; Admin API {session.AdminStats!.Snapshot() - adminBefore}.");
    }
}
