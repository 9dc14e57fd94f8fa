using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>The calls the module makes to a site's Jira Cloud REST API v3.</summary>
public sealed class JiraRestClient
{
    // Relative, so a gateway base address (https://api.atlassian.com/ex/jira/<cloudId>/) keeps its path.
    private const string Api = "rest/api/3";
    /// <summary>The page size of Jira's group and member lists (their maximum).</summary>
    public const int PageSize = 50;
    private readonly ApiCaller _caller;
    private static AtlassianJsonContext Json => AtlassianJsonContext.Default;

    public JiraRestClient(HttpClient client) => _caller = new ApiCaller(client, AtlassianApi.Jira);

    /// <summary>The signed-in account.</summary>
    public async Task<JiraAccount> GetMyselfAsync(CancellationToken cancellationToken)
    {
        var me = await _caller.GetAsync($"{Api}/myself", Json.JiraUserDto, cancellationToken).ConfigureAwait(false);
        return new JiraAccount(me.AccountId, me.DisplayName, me.EmailAddress, me.AccountType ?? "atlassian", me.Active);
    }

    /// <summary>
    /// Whether the signed-in account has the global "Administer Jira" permission, and "Administer Jira system"
    /// (SYSTEM_ADMIN, held by site admins, who alone may change group membership); null when Jira does not say.
    /// </summary>
    public async Task<(bool Administer, bool? SiteAdministrator)> GetAdministratorRightsAsync(CancellationToken cancellationToken)
    {
        var answer = await _caller.GetAsync($"{Api}/mypermissions?permissions=ADMINISTER,SYSTEM_ADMIN", Json.MyPermissionsDto, cancellationToken).ConfigureAwait(false);
        var permissions = answer.Permissions;
        bool administer = permissions is not null && permissions.TryGetValue("ADMINISTER", out var a) && a.HavePermission;
        bool? system = permissions is not null && permissions.TryGetValue("SYSTEM_ADMIN", out var s) ? s.HavePermission : null;
        return (administer, system);
    }

