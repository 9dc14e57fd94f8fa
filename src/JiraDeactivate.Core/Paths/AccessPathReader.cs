using System.Collections.Concurrent;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Paths;

/// <summary>
/// Reads, for one run, how users hold a product besides Jira's groups, at the Admin API's pace: the site's
/// workspace and the synced signals of the product's groups are read once per run (one groups search, not one per
/// user); a user's role assignments only where Jira's own answer shows a path its groups do not explain, or where a
/// path may remain after a change.
/// </summary>
/// <param name="client">The Admin API's access-path calls.</param>
/// <param name="organizationId">The organization.</param>
/// <param name="directoryIds">The organization's directories (one under centralized user management); "-" is used when there are several, or the list fails.</param>
/// <param name="cloudId">The connected site's cloud ID.</param>
/// <param name="site">The connected site's address.</param>
public sealed class AccessPathReader(AccessPathClient client, string organizationId, Func<CancellationToken, Task<IReadOnlyList<string>>> directoryIds, string? cloudId, Uri? site)
{
    private readonly ConcurrentDictionary<JiraProduct, Lazy<Task<Workspace>>> _workspaces = new();
    private readonly ConcurrentDictionary<JiraProduct, Lazy<Task<IReadOnlyList<AdminGroup>>>> _groups = new();
    private Lazy<Task<IReadOnlyList<Workspace>>>? _all;
    private Lazy<Task<string>>? _directory;

    /// <summary>Jira-only: the product's granting groups, all taken as local (their source cannot be seen), and no direct role.</summary>
    public static ProductHolding FromJira(JiraUserAccess access, ProductRole role) =>
        new(role.Granting(access.Groups), [], null, Listed(access, role), PathsVisible: false);

    /// <summary>The workspace (resource id) of the product on the connected site.</summary>
    /// <exception cref="AtlassianApiException">The workspaces cannot be read, or none (or several) is the site's.</exception>
    public Task<Workspace> WorkspaceAsync(JiraProduct product, CancellationToken cancellationToken) =>
        _workspaces.GetOrAdd(product, p => new Lazy<Task<Workspace>>(() => PickAsync(p, cancellationToken))).Value;

    /// <summary>
    /// How the user holds the product. Groups are told synced or local by the run's one groups search; the role
    /// assignments are read only when Jira lists the product and no granting group explains it.
    /// </summary>
    /// <exception cref="AtlassianApiException">A read failed, or a granting group is missing from the groups search (so whether it is synced cannot be checked).</exception>
    public async Task<ProductHolding> HoldingAsync(JiraUserAccess access, ProductRole role, JiraProduct product, CancellationToken cancellationToken)
    {
        var granting = role.Granting(access.Groups);
        var known = await GroupsAsync(product, cancellationToken).ConfigureAwait(false);
        var local = new List<JiraGroup>();
        var synced = new List<JiraGroup>();
        foreach (var group in granting)
        {
            var found = known.FirstOrDefault(g => g.Is(group))
                ?? throw new AtlassianApiException(AtlassianApi.Admin, "POST", "groups/search", null,
                    $"the Admin API's group search does not list '{group.Name}', so whether an identity provider syncs it cannot be checked.");
            (found.IsSynced ? synced : local).Add(group);
        }

        bool listed = Listed(access, role);
        bool? direct = listed && granting.Count == 0 ? await HasDirectRoleAsync(access.Account.AccountId, product, cancellationToken).ConfigureAwait(false) : null;
        return new ProductHolding(local, synced, direct, listed, PathsVisible: true);
    }

    /// <summary>The names of the product's granting groups an identity provider syncs (the run's one groups search).</summary>
    public async Task<IReadOnlySet<string>> SyncedGroupNamesAsync(JiraProduct product, CancellationToken cancellationToken) =>
        (await GroupsAsync(product, cancellationToken).ConfigureAwait(false)).Where(g => g.IsSynced && g.Name is not null).Select(g => g.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the user holds the product's role directly; null when the directory does not know the user.</summary>
    public async Task<bool?> HasDirectRoleAsync(string accountId, JiraProduct product, CancellationToken cancellationToken)
    {
        var methods = await RoleMethodsAsync(accountId, product, cancellationToken).ConfigureAwait(false);
        return methods?.Contains(AccessPathClient.Direct, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The user's role assignment methods for the product (group_direct, direct...); empty when the role is not held.</summary>
    public async Task<IReadOnlyList<string>?> RoleMethodsAsync(string accountId, JiraProduct product, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(product, cancellationToken).ConfigureAwait(false);
        return await client.GetRoleMethodsAsync(organizationId, await DirectoryAsync(cancellationToken).ConfigureAwait(false), accountId, workspace.Id, cancellationToken).ConfigureAwait(false);
    }

    public Task<MembershipChange> RevokeAsync(string accountId, string resource, CancellationToken cancellationToken) =>
        client.RevokeAsync(organizationId, accountId, resource, cancellationToken);

    public Task<MembershipChange> GrantAsync(string accountId, string resource, CancellationToken cancellationToken) =>
        client.GrantAsync(organizationId, accountId, resource, cancellationToken);

    private Task<IReadOnlyList<AdminGroup>> GroupsAsync(JiraProduct product, CancellationToken cancellationToken) =>
        _groups.GetOrAdd(product, p => new Lazy<Task<IReadOnlyList<AdminGroup>>>(async () =>
        {
            var workspace = await WorkspaceAsync(p, cancellationToken).ConfigureAwait(false);
            return await client.SearchGroupsAsync(organizationId, await DirectoryAsync(cancellationToken).ConfigureAwait(false), workspace.Id, cancellationToken).ConfigureAwait(false);
        })).Value;

    private async Task<Workspace> PickAsync(JiraProduct product, CancellationToken cancellationToken)
    {
        var all = LazyInitializer.EnsureInitialized(ref _all, () => new Lazy<Task<IReadOnlyList<Workspace>>>(() => client.GetWorkspacesAsync(organizationId, cancellationToken)));
        var (workspace, problem) = Workspace.Pick(await all.Value.ConfigureAwait(false), product, cloudId, site);
        return workspace ?? throw new AtlassianApiException(AtlassianApi.Admin, "POST", "workspaces", null, $"{problem}, so a direct role cannot be read or revoked.");
    }

    private Task<string> DirectoryAsync(CancellationToken cancellationToken) =>
        LazyInitializer.EnsureInitialized(ref _directory, () => new Lazy<Task<string>>(async () =>
        {
            // "-" (every directory the key may manage) when the list cannot tell one: the routes that follow say whether they take it.
            try
            {
                var ids = await directoryIds(cancellationToken).ConfigureAwait(false);
                return ids.Count == 1 ? ids[0] : "-";
            }
            catch (AtlassianApiException)
            {
                return "-";
            }
        })).Value;

    private static bool Listed(JiraUserAccess access, ProductRole role) => access.ApplicationRoleKeys.Contains(role.Key, StringComparer.OrdinalIgnoreCase);
}
