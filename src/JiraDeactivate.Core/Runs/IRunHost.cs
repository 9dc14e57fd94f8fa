namespace JiraDeactivate.Core.Runs;

/// <summary>
/// What a run needs from whoever started it (a cmdlet): approval, asked on the host's own thread (ShouldProcess may
/// only be called on the pipeline thread, so the run awaits the round trip), progress, and somewhere to put what the
/// run finds and does. Every method but <see cref="ApproveAsync"/> may be called from worker threads.
/// </summary>
public interface IRunHost<in TPlan, TResult>
{
    /// <summary>
    /// Asks, one by one and in order, whether to make each change (ShouldProcess with target and action); in a preview
    /// every answer is no. One round trip for all of them: a thread switch per user would add up on a busy machine.
    /// </summary>
    Task<IReadOnlyList<bool>> ApproveAsync(IReadOnlyList<(string Target, string Action)> changes, CancellationToken cancellationToken);

    /// <summary>Progress of one stage of <paramref name="total"/> users.</summary>
    IRunStage StartStage(RunStage stage, int total);

    /// <summary>Every plan, once all are made, before the fuse and approval (a restore writes its refused lines here).</summary>
    void Planned(IReadOnlyList<TPlan> plans);

    /// <summary>The fuse tripped in a preview: a warning, since nothing would be changed anyway.</summary>
    void FuseWarning(string message);

    /// <summary>
    /// A plan that changes nothing: <paramref name="outcome"/> is what to write for it in a real run (null: nothing);
    /// in a preview <paramref name="preview"/> says why it would not change (null: nothing to say).
    /// </summary>
    void Unchanged(TPlan plan, ChangeOutcome<TResult>? outcome, string? preview);

    /// <summary>In a preview: a plan that would change the user.</summary>
    void WouldChange(TPlan plan);

    /// <summary>A plan the user declined at the confirmation prompt: nothing changed.</summary>
    void Declined(TPlan plan, TResult result);

    /// <summary>The run's journal holds its plan: the changes start.</summary>
    void Begun(string journalPath, string runId);

    /// <summary>What a change did for one user.</summary>
    void Changed(TPlan plan, ChangeOutcome<TResult> outcome);
}

/// <summary>The two stages a run reports progress of.</summary>
public enum RunStage
{
    /// <summary>Reading every user to decide what to do.</summary>
    Planning,

    /// <summary>Changing the approved users.</summary>
    Changing,
}

/// <summary>Progress of one stage: a step per user, then complete.</summary>
public interface IRunStage
{
    void Step();

    void Complete();
}

/// <summary>How many users a run reads and changes at the same time.</summary>
public sealed record RunLimits(int Planning, int Changing);

/// <summary>What a run did: every plan, and whether its journal was begun (after which a stop leaves changes to undo).</summary>
public sealed record RunReport<TPlan>(IReadOnlyList<TPlan> Plans, int Approved, bool Begun);
