using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>
/// The v2 Admin API calls that suspend and restore a user's access to the organization, and read a user's status
/// back. The v1 suspend-access and restore-access routes stopped working after June 30, 2026.
/// </summary>
public sealed class AdminLifecycleClient
{
    private const string Api = "/admin/v2";
    private readonly ApiCaller _caller;
    private static AdminLifecycleJsonContext Json => AdminLifecycleJsonContext.Default;

    public AdminLifecycleClient(HttpClient client) => _caller = new ApiCaller(client, AtlassianApi.Admin);

    /// <summary>The IDs of the organization's directories (one under centralized user management).</summary>
    public async Task<IReadOnlyList<string>> GetDirectoryIdsAsync(string organizationId, CancellationToken cancellationToken)
    {
        var page = await _caller.GetAsync($"{Api}/orgs/{Uri.EscapeDataString(organizationId)}/directories", Json.LifecycleDirectoryPageDto, cancellationToken).ConfigureAwait(false);
        return [.. (page.Data ?? []).Select(d => d.DirectoryId ?? d.Id).OfType<string>().Where(id => id.Length > 0)];
    }

    /// <summary>Suspends a user's access; <see cref="MembershipChange.AlreadyDone"/> when Atlassian says it already is (409).</summary>
    public Task<MembershipChange> SuspendAsync(string organizationId, string directoryId, string accountId, CancellationToken cancellationToken) =>
        ChangeAsync(organizationId, directoryId, accountId, "suspend", cancellationToken);

    /// <summary>Restores a suspended user's access; <see cref="MembershipChange.AlreadyDone"/> when Atlassian says it already is (409).</summary>
    public Task<MembershipChange> RestoreAsync(string organizationId, string directoryId, string accountId, CancellationToken cancellationToken) =>
        ChangeAsync(organizationId, directoryId, accountId, "restore", cancellationToken);

    /// <summary>A user's status and last activity per product now; null when the directory does not list the user.</summary>
    public async Task<DirectoryUserStatus?> GetStatusAsync(string organizationId, string accountId, CancellationToken cancellationToken)
    {
        string path = $"{Api}/orgs/{Uri.EscapeDataString(organizationId)}/directories/-/users/search";
        using var content = JsonContent.Create(new LifecycleSearchDto([accountId], ["productAccess"], 10), Json.LifecycleSearchDto);
        using var response = await _caller.SendAsync(HttpMethod.Post, path, content, cancellationToken).ConfigureAwait(false);
        await _caller.EnsureSuccessAsync(response, "POST", path, cancellationToken).ConfigureAwait(false);
        var page = await _caller.ReadAsync(response, "POST", path, Json.LifecycleUserPageDto, cancellationToken).ConfigureAwait(false);
        var user = (page.Data ?? []).FirstOrDefault(u => string.Equals(u.AccountId, accountId, StringComparison.Ordinal));
        return user is null ? null : new DirectoryUserStatus(accountId, user.AccountType, user.Status, user.MembershipStatus, user.Name, user.Email,
            [.. (user.ProductAccess ?? []).Where(p => p.Key is not null).Select(p => new ProductLastActive(p.Key!, CloudIdOf(p.Id), ParseTime(p.LastActiveTimestamp)))]);
    }

    // Atlassian answers a body-less POST with 415, so the call always sends {} as JSON. Any 2xx is success.
    private async Task<MembershipChange> ChangeAsync(string organizationId, string directoryId, string accountId, string action, CancellationToken cancellationToken)
    {
        string path = $"{Api}/orgs/{Uri.EscapeDataString(organizationId)}/directories/{Uri.EscapeDataString(directoryId)}/users/{Uri.EscapeDataString(accountId)}/{action}";
        using var content = JsonContent.Create(new EmptyBodyDto(), Json.EmptyBodyDto);
        using var response = await _caller.SendAsync(HttpMethod.Post, path, content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return MembershipChange.AlreadyDone;
        }

        await _caller.EnsureSuccessAsync(response, "POST", path, cancellationToken).ConfigureAwait(false);
        return MembershipChange.Changed;
    }

    // The instance id is a cloud ID, or a site ARI ("ari:cloud:jira::site/<cloudId>").
    private static string? CloudIdOf(string? id)
    {
        int site = id?.LastIndexOf("site/", StringComparison.Ordinal) ?? -1;
        return site < 0 ? id : id![(site + 5)..];
    }

    private static DateTime? ParseTime(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
