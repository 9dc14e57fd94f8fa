using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>The calls the module makes to the organization Admin API.</summary>
public sealed class AdminApiClient
{
    private const string Api = "/admin/v1";
    private const string ApiV2 = "/admin/v2";

    /// <summary>The page size asked of the v2 user search; the documented maximum of its sibling list.</summary>
    public const int SearchPageSize = 100;

    /// <summary>The page size after the search refused <see cref="SearchPageSize"/> (its own default).</summary>
    public const int SearchFallbackPageSize = 50;

    /// <summary>The most account IDs one search may filter by (contract §2.6a).</summary>
    public const int SearchMaxAccountIds = 10;

    /// <summary>The role ID of organization admins in the v2 APIs.</summary>
    public const string OrgAdminRole = "atlassian/org-admin";
    private readonly ApiCaller _caller;
    private static AtlassianJsonContext Json => AtlassianJsonContext.Default;

    public AdminApiClient(HttpClient client) => _caller = new ApiCaller(client, AtlassianApi.Admin);

    /// <summary>The organizations the API key can manage (following the pages' full-URL links).</summary>
    public async Task<IReadOnlyList<Organization>> GetOrganizationsAsync(CancellationToken cancellationToken)
    {
        var organizations = new List<Organization>();
        string? path = $"{Api}/orgs";
        while (path is not null)
        {
            var page = await _caller.GetAsync(path, Json.OrgPageDto, cancellationToken).ConfigureAwait(false);
            organizations.AddRange((page.Data ?? []).Select(o => new Organization(o.Id, o.Attributes?.Name)));
            path = page.Links?.Next is { Length: > 0 } next ? next : null;
        }

        return organizations;
    }

    /// <summary>One organization; null when the key cannot see an organization of that ID.</summary>
    public async Task<Organization?> GetOrganizationAsync(string organizationId, CancellationToken cancellationToken)
    {
        string path = $"{Api}/orgs/{Uri.EscapeDataString(organizationId)}";
        var answer = await _caller.GetOrNullAsync(path, Json.OrgSingleDto, cancellationToken).ConfigureAwait(false);
        return answer is null ? null : new Organization(organizationId, answer.Data?.FirstOrDefault()?.Attributes?.Name);
    }

    /// <summary>A user's last active date in each product, following the answer's cursor.</summary>
    public async Task<UserLastActiveDates> GetLastActiveDatesAsync(string organizationId, string accountId, CancellationToken cancellationToken)
    {
        string basePath = $"{Api}/orgs/{Uri.EscapeDataString(organizationId)}/directory/users/{Uri.EscapeDataString(accountId)}/last-active-dates";
        var entries = new List<ProductLastActive>();
        DateTime? added = null;
        string path = basePath;
        while (true)
        {
            var answer = await _caller.GetAsync(path, Json.LastActiveDatesDto, cancellationToken).ConfigureAwait(false);
            foreach (var access in answer.Data?.ProductAccess ?? [])
            {
                entries.Add(new ProductLastActive(access.Key, CloudIdOf(access.Id), ParseDate(access.LastActiveTimestamp ?? access.LastActive)));
            }

            added ??= ParseDate(answer.Data?.AddedToOrgTimestamp ?? answer.Data?.AddedToOrg);
            if (answer.Links?.Next is not { Length: > 0 } cursor)
            {
                return new UserLastActiveDates(accountId, added, entries);
            }

            path = $"{basePath}?cursor={Uri.EscapeDataString(cursor)}";
        }
    }

