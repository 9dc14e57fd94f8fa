using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Runs;

/// <summary>
/// One run of a change, the same for every kind: plan (protections first), fuse, approval, the change with its stop
/// grace and verification, and every journal line through the run's one journal writer. <see cref="RunAsync"/> is
/// the whole flow; the cmdlet binds the input, answers the host's approval round trip on its pipeline thread and
/// writes what comes out.
/// </summary>
/// <remarks>Without a journal the run is a preview: it plans and approves, and cannot begin.</remarks>
public sealed class ChangeRun<TRequest, TPlan, TResult>
{
    private readonly IChange<TRequest, TPlan, TResult> _change;
    private readonly ChangeFuse _fuse;
    private readonly int _maxUsers;
    private readonly RemovalJournal? _journal;
    private readonly string? _site;
    private readonly string _actor;
    private ChangeContext? _context;

    /// <param name="change">What the run does to each user.</param>
    /// <param name="fuse">The connection's fuse: users changed by its earlier runs count too.</param>
    /// <param name="maxUsers">The fuse's limit for this run (-MaxUsers).</param>
    /// <param name="journal">The run's journal, locked by this run; null for a preview.</param>
    /// <param name="site">The connected site, written on every line.</param>
    /// <param name="actor">Who runs it (the connected account), for the RunStarted line.</param>
    /// <param name="runId">The run's ID; a new one when null. A restore passes the ID of the run it undoes.</param>
    public ChangeRun(IChange<TRequest, TPlan, TResult> change, ChangeFuse fuse, int maxUsers, RemovalJournal? journal, string? site, string actor, string? runId = null)
    {
        _change = change;
        _fuse = fuse;
        _maxUsers = maxUsers;
        _journal = journal;
        _site = site;
        _actor = actor;
        RunId = runId ?? RemovalJournal.NewRunId();
    }

    public string RunId { get; }

    /// <summary>What the run does to each user.</summary>
    public IChange<TRequest, TPlan, TResult> Change => _change;

    public bool IsPreview => _journal is null;

    public string? JournalPath => _journal?.Path;

    /// <summary>True once <see cref="Begin"/> wrote the plan into the journal: from then on a stop leaves changes to undo or finish.</summary>
    public bool HasBegun => _context is not null;

