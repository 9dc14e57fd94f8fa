using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Paths;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Reads a user's current access to each product, as Get-JiraProductAccess shows it: Jira's groups and application
/// roles against each product's granting groups, and, for an account Jira calls not active, the organization
/// directory's status (a suspension told from a deactivation) when the Admin API is connected, and, with
/// <paramref name="paths"/>, each path: groups synced or not, and a direct role (the user's role assignments, read
/// for each user and product: this is a look at a few users, not a run).
/// </summary>
public sealed class ProductAccessReader(JiraRestClient jira, ProductRoleCache roles, string? siteName, AdminLifecycleClient? lifecycle = null, string? organizationId = null,
    AccessPathReader? paths = null)
{
    /// <summary>The user's access to each of <paramref name="products"/>, in their order; null when Jira knows no such user.</summary>
    /// <exception cref="AtlassianApiException">A read failed.</exception>
    public async Task<IReadOnlyList<JiraProductAccess>?> ReadAsync(string accountId, IReadOnlyList<JiraProduct> products, CancellationToken cancellationToken)
    {
        if (await jira.GetUserAccessAsync(accountId, cancellationToken).ConfigureAwait(false) is not { } access)
        {
            return null;
        }

        // Jira says only "not active"; the organization's directory tells a suspension from a deactivation.
        var directory = !access.Account.Active && lifecycle is not null && organizationId is not null
            ? await lifecycle.GetStatusAsync(organizationId, accountId, cancellationToken).ConfigureAwait(false)
            : null;
        string status = JiraProductAccess.StatusOf(access.Account, directory);
        var perProduct = new List<JiraProductAccess>(products.Count);
        foreach (var product in products)
        {
            var role = await roles.GetAsync(product, cancellationToken).ConfigureAwait(false);
            var holding = paths is null ? AccessPathReader.FromJira(access, role) : await paths.HoldingAsync(access, role, product, cancellationToken).ConfigureAwait(false);
            if (paths is not null && holding.DirectRole is null && holding.HasAccess)
            {
                holding = holding with { DirectRole = await paths.HasDirectRoleAsync(accountId, product, cancellationToken).ConfigureAwait(false) };
            }

            perProduct.Add(JiraProductAccess.From(access, role, product, siteName, status) with
            {
                HasAccess = holding.HasAccess,
                SyncedGroups = holding.SyncedGroups.Select(g => g.Name).ToArray(),
                DirectRole = holding.DirectRole,
                AccessPaths = holding.Paths,
            });
        }

        return perProduct;
    }
}