    /// <summary>
    /// Every user of the organization's directories through POST /admin/v2/orgs/{orgId}/directories/-/users/search,
    /// one page at a time, following the opaque cursor of links.next until it is absent. A 400 to a page asked with
    /// more than <see cref="SearchFallbackPageSize"/> users is taken as a refused limit (its maximum is undocumented):
    /// that page is asked again with the smaller size, which the rest of the run keeps.
    /// </summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="expand">What to expand: "productAccess", "groups", "platformRoles".</param>
    /// <param name="roleIds">Only users holding one of these roles; null for everyone.</param>
    /// <param name="cancellationToken">Stops the paging.</param>
    /// <param name="accountIds">Only these users (at most <see cref="SearchMaxAccountIds"/>); null for everyone.</param>
    /// <exception cref="AtlassianApiException">A page failed after the retries, or its answer is not a page of users.</exception>
    public async IAsyncEnumerable<IReadOnlyList<DirectoryUser>> SearchUsersAsync(string organizationId, IReadOnlyList<string> expand, IReadOnlyList<string>? roleIds,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, IReadOnlyList<string>? accountIds = null)
    {
        if (accountIds is { Count: > SearchMaxAccountIds })
        {
            throw new ArgumentException($"The search filters by at most {SearchMaxAccountIds} account IDs a call.", nameof(accountIds));
        }

        string path = $"{ApiV2}/orgs/{Uri.EscapeDataString(organizationId)}/directories/-/users/search";
        int limit = SearchPageSize;
        string? cursor = null;
        while (true)
        {
            var request = new UserSearchRequestDto(limit, cursor, [.. expand], roleIds is null ? null : [.. roleIds], accountIds is null ? null : [.. accountIds]);
            using var content = JsonContent.Create(request, Json.UserSearchRequestDto);
            using var response = await _caller.SendAsync(HttpMethod.Post, path, content, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.BadRequest && limit > SearchFallbackPageSize)
            {
                limit = SearchFallbackPageSize;
                continue;
            }

            await _caller.EnsureSuccessAsync(response, "POST", path, cancellationToken).ConfigureAwait(false);
            var page = await _caller.ReadAsync(response, "POST", path, Json.UserSearchPageDto, cancellationToken).ConfigureAwait(false);
            if (page.Data is null)
            {
                throw new AtlassianApiException(AtlassianApi.Admin, "POST", path, response.StatusCode, "the answer has no list of users (data).");
            }

            yield return [.. page.Data.Where(u => u.AccountId is { Length: > 0 }).Select(ToDirectoryUser)];
            if (page.Links?.Next is not { Length: > 0 } next)
            {
                yield break;
            }

            if (next == cursor)
            {
                throw new AtlassianApiException(AtlassianApi.Admin, "POST", path, response.StatusCode, "the answer gave the same page cursor again; stopped instead of looping.");
            }

            cursor = next;
        }
    }

    /// <summary>
    /// The account IDs of the organization's admins: the v2 search filtered by role <see cref="OrgAdminRole"/>. Where
    /// a record names its platform roles, it must name that one (a filter the server ignored would list everyone).
    /// </summary>
    public async Task<IReadOnlySet<string>> GetOrganizationAdminsAsync(string organizationId, CancellationToken cancellationToken)
    {
        var admins = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in SearchUsersAsync(organizationId, ["platformRoles"], [OrgAdminRole], cancellationToken).ConfigureAwait(false))
        {
            admins.UnionWith(page.Where(u => u.PlatformRoles is null || u.PlatformRoles.Contains(OrgAdminRole, StringComparer.OrdinalIgnoreCase)).Select(u => u.AccountId));
        }

        return admins;
    }

    private static DirectoryUser ToDirectoryUser(SearchUserDto user) => new(
        user.AccountId!, user.AccountType, user.Status, user.AccountStatus, user.MembershipStatus, ParseDate(user.AddedToOrg),
        user.ProductAccess?.Select(p => new DirectoryProductAccess(p.Key, p.Id, ParseDate(p.LastActiveTimestamp))).ToArray(),
        user.PlatformRoles, user.Email, user.Name);

    // "ari:cloud:jira-software::site/58d24034-..." -> "58d24034-...".
    private static string? CloudIdOf(string? ari)
    {
        int site = ari?.LastIndexOf("site/", StringComparison.Ordinal) ?? -1;
        return site < 0 ? null : ari![(site + 5)..];
    }

    private static DateTime? ParseDate(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value.Date, DateTimeKind.Utc)
            : null;
}