    /// <summary>The site's own address, as Jira reports it (the sub-domain names the site in exports).</summary>
    public async Task<Uri?> GetSiteBaseUrlAsync(CancellationToken cancellationToken)
    {
        var info = await _caller.GetAsync($"{Api}/serverInfo", Json.ServerInfoDto, cancellationToken).ConfigureAwait(false);
        return Uri.TryCreate(info.BaseUrl, UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>The site's cloud ID, which joins the Admin API's last-active entries to this site; null when not offered.</summary>
    public async Task<string?> GetCloudIdAsync(CancellationToken cancellationToken)
    {
        using var response = await _caller.SendAsync(HttpMethod.Get, "/_edge/tenant_info", null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var info = await _caller.ReadAsync(response, "GET", "/_edge/tenant_info", Json.TenantInfoDto, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(info.CloudId) ? null : info.CloudId;
    }

    /// <summary>Every product's application role (seats and the groups that grant access).</summary>
    public async Task<IReadOnlyList<ProductRole>> GetProductRolesAsync(CancellationToken cancellationToken)
    {
        var roles = await _caller.GetAsync($"{Api}/applicationrole", Json.ApplicationRoleDtoArray, cancellationToken).ConfigureAwait(false);
        return roles.Select(ProductRole.From).ToArray();
    }

    /// <summary>One product's application role, by key ("jira-software", "jira-servicedesk").</summary>
    public async Task<ProductRole> GetProductRoleAsync(string key, CancellationToken cancellationToken)
    {
        var role = await _caller.GetAsync($"{Api}/applicationrole/{Uri.EscapeDataString(key)}", Json.ApplicationRoleDto, cancellationToken).ConfigureAwait(false);
        return ProductRole.From(role);
    }

    /// <summary>The members of a group, page by page until Jira says the last page came (pages can be short).</summary>
    public async IAsyncEnumerable<JiraAccount> GetGroupMembersAsync(JiraGroup group, bool includeInactiveUsers, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int startAt = 0;
        while (true)
        {
            string path = $"{Api}/group/member?{group.Query}&includeInactiveUsers={(includeInactiveUsers ? "true" : "false")}&startAt={startAt}&maxResults={PageSize}";
            var page = await _caller.GetAsync(path, Json.GroupMemberPageDto, cancellationToken).ConfigureAwait(false);
            var values = page.Values ?? [];
            foreach (var user in values)
            {
                yield return JiraAccount.From(user);
            }

            if (page.IsLast || values.Length == 0)
            {
                yield break;
            }

            startAt += values.Length;
        }
    }

    /// <summary>
    /// The groups Jira reports with an access type: "admin" (Administer Jira) or "site-admin" (site administration),
    /// page by page until the last.
    /// </summary>
    public Task<IReadOnlyList<JiraGroup>> GetGroupsWithAccessAsync(string accessType, CancellationToken cancellationToken) =>
        GetGroupsAsync($"accessType={Uri.EscapeDataString(accessType)}&", cancellationToken);

    /// <summary>Every group of the site, page by page until the last.</summary>
    public Task<IReadOnlyList<JiraGroup>> GetAllGroupsAsync(CancellationToken cancellationToken) => GetGroupsAsync(string.Empty, cancellationToken);

    private async Task<IReadOnlyList<JiraGroup>> GetGroupsAsync(string filter, CancellationToken cancellationToken)
    {
        var groups = new List<JiraGroup>();
        while (true)
        {
            string path = $"{Api}/group/bulk?{filter}startAt={groups.Count}&maxResults={PageSize}";
            var page = await _caller.GetAsync(path, Json.GroupPageDto, cancellationToken).ConfigureAwait(false);
            var values = page.Values ?? [];
            groups.AddRange(values.Select(JiraGroup.From));
            if (page.IsLast || values.Length == 0)
            {
                return groups;
            }
        }
    }

    /// <summary>A user's groups and application roles now; null when Jira does not know the user.</summary>
    public async Task<JiraUserAccess?> GetUserAccessAsync(string accountId, CancellationToken cancellationToken)
    {
        string path = $"{Api}/user?accountId={Uri.EscapeDataString(accountId)}&expand=groups,applicationRoles";
        if (await _caller.GetOrNullAsync(path, Json.JiraUserDto, cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return null;
        }

        return new JiraUserAccess(
            new JiraAccount(user.AccountId, user.DisplayName, user.EmailAddress, user.AccountType ?? "atlassian", user.Active),
            (user.Groups?.Items ?? []).Select(JiraGroup.From).ToArray(),
            (user.ApplicationRoles?.Items ?? []).Select(r => r.Key).ToArray());
    }

    /// <summary>
    /// Removes a user from a group. A "not a member" answer (400, or 404 for a user who is not in the group)
    /// means the removal is already done, so a rerun or a retried call is safe.
    /// </summary>
    public async Task<MembershipChange> RemoveUserFromGroupAsync(JiraGroup group, string accountId, CancellationToken cancellationToken)
    {
        string path = $"{Api}/group/user?{group.Query}&accountId={Uri.EscapeDataString(accountId)}";
        using var response = await _caller.SendAsync(HttpMethod.Delete, path, null, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return MembershipChange.Changed;
        }

        var error = await _caller.ErrorAsync(response, "DELETE", path, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound && SaysNotAMember(error.Detail))
        {
            // "Not a member" on a retry: an earlier attempt whose answer was lost most likely removed the user, so
            // the removal is this call's, and the journal must say so for a restore to put the user back.
            return Http.RequestAttempt.IsRetry(response) ? MembershipChange.Changed : MembershipChange.AlreadyDone;
        }

        throw error;
    }

    /// <summary>Adds a user to a group; "already a member" means it is already done.</summary>
    public async Task<MembershipChange> AddUserToGroupAsync(JiraGroup group, string accountId, CancellationToken cancellationToken)
    {
        string path = $"{Api}/group/user?{group.Query}";
        using var content = JsonContent.Create(new AddUserToGroupDto(accountId), Json.AddUserToGroupDto);
        using var response = await _caller.SendAsync(HttpMethod.Post, path, content, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return MembershipChange.Changed;
        }

        var error = await _caller.ErrorAsync(response, "POST", path, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.BadRequest && error.Detail.Contains("already a member", StringComparison.OrdinalIgnoreCase))
        {
            // As for removals: on a retry, an earlier attempt whose answer was lost most likely added the user.
            return Http.RequestAttempt.IsRetry(response) ? MembershipChange.Changed : MembershipChange.AlreadyDone;
        }

        throw error;
    }

    private static bool SaysNotAMember(string detail) =>
        detail.Contains("not a member", StringComparison.OrdinalIgnoreCase)
        || detail.Contains("is not in the group", StringComparison.OrdinalIgnoreCase);
}
