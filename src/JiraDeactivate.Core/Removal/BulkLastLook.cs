using System.Collections.Concurrent;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// The last look in bulk: the v2 user search's records of a batch of users, read right before the batch changes
/// (<see cref="ReadAsync"/>), judge those it gives evidence about with the rules Get-InactiveJiraUser judged them by
/// (<see cref="SearchEvidence.ForLastLook"/>); a user the search is silent about (no entry for the product on this
/// site, a key this module cannot name) or that was not read gets the per-user look, the authority.
/// </summary>
public sealed class BulkLastLook(DirectorySearchReader search, LastLook perUser, string? cloudId, TimeProvider? time = null) : ILastLook
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (DateTime At, DirectoryUser? Record)> _read = new(StringComparer.Ordinal);
    private int _perUserLooks;

    /// <summary>How many users got the per-user look since the run began (the search was silent about them, or not read).</summary>
    public int PerUserLooks => _perUserLooks;

    /// <summary>The v2 user search calls of the bulk looks so far.</summary>
    public int SearchCalls => search.Calls;

    /// <summary>
    /// Reads the search's records of <paramref name="accountIds"/> now, replacing any read before. A failed search is
    /// not an error: those users get the per-user look.
    /// </summary>
    public async Task ReadAsync(IReadOnlyCollection<string> accountIds, int directorySizeAtLeast, CancellationToken cancellationToken)
    {
        DateTime at = _time.GetUtcNow().UtcDateTime;
        IReadOnlyDictionary<string, DirectoryUser> records;
        try
        {
            records = await search.ReadAsync(accountIds, directorySizeAtLeast, cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException)
        {
            records = new Dictionary<string, DirectoryUser>();
        }

        foreach (string id in accountIds)
        {
            _read[id] = (at, records.GetValueOrDefault(id));
        }
    }

    public async Task<LastLookResult> CheckAsync(string accountId, JiraProduct product, InactivityJudgment judgment, CancellationToken cancellationToken)
    {
        if (_read.TryRemove(accountId, out var read) && SearchEvidence.ForLastLook(read.Record, product, cloudId) is { } evidence)
        {
            var verdict = new InactivityRule(judgment.MoreThan, read.At).Evaluate(evidence.LastActive, read.Record!.AddedToOrg);
            return new LastLookResult(read.At, verdict, evidence.LastActive, null);
        }

        Interlocked.Increment(ref _perUserLooks);
        return await perUser.CheckAsync(accountId, product, judgment, cancellationToken).ConfigureAwait(false);
    }
}
