using System.Management.Automation;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate;

/// <summary>The changing half of every run (removal, restore, suspend, resume): one way to begin it and carry it out.</summary>
public abstract partial class JiraCmdlet
{
    /// <summary>
    /// Begins <paramref name="run"/> in its journal (the fuse checked once more: <paramref name="fuseErrorId"/> when it
    /// trips) and changes the approved users, <paramref name="throttleLimit"/> at a time: each result is written, and each
    /// failure also as an error <paramref name="failedErrorId"/> naming the target and account ID that
    /// <paramref name="identify"/> gives. <paramref name="recorded"/> sees each result on the worker that made it (summaries).
    /// </summary>
    private protected void ExecuteRun<TRequest, TPlan, TResult>(ChangeRun<TRequest, TPlan, TResult> run, IReadOnlyList<TPlan> approved,
        string verb, string fuseErrorId, string failedErrorId, int throttleLimit, int progressId, string activity,
        Func<TPlan, (string Target, string AccountId)> identify, Action<TResult>? recorded = null)
        where TResult : class
    {
        try
        {
            run.Begin(approved, verb);
        }
        catch (ChangeFuseException e)
        {
            ThrowTerminatingError(Error(e.Message, fuseErrorId, ErrorCategory.LimitsExceeded, approved.Count, e));
        }

        WriteVerbose($"Journal: {run.JournalPath} (run {run.RunId}).");
        RunForEach(approved, throttleLimit, progressId, activity, async (plan, queue, ct) =>
        {
            var outcome = await run.ExecuteAsync(plan, ct).ConfigureAwait(false);
            recorded?.Invoke(outcome.Result);
            queue.WriteObject(outcome.Result);
            if (outcome.Failed)
            {
                var (target, accountId) = identify(plan);
                queue.WriteError(Error($"{target}: {outcome.Message}", failedErrorId, CategoryOf(outcome.Failure, ErrorCategory.InvalidResult), accountId, outcome.Failure));
            }
        });
    }
}
