using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Protections;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Where a removal run gets its facts: the users' memberships for the plan and the verification, one read per user
/// or a snapshot of the groups' members, and the last look, per user or from the v2 user search. Each is chosen by
/// what it costs for the run (<see cref="ReadMode.Auto"/>), or as asked.
/// </summary>
/// <remarks>
/// The planner's snapshot holds the groups that grant the products and every protected group (the administrators'
/// groups and those -ExcludeGroup names, found in the list of all groups), so every protection is still checked; a
/// user in none of them gets the per-user read. The verification's snapshot reads the granting groups again after
/// the changes, whole: a membership added since the plan is caught there.
/// </remarks>
public sealed class RemovalReads(JiraRestClient jira, ProductRoleCache roles, ReadMode mode, BulkLastLook? bulkLook = null)
{
    /// <summary>Below this many users, Auto takes the per-user last look: one search call per ten users saves little, and a silent answer costs the per-user call anyway.</summary>
    public const int BulkLookFrom = 10;

    private GroupMembershipSnapshot? _plan;
    private int _snapshotPages;
    private bool _lookInBulk;

    /// <summary>
    /// True when the run goes in batches (their last look and verification read in bulk where cheaper): always with
    /// <see cref="ReadMode.Bulk"/>, with <see cref="ReadMode.Auto"/> once <see cref="PrepareAsync"/> chose a bulk read.
    /// </summary>
    public bool Batched => mode == ReadMode.Bulk || (mode == ReadMode.Auto && (_plan is not null || _lookInBulk));

    /// <summary>The member pages this run's snapshots read (the plan's and the verifications').</summary>
    public int SnapshotPages => _snapshotPages;

    /// <summary>
    /// The bulk reads before planning <paramref name="requests"/>, when cheaper than one read per user. A failure
    /// leaves the per-user reads, which then meet it user by user; nothing is read when no protection could be checked
    /// (every user is skipped).
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<RemovalRequest> requests, ProtectionPolicy policy, bool lookNow, CancellationToken cancellationToken)
    {
        if (mode == ReadMode.PerUser || requests.Count == 0 || policy.Unchecked is not null)
        {
            return;
        }

        try
        {
            _lookInBulk = bulkLook is not null && (mode == ReadMode.Bulk || requests.Count >= BulkLookFrom);
            var productRoles = await RolesOfAsync(requests.Select(r => r.Product), cancellationToken).ConfigureAwait(false);
            if (lookNow)
            {
                await LookAheadAsync(requests.Select(r => r.AccountId).ToList(), productRoles, cancellationToken).ConfigureAwait(false);
            }

            if (mode == ReadMode.Auto && EstimatedPages(productRoles) >= requests.Count)
            {
                return;
            }

            var all = await jira.GetAllGroupsAsync(cancellationToken).ConfigureAwait(false);
            var groups = productRoles.SelectMany(r => r.Groups).Concat(all.Concat(policy.AdministratorGroups.Groups).Where(policy.IsProtected)).Distinct().ToList();
            _plan = await GroupMembershipSnapshot.ReadAsync(jira, groups, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _snapshotPages, _plan.Pages);
        }
        catch (AtlassianApiException)
        {
            _plan = null;
            _lookInBulk = false;
        }
    }

    /// <summary>The user's membership facts for the plan: from the snapshot, else read now; null when Jira does not know the user.</summary>
    /// <exception cref="AtlassianApiException">The per-user read failed.</exception>
    public async Task<JiraUserAccess?> AccessAsync(string accountId, CancellationToken cancellationToken) =>
        _plan?.AccessOf(accountId) ?? await jira.GetUserAccessAsync(accountId, cancellationToken).ConfigureAwait(false);

    /// <summary>The last look in bulk for <paramref name="plans"/>, right before their changes, when the run takes it in bulk.</summary>
    public async Task LookBeforeChangeAsync(IReadOnlyList<RemovalPlan> plans, CancellationToken cancellationToken)
    {
        var changing = plans.Where(p => p.ChangesAccess).ToList();
        if (changing.Count == 0)
        {
            return;
        }

        try
        {
            var productRoles = await RolesOfAsync(changing.Select(p => p.Request.Product), cancellationToken).ConfigureAwait(false);
            await LookAheadAsync(changing.Select(p => p.Request.AccountId).ToList(), productRoles, cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException)
        {
            // The products' roles could not be read: every user gets the per-user look.
        }
    }

    private async Task<IReadOnlyList<ProductRole>> RolesOfAsync(IEnumerable<Products.JiraProduct> products, CancellationToken cancellationToken)
    {
        var productRoles = new List<ProductRole>();
        foreach (var product in products.Distinct())
        {
            productRoles.Add(await roles.GetAsync(product, cancellationToken).ConfigureAwait(false));
        }

        return productRoles;
    }

    /// <summary>
    /// The granting groups of <paramref name="product"/> that hold each user now, from a snapshot read for them, when
    /// it costs fewer calls than one read per user; null when they are to be read one at a time.
    /// </summary>
    /// <exception cref="AtlassianApiException">The snapshot could not be read.</exception>
    public async Task<Func<string, IReadOnlyList<JiraGroup>>?> ReadBackAsync(JiraProduct product, int users, CancellationToken cancellationToken)
    {
        var role = await roles.GetAsync(product, cancellationToken).ConfigureAwait(false);
        int pages = _plan?.PagesFor(role.Groups) ?? EstimatedPages([role]);
        if (mode == ReadMode.PerUser || (mode == ReadMode.Auto && pages >= users))
        {
            return null;
        }

        var snapshot = await GroupMembershipSnapshot.ReadAsync(jira, role.Groups, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _snapshotPages, snapshot.Pages);
        return snapshot.GroupsOf;
    }

    private async Task LookAheadAsync(IReadOnlyList<string> accountIds, IReadOnlyList<ProductRole> productRoles, CancellationToken cancellationToken)
    {
        if (bulkLook is null || (mode == ReadMode.Auto && accountIds.Count < BulkLookFrom))
        {
            return;
        }

        // Everyone counted against a product's licence is in the directory: a lower bound of its size.
        await bulkLook.ReadAsync(accountIds, productRoles.Max(r => r.UsersCounted), cancellationToken).ConfigureAwait(false);
    }

    // What the snapshot of the granting groups costs at least: a page per 50 users counted against the licence, and a
    // page per group.
    private static int EstimatedPages(IEnumerable<ProductRole> productRoles) =>
        productRoles.Sum(r => (r.UsersCounted / JiraRestClient.PageSize) + r.Groups.Count);
}
