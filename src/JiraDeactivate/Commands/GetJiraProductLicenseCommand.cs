using System.Management.Automation;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Shows each Jira product's seats: paid for, used, left, and the groups that grant access.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiraProductLicense", HelpUri = HelpPages.Root + "Get-JiraProductLicense.md")]
[OutputType(typeof(JiraProductLicense))]
public sealed class GetJiraProductLicenseCommand : JiraCmdlet
{
    /// <summary>Only these products; default every product of the site.</summary>
    [Parameter(Position = 0)]
    [ProductNameTransformation(AllowList = true)]
    public JiraProduct[] Product { get; set; } = [];

    /// <summary>The connection to use (from Connect-JiraAdmin -PassThru); default this session's connection.</summary>
    [Parameter]
    public JiraAdminConnection? Connection { get; set; }

    protected override void EndProcessing()
    {
        var (session, jira) = RequireJiraConnection();

        try
        {
            RunAsync(async (queue, token) =>
            {
                var roles = Product.Length == 0
                    ? await jira.GetProductRolesAsync(token).ConfigureAwait(false)
                    : await Task.WhenAll(Product.Distinct().Select(p => jira.GetProductRoleAsync(ProductNames.ApplicationRoleKey(p), token))).ConfigureAwait(false);
                foreach (var role in roles)
                {
                    queue.WriteObject(role.ToLicense(session.SiteName));
                }
            });
        }
        catch (AtlassianApiException e)
        {
            ThrowTerminatingError(Error(e.Message, "ProductLicenseUnavailable", CategoryOf(e), session.Site, e));
        }
    }
}
