using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Inactivity;

/// <summary>
/// Gathers, without a CSV, what the inactivity rule needs: the members of every group that grants the product
/// (Jira REST API, deduplicated) and each one's last activity (Admin API). The activity comes from the v2 user
/// search, 100 users per call, read while the groups are listed; a holder the search is silent about is confirmed
/// with the per-user last-active dates (concurrently under the rate limit), and so is everyone when the search is
/// unavailable or <see cref="ApiActivitySource.PerUser"/> is asked for. Results come as they are ready.
/// </summary>
public sealed class ApiActivityCollector(JiraRestClient jira, AdminApiClient admin, Organization organization, string? siteName, string? cloudId)
{
    private static readonly string[] s_searchExpand = ["productAccess"];
    private static readonly string[] s_byGroup = [GroupPaths.Group];
    private static readonly string[] s_notByGroup = [GroupPaths.NotByGroup];

    // Holders whom no granting group explains (found through the search, confirmed by Jira).
    private readonly ConcurrentDictionary<string, bool> _notByGroup = new(StringComparer.Ordinal);

    // The granting groups each member was listed in.
    private readonly ConcurrentDictionary<string, List<string>> _groupsOf = new(StringComparer.Ordinal);

    /// <summary>What the last run used and how many calls of each kind it made; set when a run ends.</summary>
    public ApiCollectSummary? Summary { get; private set; }

