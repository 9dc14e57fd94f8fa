using System.Globalization;
using System.Net;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>The calls the module makes to the organization Admin API.</summary>
public sealed class AdminApiClient
{
    private const string Api = "/admin/v1";
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
        using var response = await _caller.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await _caller.EnsureSuccessAsync(response, "GET", path, cancellationToken).ConfigureAwait(false);
        var page = await _caller.ReadAsync(response, "GET", path, Json.OrgPageDto, cancellationToken).ConfigureAwait(false);
        return new Organization(organizationId, page.Data?.FirstOrDefault()?.Attributes?.Name);
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
