using System.Net.Http.Json;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>
/// The Admin API calls that show and change how a user holds a product besides Jira's groups (contract §2.6b): the
/// workspaces (resource ids), a user's role assignments, Revoke and Grant user access, and the v2 group search that
/// tells groups an identity provider syncs.
/// </summary>
public sealed class AccessPathClient
{
    /// <summary>The role that is billed access to a product.</summary>
    public const string UserRole = "atlassian/user";

    /// <summary>A role assignment method: the role is assigned to the user directly, not through a group.</summary>
    public const string Direct = "direct";

    private const string Api = "/admin";
    private const int WorkspacePageSize = 100;
    private const int GroupPageSize = 100;
    private readonly ApiCaller _caller;
    private static AccessPathJsonContext Json => AccessPathJsonContext.Default;

    public AccessPathClient(HttpClient client) => _caller = new ApiCaller(client, AtlassianApi.Admin);

    /// <summary>Every workspace of the organization; a later page sends its cursor alone (a cursor with other properties is a 400).</summary>
    public async Task<IReadOnlyList<Workspace>> GetWorkspacesAsync(string organizationId, CancellationToken cancellationToken)
    {
        string path = $"{Api}/v2/orgs/{Uri.EscapeDataString(organizationId)}/workspaces";
        var workspaces = new List<Workspace>();
        string? cursor = null;
        while (true)
        {
            using HttpContent content = cursor is null
                ? JsonContent.Create(new WorkspaceFirstPageDto(WorkspacePageSize), Json.WorkspaceFirstPageDto)
                : JsonContent.Create(new WorkspaceNextPageDto(cursor), Json.WorkspaceNextPageDto);
            var page = await PostAsync(path, content, Json.WorkspacePageDto, cancellationToken).ConfigureAwait(false);
            workspaces.AddRange((page.Data ?? []).Where(w => w.Id is { Length: > 0 })
                .Select(w => new Workspace(w.Id!, w.Attributes?.TypeKey, w.Attributes?.Owner, w.Attributes?.HostUrl)));
            cursor = NextCursor(page.Links, cursor, path);
            if (cursor is null)
            {
                return workspaces;
            }
        }
    }

    /// <summary>
    /// How the user holds <see cref="UserRole"/> on <paramref name="resourceId"/>: the assignment methods
    /// (group_direct, direct, inferred); empty when not held; null when the directory does not know the user.
    /// </summary>
    public async Task<IReadOnlyList<string>?> GetRoleMethodsAsync(string organizationId, string directoryId, string accountId, string resourceId, CancellationToken cancellationToken)
    {
        string basePath = $"{Api}/v2/orgs/{Uri.EscapeDataString(organizationId)}/directories/{Uri.EscapeDataString(directoryId)}/users/{Uri.EscapeDataString(accountId)}/role-assignments"
            + $"?resourceIds={Uri.EscapeDataString(resourceId)}&roleIds={Uri.EscapeDataString(UserRole)}&limit=100";
        var methods = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string path = basePath;
        string? cursor = null;
        while (true)
        {
            if (await _caller.GetOrNullAsync(path, Json.RoleAssignmentPageDto, cancellationToken).ConfigureAwait(false) is not { } page)
            {
                return null;
            }

            // Only the entry for the resource asked counts: a server that ignored the filter must not grant another site's role.
            foreach (var resource in (page.Data ?? []).Where(r => string.Equals(r.ResourceId, resourceId, StringComparison.Ordinal)))
            {
                methods.UnionWith((resource.RoleAssignments ?? []).Where(a => string.Equals(a.Role, UserRole, StringComparison.Ordinal))
                    .SelectMany(a => a.RoleAssignmentMethods ?? []));
            }

            cursor = NextCursor(page.Links, cursor, basePath);
            if (cursor is null)
            {
                return [.. methods.Order(StringComparer.Ordinal)];
            }

            path = $"{basePath}&cursor={Uri.EscapeDataString(cursor)}";
        }
    }

    /// <summary>Revoke user access: the product's role on the resource, by every path the Admin API may change. Any 2xx is success.</summary>
    public Task<MembershipChange> RevokeAsync(string organizationId, string accountId, string resource, CancellationToken cancellationToken) =>
        ChangeRoleAsync(organizationId, accountId, resource, "revoke", cancellationToken);

    /// <summary>Grant user access: assigns the product's role on the resource to the user directly. Any 2xx is success.</summary>
    public Task<MembershipChange> GrantAsync(string organizationId, string accountId, string resource, CancellationToken cancellationToken) =>
        ChangeRoleAsync(organizationId, accountId, resource, "assign", cancellationToken);

    /// <summary>The groups that grant <paramref name="resourceId"/>, with their synced signals (every page).</summary>
    public async Task<IReadOnlyList<AdminGroup>> SearchGroupsAsync(string organizationId, string directoryId, string resourceId, CancellationToken cancellationToken)
    {
        string path = $"{Api}/v2/orgs/{Uri.EscapeDataString(organizationId)}/directories/{Uri.EscapeDataString(directoryId)}/groups/search";
        var groups = new List<AdminGroup>();
        string? cursor = null;
        while (true)
        {
            using var content = JsonContent.Create(new GroupSearchDto(GroupPageSize, [resourceId], cursor), Json.GroupSearchDto);
            var page = await PostAsync(path, content, Json.AdminGroupPageDto, cancellationToken).ConfigureAwait(false);
            groups.AddRange((page.Data ?? []).Select(g => new AdminGroup(GroupIdOf(g.Id), g.Name, g.ExternalSynced, g.ManagedBy, g.ManagementAccess?.Modifiable)));
            cursor = NextCursor(page.Links, cursor, path);
            if (cursor is null)
            {
                return groups;
            }
        }
    }

    private async Task<MembershipChange> ChangeRoleAsync(string organizationId, string accountId, string resource, string action, CancellationToken cancellationToken)
    {
        string path = $"{Api}/v1/orgs/{Uri.EscapeDataString(organizationId)}/users/{Uri.EscapeDataString(accountId)}/roles/{action}";
        using var content = JsonContent.Create(new RoleChangeDto(UserRole, resource), Json.RoleChangeDto);
        using var response = await _caller.SendAsync(HttpMethod.Post, path, content, cancellationToken).ConfigureAwait(false);
        await _caller.EnsureSuccessAsync(response, "POST", path, cancellationToken).ConfigureAwait(false);
        return MembershipChange.Changed;
    }

    private async Task<T> PostAsync<T>(string path, HttpContent content, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await _caller.SendAsync(HttpMethod.Post, path, content, cancellationToken).ConfigureAwait(false);
        await _caller.EnsureSuccessAsync(response, "POST", path, cancellationToken).ConfigureAwait(false);
        return await _caller.ReadAsync(response, "POST", path, type, cancellationToken).ConfigureAwait(false);
    }

    private static string? NextCursor(LinksDto? links, string? previous, string path) =>
        links?.Next is not { Length: > 0 } next ? null
        : next == previous ? throw new AtlassianApiException(AtlassianApi.Admin, "POST", path, null, "the answer gave the same page cursor again; stopped instead of looping.")
        : next;

    // "ari:cloud:identity::group/<uuid>" -> "<uuid>"; a bare id is taken as it is.
    private static string? GroupIdOf(string? id)
    {
        int slash = id?.LastIndexOf("group/", StringComparison.Ordinal) ?? -1;
        return slash < 0 ? id : id![(slash + 6)..];
    }
}