    public async IAsyncEnumerable<ApiActivityResult> CollectAsync(JiraProduct product, ApiCollectOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var role = await jira.GetProductRoleAsync(ProductNames.ApplicationRoleKey(product), stop.Token).ConfigureAwait(false);
        var members = Channel.CreateUnbounded<JiraAccount>(new UnboundedChannelOptions { SingleReader = false });
        var results = Channel.CreateUnbounded<ApiActivityResult>(new UnboundedChannelOptions { SingleReader = true });
        var counts = new Counts(options.Progress);

        var search = options.Source == ApiActivitySource.PerUser ? Task.FromResult(SearchIndex.NotUsed) : ReadSearchAsync(options, stop.Token);
        var listing = ListMembersAsync(role, product, options, members.Writer, search, counts, stop.Token);
        var fetching = Parallel.ForEachAsync(members.Reader.ReadAllAsync(stop.Token),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.ThrottleLimit), CancellationToken = stop.Token },
            async (account, token) =>
            {
                var index = await search.WaitAsync(token).ConfigureAwait(false);
                await results.Writer.WriteAsync(await JudgeAsync(account, product, index, listing, counts, token).ConfigureAwait(false), token).ConfigureAwait(false);
            });
        var done = Task.WhenAll(listing, fetching, search).ContinueWith(t => results.Writer.TryComplete(t.Exception?.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? t.Exception?.InnerException),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await done.ConfigureAwait(false);
            var index = search.IsCompletedSuccessfully ? search.Result : SearchIndex.NotUsed;
            Summary = new ApiCollectSummary(options.Source, index.Used, index.Pages, index.Records.Count, index.Failure,
                counts.FromSearch, counts.PerUserCalls, counts.SilentInSearch, counts.MissingFromSearch);
        }
    }

    // Reads every page of the search into an index by account ID. In Auto mode a failure is a warning: the pages
    // read so far still count, and everyone else is confirmed one by one.
    private async Task<SearchIndex> ReadSearchAsync(ApiCollectOptions options, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, DirectoryUser>(StringComparer.Ordinal);
        int pages = 0;
        try
        {
            await foreach (var page in admin.SearchUsersAsync(organization.Id, s_searchExpand, null, cancellationToken).ConfigureAwait(false))
            {
                pages++;
                foreach (var user in page)
                {
                    records[user.AccountId] = user;
                }
            }

            return new SearchIndex(true, pages, records, null);
        }
        catch (AtlassianApiException e) when (options.Source == ApiActivitySource.Auto)
        {
            string failure = pages == 0
                ? $"The Admin API's v2 user search is not available ({e.Message}); every user's last-active dates are read one by one instead, which is slower."
                : $"The Admin API's v2 user search stopped after {pages} pages and {records.Count} users ({e.Message}); the users it did not reach are read one by one instead.";
            options.Warning?.Invoke(failure);
            return new SearchIndex(pages > 0, pages, records, failure);
        }
    }

    // The result waits for the listing (not the reads): the user's groups, and so how the user holds the product, are then whole.
    private async Task<ApiActivityResult> JudgeAsync(JiraAccount account, JiraProduct product, SearchIndex index, Task listing, Counts counts, CancellationToken cancellationToken)
    {
        var record = index.Records.GetValueOrDefault(account.AccountId);
        if (SearchEvidence.Find(record, product, cloudId) is { } evidence)
        {
            counts.Judged(fromSearch: true);
            await listing.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new ApiActivityResult(ToActivity(account, record, record!.AddedToOrg, evidence.LastActive, product), account.AccountId, account.DisplayName, null);
        }

        if (index.Used)
        {
            counts.Unproven(missing: record is null);
        }

        return await FetchAsync(account, record, product, listing, counts, cancellationToken).ConfigureAwait(false);
    }

    // The members of the granting groups, then the holders no group explains: users the v2 search lists with the
    // product on the site (a role assigned directly), each confirmed by Jira's application roles. Those are looked
    // for only when the product's seat count (every path counts) is above the active people in its groups.
    private async Task ListMembersAsync(ProductRole role, JiraProduct product, ApiCollectOptions options, ChannelWriter<JiraAccount> writer, Task<SearchIndex> search, Counts counts,
        CancellationToken cancellationToken)
    {
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var seated = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            await Parallel.ForEachAsync(role.Groups, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (group, token) =>
            {
                await foreach (var account in jira.GetGroupMembersAsync(group, options.IncludeInactiveAccounts, token).ConfigureAwait(false))
                {
                    bool skipped = (account.IsApp && !options.IncludeAppAccounts) || (!account.Active && !options.IncludeInactiveAccounts)
                        || options.IsExcluded(account.AccountId, account.Email);
                    if (account.Active && !account.IsApp)
                    {
                        seated.TryAdd(account.AccountId, true);
                    }

                    if (!skipped)
                    {
                        var groups = _groupsOf.GetOrAdd(account.AccountId, _ => []);
                        lock (groups)
                        {
                            groups.Add(group.Name);
                        }
                    }

                    if (!skipped && seen.TryAdd(account.AccountId, true))
                    {
                        counts.Found();
                        await writer.WriteAsync(account, token).ConfigureAwait(false);
                    }
                }
            }).ConfigureAwait(false);
            var index = await search.ConfigureAwait(false);
            var candidates = role.UsersCounted <= seated.Count ? [] : index.Records.Values.Where(r => !seen.ContainsKey(r.AccountId) && SearchEvidence.Lists(r, product, cloudId) && !options.IsExcluded(r.AccountId, r.Email)).ToList();
            // The seats no group explains: once that many holders are confirmed, the other candidates are not read.
            int unexplained = role.UsersCounted - seated.Count;
            int confirmed = 0;
            await Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (record, token) =>
            {
                if (Volatile.Read(ref confirmed) >= unexplained
                    || await jira.GetUserAccessAsync(record.AccountId, token).ConfigureAwait(false) is not { } access
                    || !access.ApplicationRoleKeys.Contains(role.Key, StringComparer.OrdinalIgnoreCase) || role.Granting(access.Groups).Count > 0)
                {
                    return;
                }

                var account = access.Account;
                if (account.Active && !account.IsApp)
                {
                    Interlocked.Increment(ref confirmed);
                }

                bool skipped = (account.IsApp && !options.IncludeAppAccounts) || (!account.Active && !options.IncludeInactiveAccounts);
                if (!skipped && seen.TryAdd(account.AccountId, true))
                {
                    _notByGroup[account.AccountId] = true;
                    counts.Found();
                    await writer.WriteAsync(account, token).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            counts.ListingDone();
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            throw;
        }
    }

    private async Task<ApiActivityResult> FetchAsync(JiraAccount account, DirectoryUser? record, JiraProduct product, Task listing, Counts counts, CancellationToken cancellationToken)
    {
        try
        {
            counts.CallingPerUser();
            var dates = await admin.GetLastActiveDatesAsync(organization.Id, account.AccountId, cancellationToken).ConfigureAwait(false);
            var reading = ProductLastActivity.Read(dates, product, cloudId);
            if (reading.CannotJudge is { } reason)
            {
                counts.Failed();
                return new ApiActivityResult(null, account.AccountId, account.DisplayName, new InvalidDataException(reason));
            }

            counts.Judged(fromSearch: false);
            await listing.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new ApiActivityResult(ToActivity(account, record, dates.AddedToOrg ?? record?.AddedToOrg, reading.LastActive, product), account.AccountId, account.DisplayName, null);
        }
        catch (AtlassianApiException e)
        {
            counts.Failed();
            return new ApiActivityResult(null, account.AccountId, account.DisplayName, e);
        }
    }

    // Jira's "active" cannot tell suspended from deactivated; the search's status can, when the user is in it.
    private JiraUserActivity ToActivity(JiraAccount account, DirectoryUser? record, DateTime? addedToOrg, DateTime? lastActive, JiraProduct product) => new()
    {
        AccountId = account.AccountId,
        DisplayName = account.DisplayName,
        // Jira hides some users' emails; the Admin API gives them, and -Exclude by email needs them.
        Email = account.Email ?? record?.Email,
        StatusValue = SearchEvidence.StatusOf(record) ?? (account.Active ? AccountStatus.Active : AccountStatus.Deactivated),
        AddedToOrg = addedToOrg,
        Products = [new ProductActivity(ProductNames.AdminApiKey(product), product, siteName, HasAccess: true, lastActive)],
        SourceValue = ActivitySource.Api,
        AccessPaths = _notByGroup.ContainsKey(account.AccountId) ? s_notByGroup : s_byGroup,
        Groups = GroupsOf(account.AccountId),
    };

    // The granting groups the member was listed in (read once the listing is done).
    private string[] GroupsOf(string accountId)
    {
        if (!_groupsOf.TryGetValue(accountId, out var groups))
        {
            return [];
        }

        lock (groups)
        {
            return [.. groups.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        }
    }

    private sealed class Counts(Action<ApiCollectProgress>? report)
    {
        private int _found;
        private int _fetched;
        private int _failed;
        private int _fromSearch;
        private int _perUserCalls;
        private int _silent;
        private int _missing;
        private volatile bool _listingComplete;

        public int FromSearch => Volatile.Read(ref _fromSearch);

        public int PerUserCalls => Volatile.Read(ref _perUserCalls);

        public int SilentInSearch => Volatile.Read(ref _silent);

        public int MissingFromSearch => Volatile.Read(ref _missing);

        public void Found() => Report(Interlocked.Increment(ref _found), Volatile.Read(ref _fetched), Volatile.Read(ref _failed));

        public void CallingPerUser() => Interlocked.Increment(ref _perUserCalls);

        public void Unproven(bool missing) => Interlocked.Increment(ref missing ? ref _missing : ref _silent);

        public void Judged(bool fromSearch)
        {
            if (fromSearch)
            {
                Interlocked.Increment(ref _fromSearch);
            }

            Report(Volatile.Read(ref _found), Interlocked.Increment(ref _fetched), Volatile.Read(ref _failed));
        }

        public void Failed() => Report(Volatile.Read(ref _found), Volatile.Read(ref _fetched), Interlocked.Increment(ref _failed));

        public void ListingDone()
        {
            _listingComplete = true;
            Report(Volatile.Read(ref _found), Volatile.Read(ref _fetched), Volatile.Read(ref _failed));
        }

        private void Report(int found, int fetched, int failed) => report?.Invoke(new ApiCollectProgress(found, fetched, failed, _listingComplete));
    }

    private sealed record SearchIndex(bool Used, int Pages, IReadOnlyDictionary<string, DirectoryUser> Records, string? Failure)
    {
        public static SearchIndex NotUsed { get; } = new(false, 0, new Dictionary<string, DirectoryUser>(), null);
    }
}
