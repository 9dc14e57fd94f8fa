using System.Collections.Concurrent;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Suspension;

/// <summary>
/// A suspension or resumption in bulk: the users are changed one at a time, and each batch's statuses are read back together
/// from the v2 user search (ten users a call, or the directory), instead of one search per user; a user the search
/// does not list or gives no status gets the per-user read. A user changed before a stop is reported Suspended (or
/// Resumed), "not verified".
/// </summary>
public sealed partial class LifecycleChange : IBatchedChange<UserLifecycleRequest, SuspensionPlan, UserSuspension>
{
    /// <summary>The most users of a batch: their results come once the batch is read back.</summary>
    public const int MaxBatch = 500;

    /// <summary>Why a user changed before a stop has no verification.</summary>
    public const string NotVerifiedStopped = "not verified: the run stopped before the read back";

    // The batch's users changed, their read back still to come: the plan, its run and the change's note.
    private readonly ConcurrentDictionary<string, (SuspensionPlan Plan, string RunId, string? Note)> _unverified = new(StringComparer.Ordinal);

    /// <summary>Batches only with the bulk status reads; without them each user is verified as it goes.</summary>
    public int BatchSize => _statuses is null ? 0 : MaxBatch;

    // The planner's bulk reads are made when it first asks for them.
    public Task BeforePlanningAsync(IReadOnlyList<UserLifecycleRequest> requests, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task BeforeBatchAsync(IReadOnlyList<SuspensionPlan> batch, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<ChangeOutcome<UserSuspension>>> VerifyBatchAsync(IReadOnlyList<(SuspensionPlan Plan, ChangeOutcome<UserSuspension> Outcome)> done,
        ChangeContext context, CancellationToken cancellationToken)
    {
        var pending = done.Select(d => d.Plan.AccountId).Where(_unverified.ContainsKey).ToList();
        var suspended = pending.Count == 0
            ? new Dictionary<string, bool?>()
            : await _statuses!.ReadBackAsync(pending, ReadStatusAsync, cancellationToken).ConfigureAwait(false);

        // Every status is read before any line is written: a stop during the reads leaves no user verified twice.
        return done.Select(d => _unverified.TryRemove(d.Plan.AccountId, out var u)
            ? Verified(u.Plan, context, u.RunId, u.Note, suspended.GetValueOrDefault(u.Plan.AccountId))
            : d.Outcome).ToList();
    }

    public ChangeOutcome<UserSuspension> Stopped(SuspensionPlan plan, ChangeOutcome<UserSuspension> outcome, ChangeContext context) =>
        _unverified.TryRemove(plan.AccountId, out var u) ? Final(u.Plan, context, u.RunId, Done, NotVerifiedStopped) : outcome;

    // A change made, its read back to come with the batch's.
    private ChangeOutcome<UserSuspension> Unverified(SuspensionPlan plan, ChangeContext context, string runId, string? note)
    {
        _unverified[plan.AccountId] = (plan, runId, note);
        return Outcome(plan, context, runId, Done, changed: true, NotVerifiedStopped, null);
    }
}
