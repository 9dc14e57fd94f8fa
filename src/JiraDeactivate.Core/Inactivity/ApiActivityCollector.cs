using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Inactivity;

/// <summary>
/// Gathers, without a CSV, what the inactivity rule needs: the members of every group that grants the product
/// (Jira REST API, deduplicated) and each one's last-active dates (Admin API, one call per user, concurrently
/// under the rate limit). Results come as they are ready; listing and fetching overlap.
/// </summary>
public sealed class ApiActivityCollector(JiraRestClient jira, AdminApiClient admin, Organization organization, string? siteName, string? cloudId)
{
    public async IAsyncEnumerable<ApiActivityResult> CollectAsync(JiraProduct product, ApiCollectOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var role = await jira.GetProductRoleAsync(ProductNames.ApplicationRoleKey(product), stop.Token).ConfigureAwait(false);
        var members = Channel.CreateUnbounded<JiraAccount>(new UnboundedChannelOptions { SingleReader = false });
        var results = Channel.CreateUnbounded<ApiActivityResult>(new UnboundedChannelOptions { SingleReader = true });
        var counts = new Counts(options.Progress);

        var listing = ListMembersAsync(role, options, members.Writer, counts, stop.Token);
        var fetching = Parallel.ForEachAsync(members.Reader.ReadAllAsync(stop.Token),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.ThrottleLimit), CancellationToken = stop.Token },
            async (account, token) => await results.Writer.WriteAsync(await FetchAsync(account, product, counts, token).ConfigureAwait(false), token).ConfigureAwait(false));
        var done = Task.WhenAll(listing, fetching).ContinueWith(t => results.Writer.TryComplete(t.Exception?.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? t.Exception?.InnerException),
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
        }
    }

    private async Task ListMembersAsync(ProductRole role, ApiCollectOptions options, ChannelWriter<JiraAccount> writer, Counts counts, CancellationToken cancellationToken)
    {
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            await Parallel.ForEachAsync(role.Groups, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (group, token) =>
            {
                await foreach (var account in jira.GetGroupMembersAsync(group, options.IncludeInactiveAccounts, token).ConfigureAwait(false))
                {
                    bool skipped = (account.IsApp && !options.IncludeAppAccounts) || (!account.Active && !options.IncludeInactiveAccounts)
                        || options.IsExcluded(account.AccountId, account.Email);
                    if (!skipped && seen.TryAdd(account.AccountId, true))
                    {
                        counts.Found();
                        await writer.WriteAsync(account, token).ConfigureAwait(false);
                    }
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

    private async Task<ApiActivityResult> FetchAsync(JiraAccount account, JiraProduct product, Counts counts, CancellationToken cancellationToken)
    {
        try
        {
            var dates = await admin.GetLastActiveDatesAsync(organization.Id, account.AccountId, cancellationToken).ConfigureAwait(false);
            counts.Fetched();
            return new ApiActivityResult(ToActivity(account, dates, product), account.AccountId, account.DisplayName, null);
        }
        catch (AtlassianApiException e)
        {
            counts.Failed();
            return new ApiActivityResult(null, account.AccountId, account.DisplayName, e);
        }
    }

    private JiraUserActivity ToActivity(JiraAccount account, UserLastActiveDates dates, JiraProduct product)
    {
        string key = ProductNames.AdminApiKey(product);
        var lastActive = ProductLastActivity.Of(dates, product, cloudId);
        return new JiraUserActivity
        {
            AccountId = account.AccountId,
            DisplayName = account.DisplayName,
            Email = account.Email,
            Status = account.Active ? AccountStatus.Active : AccountStatus.Deactivated,
            AddedToOrg = dates.AddedToOrg,
            Products = [new ProductActivity(key, product, siteName, HasAccess: true, lastActive)],
            Source = ActivitySource.Api,
        };
    }

    private sealed class Counts(Action<ApiCollectProgress>? report)
    {
        private int _found;
        private int _fetched;
        private int _failed;
        private volatile bool _listingComplete;

        public void Found() => Report(Interlocked.Increment(ref _found), Volatile.Read(ref _fetched), Volatile.Read(ref _failed));

        public void Fetched() => Report(Volatile.Read(ref _found), Interlocked.Increment(ref _fetched), Volatile.Read(ref _failed));

        public void Failed() => Report(Volatile.Read(ref _found), Volatile.Read(ref _fetched), Interlocked.Increment(ref _failed));

        public void ListingDone()
        {
            _listingComplete = true;
            Report(Volatile.Read(ref _found), Volatile.Read(ref _fetched), Volatile.Read(ref _failed));
        }

        private void Report(int found, int fetched, int failed) => report?.Invoke(new ApiCollectProgress(found, fetched, failed, _listingComplete));
    }
}
