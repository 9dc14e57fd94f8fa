using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Inactivity;

/// <summary>
/// Reads the v2 user search records (with productAccess) of a set of users in as few Admin API calls as the run
/// allows: by <c>accountIds</c>, at most ten a call, or the whole directory a hundred a call, whichever costs fewer.
/// The directory's size is not known before reading it (the search gives no total), so it is read for at most as
/// many pages as the calls by account ID would cost, and the users not seen by then are asked for by ID: never more
/// than twice the cheaper way, and the directory's own cost when it is the cheaper.
/// </summary>
public sealed class DirectorySearchReader(AdminApiClient admin, string organizationId)
{
    private static readonly string[] s_expand = ["productAccess"];

    private int _calls;

    /// <summary>The Admin API calls this reader made so far.</summary>
    public int Calls => _calls;

    /// <summary>The records the search gives for <paramref name="accountIds"/>; a user it does not list is absent.</summary>
    /// <param name="accountIds">The users to read.</param>
    /// <param name="directorySizeAtLeast">A lower bound of the directory's size when one is known (Jira's count of the product's users), else 0.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <exception cref="AtlassianApiException">A call failed after the retries.</exception>
    public async Task<IReadOnlyDictionary<string, DirectoryUser>> ReadAsync(IReadOnlyCollection<string> accountIds, int directorySizeAtLeast, CancellationToken cancellationToken)
    {
        var wanted = accountIds.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, DirectoryUser>(StringComparer.Ordinal);
        int byIdCalls = CallsById(wanted.Count);
        int directoryCallsAtLeast = (directorySizeAtLeast + AdminApiClient.SearchPageSize - 1) / AdminApiClient.SearchPageSize;
        if (wanted.Count > AdminApiClient.SearchMaxAccountIds && directoryCallsAtLeast < byIdCalls)
        {
            int pages = 0;
            await foreach (var page in admin.SearchUsersAsync(organizationId, s_expand, null, cancellationToken).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _calls);
                Keep(page, wanted, found);
                // Stop once the rest costs less by ID than the pages read so far promise to save.
                if (found.Count == wanted.Count || ++pages >= byIdCalls || CallsById(wanted.Count - found.Count) <= 1)
                {
                    break;
                }
            }
        }

        foreach (var chunk in wanted.Where(id => !found.ContainsKey(id)).Chunk(AdminApiClient.SearchMaxAccountIds))
        {
            await foreach (var page in admin.SearchUsersAsync(organizationId, s_expand, null, cancellationToken, chunk).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _calls);
                Keep(page, wanted, found);
            }
        }

        return found;
    }

    /// <summary>How many calls reading <paramref name="users"/> users by account ID takes.</summary>
    public static int CallsById(int users) => (users + AdminApiClient.SearchMaxAccountIds - 1) / AdminApiClient.SearchMaxAccountIds;

    // A record of someone else (a filter the server ignored) is not kept.
    private static void Keep(IReadOnlyList<DirectoryUser> page, HashSet<string> wanted, Dictionary<string, DirectoryUser> found)
    {
        foreach (var user in page.Where(u => wanted.Contains(u.AccountId)))
        {
            found[user.AccountId] = user;
        }
    }
}
