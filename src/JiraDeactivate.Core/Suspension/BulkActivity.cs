using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Suspension;

/// <summary>
/// Suspend-JiraUser's last look in bulk: the v2 user search's records of the run's users, read once when planning
/// starts and once when the changes start (the first look of each), instead of one last-active-dates call per user
/// and look; the planning read also gives each user's directory status (<see cref="Statuses"/>). A record is used only when it is as sure as
/// the per-user answer: a dated entry for every product, of every site, (an undated or missing one may be a product
/// never used or not listed: the search cannot tell) and no key this module cannot name. Otherwise the per-user answer
/// is read, the authority.
/// </summary>
public sealed class BulkActivity
{
    private readonly DirectorySearchReader _search;
    private readonly AdminApiClient _admin;
    private readonly string _organizationId;
    private readonly IReadOnlyCollection<string> _accountIds;
    private readonly RecordsReadOnce[] _reads = [new(), new()];
    private int _perUser;

    public BulkActivity(DirectorySearchReader search, AdminApiClient admin, string organizationId, IReadOnlyCollection<string> accountIds)
    {
        (_search, _admin, _organizationId, _accountIds) = (search, admin, organizationId, accountIds);
        Statuses = new BulkStatuses(search, token => RecordsAsync(beforeChange: false, token));
    }

    /// <summary>The users' statuses: at planning from the planning look's read, after the changes from a read of their own.</summary>
    public BulkStatuses Statuses { get; }

    /// <summary>How many looks fell back to the per-user answer.</summary>
    public int PerUserLooks => _perUser;

    /// <summary>The v2 user search calls so far.</summary>
    public int SearchCalls => _search.Calls;

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
        return await _admin.GetLastActiveDatesAsync(_organizationId, accountId, cancellationToken).ConfigureAwait(false);
    }

    private Task<IReadOnlyDictionary<string, DirectoryUser>> RecordsAsync(bool beforeChange, CancellationToken cancellationToken) =>
        _reads[beforeChange ? 1 : 0].Get(() => BulkStatuses.ReadAsync(_search, _accountIds, cancellationToken), cancellationToken);

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
