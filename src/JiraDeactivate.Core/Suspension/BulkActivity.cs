using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Suspension;

/// <summary>
/// Suspend-JiraUser's last look in bulk: the v2 user search's records of the run's users, read once when planning
/// starts and once when the changes start (the first look of each), instead of one last-active-dates call per user
/// and look; the planning read also gives each user's directory status, and a read after a batch's changes the
/// statuses they verify. A record is used only when it is as sure as
/// the per-user answer: a dated entry for every product, of every site, (an undated or missing one may be a product
/// never used or not listed: the search cannot tell) and no key this module cannot name. Otherwise the per-user answer
/// is read, the authority.
/// </summary>
public sealed class BulkActivity(DirectorySearchReader search, AdminApiClient admin, string organizationId, IReadOnlyCollection<string> accountIds)
{
    private readonly Task<IReadOnlyDictionary<string, DirectoryUser>>?[] _reads = new Task<IReadOnlyDictionary<string, DirectoryUser>>?[2];
    private readonly object _gate = new();
    private int _perUser;
    private int _perUserStatus;
    private int _perUserReadBacks;

    /// <summary>How many looks fell back to the per-user answer.</summary>
    public int PerUserLooks => _perUser;

    /// <summary>How many status reads at planning fell back to the per-user answer.</summary>
    public int PerUserStatusReads => _perUserStatus;

    /// <summary>How many read backs after the changes fell back to the per-user answer.</summary>
    public int PerUserReadBacks => _perUserReadBacks;

    /// <summary>The v2 user search calls so far.</summary>
    public int SearchCalls => search.Calls;

    /// <summary>The user's activity in every product: from the search read for this look, else the per-user answer.</summary>
    /// <param name="accountId">The user.</param>
    /// <param name="beforeChange">False at planning, true right before the change: each reads the search once, when first asked.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <exception cref="AtlassianApiException">The per-user answer could not be read.</exception>
    public async Task<UserLastActiveDates> GetAsync(string accountId, bool beforeChange, CancellationToken cancellationToken)
    {
        var records = await RecordsAsync(beforeChange, cancellationToken).ConfigureAwait(false);
        if (records.TryGetValue(accountId, out var record) && Sure(record) is { } dates)
        {
            return dates;
        }

        Interlocked.Increment(ref _perUser);
        return await admin.GetLastActiveDatesAsync(organizationId, accountId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The user's directory status at planning, from the planning look's search read when its record says the account
    /// type and the status; otherwise <paramref name="perUser"/>'s answer (the same search, for this user alone).
    /// </summary>
    /// <exception cref="AtlassianApiException">The per-user answer could not be read.</exception>
    public async Task<DirectoryUserStatus?> GetStatusAsync(string accountId, Func<CancellationToken, Task<DirectoryUserStatus?>> perUser, CancellationToken cancellationToken)
    {
        var records = await RecordsAsync(beforeChange: false, cancellationToken).ConfigureAwait(false);
        if (records.TryGetValue(accountId, out var r) && r.AccountType is not null && (r.Status ?? r.MembershipStatus) is not null)
        {
            return new DirectoryUserStatus(r.AccountId, r.AccountType, r.Status, r.MembershipStatus, r.Name, r.Email, []);
        }

        Interlocked.Increment(ref _perUserStatus);
        return await perUser(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether each of <paramref name="changed"/> is suspended now, after the changes: a fresh search read for
    /// them, and <paramref name="perUser"/>'s answer (the same search, for one user) for those whose record says no
    /// status or that it does not list. Null for a user whose status could not be read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, bool?>> ReadBackAsync(IReadOnlyCollection<string> changed, Func<string, CancellationToken, Task<bool?>> perUser, CancellationToken cancellationToken)
    {
        var records = await ReadAsync(changed, cancellationToken).ConfigureAwait(false);
        var suspended = new Dictionary<string, bool?>(StringComparer.Ordinal);
        foreach (string id in changed)
        {
            if (records.TryGetValue(id, out var r) && (r.Status ?? r.MembershipStatus) is not null)
            {
                suspended[id] = new DirectoryUserStatus(r.AccountId, r.AccountType, r.Status, r.MembershipStatus, r.Name, r.Email, []).IsSuspended;
                continue;
            }

            Interlocked.Increment(ref _perUserReadBacks);
            suspended[id] = await perUser(id, cancellationToken).ConfigureAwait(false);
        }

        return suspended;
    }

    private Task<IReadOnlyDictionary<string, DirectoryUser>> RecordsAsync(bool beforeChange, CancellationToken cancellationToken)
    {
        Task<IReadOnlyDictionary<string, DirectoryUser>> read;
        lock (_gate)
        {
            read = _reads[beforeChange ? 1 : 0] ??= ReadAsync(accountIds, cancellationToken);
        }

        return read.WaitAsync(cancellationToken);
    }

    // A failed search is not an error: every user then gets the per-user answer.
    private async Task<IReadOnlyDictionary<string, DirectoryUser>> ReadAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        try
        {
            return await search.ReadAsync(ids, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException)
        {
            return new Dictionary<string, DirectoryUser>();
        }
    }

    // Every entry counts, of every site: a suspension cuts the whole organization.
    private static UserLastActiveDates? Sure(DirectoryUser record)
    {
        var entries = record.ProductAccess;
        if (entries is not { Count: > 0 } || entries.Any(p => p.LastActive is null || p.Key is null || (ProductNames.FromSearchKey(p.Key) is null && !ProductNames.IsOtherProductKey(p.Key))))
        {
            return null;
        }

        return new UserLastActiveDates(record.AccountId, record.AddedToOrg, entries.Select(p => new ProductLastActive(p.Key!, CloudIdOf(p.Id), p.LastActive)).ToList());
    }

    // The instance id is the bare cloud ID or a site ARI ending in "site/<cloudId>".
    private static string? CloudIdOf(string? id)
    {
        int site = id?.LastIndexOf("site/", StringComparison.Ordinal) ?? -1;
        return site >= 0 ? id![(site + 5)..] : id;
    }
}