    /// <summary>
    /// The whole run: plan every request (<paramref name="limits"/>.Planning at a time) and add the plans
    /// <paramref name="decided"/> without reading anything; check the fuse (a warning in a preview, else
    /// <see cref="ChangeFuseException"/>); report the plans that change nothing; ask approval for the rest, one by one,
    /// through <paramref name="host"/>; and, unless a preview or nobody was approved, begin the run and change the
    /// approved users, <paramref name="limits"/>.Changing at a time (in batches when the change reads in bulk:
    /// <see cref="IBatchedChange{TRequest, TPlan, TResult}"/>).
    /// </summary>
    public async Task<RunReport<TPlan>> RunAsync(IReadOnlyList<TRequest> requests, IRunHost<TPlan, TResult> host, RunLimits limits,
        CancellationToken cancellationToken, IEnumerable<TPlan>? decided = null)
    {
        var plans = (await PlanAllAsync(requests, host, limits.Planning, cancellationToken).ConfigureAwait(false)).Concat(decided ?? []).ToList();
        host.Planned(plans);
        if (CheckFuse(plans, _change.Verb) is { } tripped)
        {
            if (!IsPreview)
            {
                throw new ChangeFuseException(tripped, plans.Count(_change.Changes));
            }

            host.FuseWarning(tripped);
        }

        foreach (var plan in plans.Where(p => !_change.Changes(p)))
        {
            host.Unchanged(plan, IsPreview ? null : _change.Unchanged(plan, RunId, JournalPath), IsPreview ? _change.WhyUnchanged(plan) : null);
        }

        var changing = plans.Where(_change.Changes).ToList();
        var answers = await host.ApproveAsync(changing.Select(p => (_change.Target(p), _change.Action(p))).ToList(), cancellationToken).ConfigureAwait(false);
        var approved = changing.Where((_, i) => answers[i]).ToList();
        var declined = changing.Where((_, i) => !answers[i]).ToList();

        if (IsPreview)
        {
            changing.ForEach(host.WouldChange);
            return new RunReport<TPlan>(plans, 0, Begun: false);
        }

        declined.ForEach(plan => host.Declined(plan, _change.Declined(plan, DeclinedReason)));
        if (approved.Count == 0)
        {
            return new RunReport<TPlan>(plans, 0, Begun: false);
        }

        Begin(approved, _change.Verb);
        host.Begun(JournalPath!, RunId);
        var stage = host.StartStage(RunStage.Changing, approved.Count);
        if (_change is IBatchedChange<TRequest, TPlan, TResult> { BatchSize: > 0 } batched)
        {
            foreach (var batch in Batches(approved, batched.BatchSize))
            {
                await ChangeBatchAsync(batched, batch, host, stage, limits.Changing, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await Parallel.ForEachAsync(approved, new ParallelOptions { MaxDegreeOfParallelism = limits.Changing, CancellationToken = cancellationToken }, async (plan, ct) =>
            {
                host.Changed(plan, await ExecuteAsync(plan, ct).ConfigureAwait(false));
                stage.Step();
            }).ConfigureAwait(false);
        }

        stage.Complete();
        return new RunReport<TPlan>(plans, approved.Count, Begun: true);
    }

    // Batches of equal size, none above the most: 600 users in batches of at most 500 are two of 300.
    private static IEnumerable<TPlan[]> Batches(IReadOnlyList<TPlan> plans, int most)
    {
        int count = (plans.Count + most - 1) / most;
        int size = (plans.Count + count - 1) / Math.Max(1, count);
        return plans.Chunk(Math.Max(1, size));
    }

    // One batch: its reads, its changes, its verification. A stop reports the users changed so far as unverified.
    private async Task ChangeBatchAsync(IBatchedChange<TRequest, TPlan, TResult> batched, TPlan[] batch, IRunHost<TPlan, TResult> host, IRunStage stage, int throttle, CancellationToken cancellationToken)
    {
        var context = _context!;
        await batched.BeforeBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        var outcomes = new ChangeOutcome<TResult>?[batch.Length];
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, batch.Length), new ParallelOptions { MaxDegreeOfParallelism = throttle, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                outcomes[i] = await ExecuteAsync(batch[i], ct).ConfigureAwait(false);
                stage.Step();
            }).ConfigureAwait(false);
            var verified = await batched.VerifyBatchAsync(batch.Select((plan, i) => (plan, outcomes[i]!)).ToList(), context, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < batch.Length; i++)
            {
                host.Changed(batch[i], verified[i]);
            }
        }
        catch (OperationCanceledException)
        {
            for (int i = 0; i < batch.Length; i++)
            {
                if (outcomes[i] is { } made)
                {
                    host.Changed(batch[i], batched.Stopped(batch[i], made, context));
                }
            }

            throw;
        }
    }

    /// <summary>Plans every request, <paramref name="throttle"/> at a time; the plans in the requests' order.</summary>
    public async Task<IReadOnlyList<TPlan>> PlanAllAsync(IReadOnlyList<TRequest> requests, IRunHost<TPlan, TResult> host, int throttle, CancellationToken cancellationToken)
    {
        var plans = new TPlan[requests.Count];
        var stage = host.StartStage(RunStage.Planning, requests.Count);
        if (_change is IBatchedChange<TRequest, TPlan, TResult> batched)
        {
            await batched.BeforePlanningAsync(requests, cancellationToken).ConfigureAwait(false);
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count), new ParallelOptions { MaxDegreeOfParallelism = throttle, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            plans[i] = await PlanAsync(requests[i], ct).ConfigureAwait(false);
            stage.Step();
        }).ConfigureAwait(false);
        stage.Complete();
        return plans;
    }

    /// <summary>Plans one user; safe to call for many users at once.</summary>
    public Task<TPlan> PlanAsync(TRequest request, CancellationToken cancellationToken) => _change.PlanAsync(request, cancellationToken);

    /// <summary>Null when the plans' changes stay within the fuse; else the message saying why the run must not go on.</summary>
    public string? CheckFuse(IEnumerable<TPlan> plans, string verb) => _fuse.Check(plans.Count(_change.Changes), _maxUsers, verb);

    /// <summary>
    /// The plans that change something and that <paramref name="approve"/> (ShouldProcess, with target and action)
    /// accepts, in order. Call it on the thread that may ask: it calls back once per plan. With
    /// <paramref name="declined"/> (a real run, not a preview), each plan refused gets a Skipped result there.
    /// </summary>
    public IReadOnlyList<TPlan> Approve(IEnumerable<TPlan> plans, Func<string, string, bool> approve, ICollection<TResult>? declined = null)
    {
        var approved = new List<TPlan>();
        foreach (var plan in plans.Where(_change.Changes))
        {
            if (approve(_change.Target(plan), _change.Action(plan)))
            {
                approved.Add(plan);
            }
            else
            {
                declined?.Add(_change.Declined(plan, DeclinedReason));
            }
        }

        return approved;
    }

    /// <summary>Why a user declined at the prompt was not changed.</summary>
    public const string DeclinedReason = "declined at the confirmation prompt; nothing was changed";

    /// <summary>
    /// Starts the run in the journal: its RunStarted line (for a change of its own) and a Planned line per approved
    /// user, all before the first change.
    /// </summary>
    /// <exception cref="InvalidOperationException">A preview, a run begun twice, or approved users beyond the fuse.</exception>
    public void Begin(IReadOnlyList<TPlan> approved, string verb)
    {
        if (_journal is null)
        {
            throw new InvalidOperationException("A preview (a run without a journal) changes nothing.");
        }

        if (_context is not null)
        {
            throw new InvalidOperationException($"Run '{RunId}' has begun already.");
        }

        if (_fuse.Check(approved.Count, _maxUsers, verb) is { } tripped)
        {
            throw new ChangeFuseException(tripped, approved.Count);
        }

        if (_change.Operation is { } operation)
        {
            _journal.StartRun(RunId, operation, _site, $"{operation} by {_actor}: {approved.Count} users", _actor);
        }

        foreach (var plan in approved)
        {
            if (_change.PlannedLine(plan, RunId) is { } line)
            {
                _journal.Append(line);
            }
        }

        _context = new ChangeContext(_journal, RunId, _site);
    }

    /// <summary>Changes one approved user; safe to call for many users at once. A user changed counts against the fuse.</summary>
    public async Task<ChangeOutcome<TResult>> ExecuteAsync(TPlan plan, CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("Begin the run first: its journal must hold the plan before any change.");
        var outcome = await _change.ExecuteAsync(plan, context, cancellationToken).ConfigureAwait(false);
        if (outcome.Changed)
        {
            _fuse.Record(1);
        }

        return outcome;
    }
}
