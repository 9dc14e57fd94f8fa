using System.Management.Automation;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Shows users' current access to each Jira product and the groups that grant it.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiraProductAccess", HelpUri = HelpPages.Root + "Get-JiraProductAccess.md")]
[OutputType(typeof(JiraProductAccess))]
public sealed class GetJiraProductAccessCommand : JiraCmdlet
{
    private readonly List<string> _accounts = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The users' Atlassian account IDs; binds from the pipeline (strings, or objects with AccountId).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] AccountId { get; set; } = [];

    /// <summary>Only these products; default both.</summary>
    [Parameter]
    [ProductNameTransformation(AllowList = true)]
    public JiraProduct[] Product { get; set; } = [];

    /// <summary>How many users are read at the same time.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>The connection to use (from Connect-JiraAdmin -PassThru); default this session's connection.</summary>
    [Parameter]
    public JiraAdminConnection? Connection { get; set; }

    protected override void ProcessRecord() => _accounts.AddRange(AccountId.Where(_seen.Add));

    protected override void EndProcessing()
    {
        var (session, jira) = RequireJiraConnection();

        JiraProduct[] products = Product.Length > 0 ? [.. Product.Distinct()] : Enum.GetValues<JiraProduct>();
        var reader = new ProductAccessReader(jira, new ProductRoleCache(jira), session.SiteName, session.Lifecycle, session.Organization?.Id,
            AccessPathsOf(session, "the groups are shown without their source, and a role assigned directly only as an application role Jira lists."));
        var results = new IReadOnlyList<JiraProductAccess>?[_accounts.Count];
        RunForEach(Enumerable.Range(0, _accounts.Count).ToList(), ThrottleLimit, ProgressIds.ProductAccess, $"Get-JiraProductAccess: reading {_accounts.Count} users", async (i, queue, ct) =>
        {
            try
            {
                results[i] = await reader.ReadAsync(_accounts[i], products, ct).ConfigureAwait(false);
                if (results[i] is null)
                {
                    queue.WriteError(Error($"Jira knows no user with the account ID '{_accounts[i]}'.", "UserNotFound", ErrorCategory.ObjectNotFound, _accounts[i]));
                }
            }
            catch (AtlassianApiException e)
            {
                queue.WriteError(Error($"Could not read the access of '{_accounts[i]}': {e.Message}", "ProductAccessUnavailable", CategoryOf(e), _accounts[i], e));
            }
        },
        // In input order, so a report lines up with the list it was given.
        after: queue =>
        {
            foreach (var access in results.SelectMany(r => r ?? []))
            {
                queue.WriteObject(access);
            }
        });
    }
}
