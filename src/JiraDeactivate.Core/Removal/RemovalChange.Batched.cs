using System.Collections.Concurrent;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// The batches of a removal run whose reads are not all per user: the bulk reads before planning, the last look in
/// bulk right before a batch's changes, and the batch's verification, from one snapshot of the granting groups when
/// that costs fewer calls than a read per user. A user changed before a stop is reported Removed, "not verified".
/// </summary>
public sealed partial class RemovalChange : IBatchedChange<RemovalRequest, RemovalPlan, ProductAccessRemoval>
{
    // The changed users of the batch under way whose verification is still to come: the plan (with its last look) and the groups removed.
    private readonly ConcurrentDictionary<(string AccountId, Products.JiraProduct Product), (RemovalPlan Plan, List<string> Removed)> _unverified = new();

    public int BatchSize => planner.Reads.Batched ? Batches.MaxUsers : 0;

    public Task BeforePlanningAsync(IReadOnlyList<RemovalRequest> requests, CancellationToken cancellationToken) => planner.PrepareAsync(requests, cancellationToken);

    public async Task BeforeBatchAsync(IReadOnlyList<RemovalPlan> batch, CancellationToken cancellationToken)
    {
        if (planner.LooksBeforeChange)
        {
            await planner.Reads.LookBeforeChangeAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        await CountSeatsAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ChangeOutcome<ProductAccessRemoval>>> VerifyBatchAsync(IReadOnlyList<(RemovalPlan Plan, ChangeOutcome<ProductAccessRemoval> Outcome)> done,
        ChangeContext context, CancellationToken cancellationToken)
    {
        var verdicts = new ConcurrentDictionary<string, (RemovalStatus Status, string? Reason)>(StringComparer.Ordinal);
        foreach (var product in done.Select(d => d.Plan.Request.Product).Distinct())
        {
            var pending = done.Where(d => d.Plan.Request.Product == product && _unverified.ContainsKey(Key(d.Plan))).Select(d => _unverified[Key(d.Plan)]).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            ProductRole role;
            Func<string, IReadOnlyList<JiraGroup>>? readBack;
            try
            {
                role = await roles.GetAsync(product, cancellationToken).ConfigureAwait(false);
                readBack = await planner.Reads.ReadBackAsync(product, pending.Count, cancellationToken).ConfigureAwait(false);
            }
            catch (AtlassianApiException e)
            {
                pending.ForEach(p => verdicts[p.Plan.Request.AccountId] = (Done(p.Removed), $"not verified: reading the groups' members back failed: {e.Message}"));
                continue;
            }

            if (readBack is not null)
            {
                pending.ForEach(p => verdicts[p.Plan.Request.AccountId] = Verdict(role, p.Plan, Done(p.Removed), readBack(p.Plan.Request.AccountId), []));
                // The members read back cannot show a direct role: the seat count proves there is none, or each is read.
                var freed = pending.Where(p => verdicts[p.Plan.Request.AccountId].Status == RemovalStatus.Removed).ToList();
                if (paths is null || freed.Count == 0 || await SeatsProveAsync(product, freed.Select(p => p.Plan), cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                pending = freed;
            }

            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = MaxReadsAtOnce, CancellationToken = cancellationToken }, async (p, ct) =>
                verdicts[p.Plan.Request.AccountId] = await FreeRemainingAsync(context, p.Plan, p.Removed, ct).ConfigureAwait(false)).ConfigureAwait(false);
        }

        // Every read is made before any line is written: a stop during the reads leaves no user verified twice.
        return done.Select(d => _unverified.TryRemove(Key(d.Plan), out var p) && verdicts.TryGetValue(d.Plan.Request.AccountId, out var verdict)
            ? Final(context, p.Plan, p.Removed, verdict.Status, verdict.Reason)
            : d.Outcome).ToList();
    }

    public ChangeOutcome<ProductAccessRemoval> Stopped(RemovalPlan plan, ChangeOutcome<ProductAccessRemoval> outcome, ChangeContext context) =>
        _unverified.TryRemove(Key(plan), out var p) ? Final(context, p.Plan, p.Removed, Done(p.Removed), Batches.NotVerifiedStopped) : outcome;

    // How many users' access is read back at the same time when read one by one; the rate limit still paces them.
    private const int MaxReadsAtOnce = 8;

    private static (string, Products.JiraProduct) Key(RemovalPlan plan) => (plan.Request.AccountId, plan.Request.Product);

    private static RemovalStatus Done(List<string> removed) => removed.Count > 0 ? RemovalStatus.Removed : RemovalStatus.NoAccess;

    // A change made, its verification to come with the batch's.
    private ChangeOutcome<ProductAccessRemoval> Unverified(ChangeContext context, RemovalPlan plan, List<string> removed)
    {
        _unverified[Key(plan)] = (plan, removed);
        return Outcome(context, plan, removed, Done(removed), Batches.NotVerifiedStopped, null);
    }

    private ChangeOutcome<ProductAccessRemoval> Final(ChangeContext context, RemovalPlan plan, List<string> removed, RemovalStatus status, string? reason)
    {
        Write(context, plan, JournalEvent.Verified, null, status, reason);
        return Outcome(context, plan, removed, status, reason, null);
    }
}
