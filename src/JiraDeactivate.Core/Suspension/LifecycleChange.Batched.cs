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
    // The batch's users changed, their read back still to come, by run and user (a journal may hold a user under two
    // runs): the plan and the change's note.
    private readonly ConcurrentDictionary<(string RunId, string AccountId), (SuspensionPlan Plan, string? Note)> _unverified = new();

    /// <summary>Batches only with the bulk status reads; without them each user is verified as it goes.</summary>
    public int BatchSize => _statuses is null ? 0 : Batches.MaxUsers;

    // The planner's bulk reads are made when it first asks for them.
    public Task BeforePlanningAsync(IReadOnlyList<UserLifecycleRequest> requests, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task BeforeBatchAsync(IReadOnlyList<SuspensionPlan> batch, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<ChangeOutcome<UserSuspension>>> VerifyBatchAsync(IReadOnlyList<(SuspensionPlan Plan, ChangeOutcome<UserSuspension> Outcome)> done,
        ChangeContext context, CancellationToken cancellationToken)
    {
        var pending = done.Where(d => _unverified.ContainsKey(Key(d.Plan, context))).Select(d => d.Plan.AccountId).Distinct(StringComparer.Ordinal).ToList();
        var suspended = pending.Count == 0
            ? new Dictionary<string, bool?>()
            : await _statuses!.ReadBackAsync(pending, ReadStatusAsync, cancellationToken).ConfigureAwait(false);

        // Every status is read before any line is written: a stop during the reads leaves no user verified twice.
        return done.Select(d => _unverified.TryRemove(Key(d.Plan, context), out var u)
            ? Verified(u.Plan, context, Key(d.Plan, context).RunId, u.Note, suspended.GetValueOrDefault(u.Plan.AccountId))
            : d.Outcome).ToList();
    }

    public ChangeOutcome<UserSuspension> Stopped(SuspensionPlan plan, ChangeOutcome<UserSuspension> outcome, ChangeContext context) =>
        _unverified.TryRemove(Key(plan, context), out var u) ? Final(u.Plan, context, Key(plan, context).RunId, Done, Batches.NotVerifiedStopped) : outcome;

    // A change made, its read back to come with the batch's.
    private ChangeOutcome<UserSuspension> Unverified(SuspensionPlan plan, ChangeContext context, string? note)
    {
        var key = Key(plan, context);
        _unverified[key] = (plan, note);
        return Outcome(plan, context, key.RunId, Done, changed: true, Batches.NotVerifiedStopped, null);
    }

    // The run a plan's lines go under: the suspending run's for a resumption from its journal, else this run's.
    private static (string RunId, string AccountId) Key(SuspensionPlan plan, ChangeContext context) => (plan.RunId ?? context.RunId, plan.AccountId);
}
