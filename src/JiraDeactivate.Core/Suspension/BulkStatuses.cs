using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;

namespace JiraDeactivate.Core.Suspension;

/// <summary>
/// The users' directory statuses for a suspend or resume run of many, from the v2 user search: at planning from one
/// read of the run's users (for a suspension, the planning look's read), and after a batch's changes from one read of
/// the users it changed, instead of one search per user each time. A user the search does not return with a status
/// gets the per-user answer (the same search, for that user alone).
/// </summary>
/// <param name="search">The reads after the changes.</param>
/// <param name="planningRecords">The records of the run's users at planning, read once however often asked.</param>
public sealed class BulkStatuses(DirectorySearchReader search, Func<CancellationToken, Task<IReadOnlyDictionary<string, DirectoryUser>>> planningRecords)
{
    private int _perUserStatus;
    private int _perUserReadBacks;

    /// <summary>The statuses of <paramref name="accountIds"/>, read from the search when planning first asks for one.</summary>
    public static BulkStatuses Of(DirectorySearchReader search, IReadOnlyCollection<string> accountIds)
    {
        var once = new RecordsReadOnce();
        return new BulkStatuses(search, token => once.Get(() => ReadAsync(search, accountIds, token), token));
    }

    /// <summary>How many statuses at planning fell back to the per-user answer.</summary>
    public int PerUserStatusReads => _perUserStatus;

    /// <summary>How many read backs after the changes fell back to the per-user answer.</summary>
    public int PerUserReadBacks => _perUserReadBacks;

    /// <summary>The v2 user search calls so far (the reads after the changes, and the planning read when it is this reader's).</summary>
    public int SearchCalls => search.Calls;

    /// <summary>The user's status at planning: from the planning records when the user's says the account type and the status, else <paramref name="perUser"/>'s answer.</summary>
    /// <exception cref="AtlassianApiException">The per-user answer could not be read.</exception>
    public async Task<DirectoryUserStatus?> GetAsync(string accountId, Func<CancellationToken, Task<DirectoryUserStatus?>> perUser, CancellationToken cancellationToken)
    {
        var records = await planningRecords(cancellationToken).ConfigureAwait(false);
        if (records.TryGetValue(accountId, out var r) && r.AccountType is not null && StatusOf(r) is { } status)
        {
            return status;
        }

        Interlocked.Increment(ref _perUserStatus);
        return await perUser(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether each of <paramref name="changed"/> is suspended now, after the changes: a fresh search read for them,
    /// and <paramref name="perUser"/>'s answer for a user it does not return with a status. Null: could not be read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, bool?>> ReadBackAsync(IReadOnlyCollection<string> changed, Func<string, CancellationToken, Task<bool?>> perUser, CancellationToken cancellationToken)
    {
        var records = await ReadAsync(search, changed, cancellationToken).ConfigureAwait(false);
        var suspended = new Dictionary<string, bool?>(StringComparer.Ordinal);
        foreach (string id in changed)
        {
            if (records.TryGetValue(id, out var r) && StatusOf(r) is { } status)
            {
                suspended[id] = status.IsSuspended;
                continue;
            }

            Interlocked.Increment(ref _perUserReadBacks);
            suspended[id] = await perUser(id, cancellationToken).ConfigureAwait(false);
        }

        return suspended;
    }

    /// <summary>The search's records of <paramref name="accountIds"/>; none when the search failed (every user then gets the per-user answer).</summary>
    public static async Task<IReadOnlyDictionary<string, DirectoryUser>> ReadAsync(DirectorySearchReader search, IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        try
        {
            return await search.ReadAsync(accountIds, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException)
        {
            return new Dictionary<string, DirectoryUser>();
        }
    }

    // A record without a status cannot tell whether the user is suspended.
    private static DirectoryUserStatus? StatusOf(DirectoryUser r) =>
        (r.Status ?? r.MembershipStatus) is null ? null : new DirectoryUserStatus(r.AccountId, r.AccountType, r.Status, r.MembershipStatus, r.Name, r.Email, []);
}
