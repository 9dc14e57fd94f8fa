namespace JiraDeactivate.Core.Runs;

/// <summary>
/// A change whose reads are cheaper in bulk (<see cref="ChangeRun{TRequest, TPlan, TResult}"/> uses it when the change
/// implements it): reads before planning, then the approved users in batches: the batch's reads right before its
/// changes, the changes one user at a time (<see cref="IChange{TRequest, TPlan, TResult}.ExecuteAsync"/>, which then
/// leaves the verification out), and the batch's verification.
/// </summary>
/// <remarks>
/// A stop after some of a batch's changes were made still reports every user changed, through <see cref="Stopped"/>:
/// their changes are facts, only the verification is missing.
/// </remarks>
public interface IBatchedChange<in TRequest, TPlan, TResult>
{
    /// <summary>The most users a batch holds; 0 when the change verifies each user in <see cref="IChange{TRequest, TPlan, TResult}.ExecuteAsync"/> (no batches).</summary>
    int BatchSize { get; }

    /// <summary>What planning <paramref name="requests"/> reads in bulk, read before the first plan.</summary>
    Task BeforePlanningAsync(IReadOnlyList<TRequest> requests, CancellationToken cancellationToken);

    /// <summary>What the batch's changes read in bulk (the last look), read right before them.</summary>
    Task BeforeBatchAsync(IReadOnlyList<TPlan> batch, CancellationToken cancellationToken);

    /// <summary>Verifies the batch's changes: the final outcome of each, in the same order.</summary>
    Task<IReadOnlyList<ChangeOutcome<TResult>>> VerifyBatchAsync(IReadOnlyList<(TPlan Plan, ChangeOutcome<TResult> Outcome)> done, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>The final outcome of a change made before the run stopped, left unverified: journaled and reported as such.</summary>
    ChangeOutcome<TResult> Stopped(TPlan plan, ChangeOutcome<TResult> outcome, ChangeContext context);
}
