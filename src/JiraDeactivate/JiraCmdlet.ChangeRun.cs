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
        Func<TPlan, (string Target, string AccountId)> identify, Action<TResult>? recorded = null, Func<string>? summary = null)
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
        try
        {
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
        catch (Exception e)
        {
            WriteStopNotice($"{MyInvocation.MyCommand.Name} stopped before it finished ({(e is PipelineStoppedException ? "the pipeline was stopped" : e.Message)}): {summary?.Invoke() ?? "see the results written so far."} Journal: {run.JournalPath} (run {run.RunId}). {NextStep(run.JournalPath!, run.RunId)}");
            throw;
        }
    }

    /// <summary>What to run after a stopped run: undo it (a removal or a suspension), or run it again to finish (a restore or a resume).</summary>
    private string NextStep(string journalPath, string runId)
    {
        string journal = journalPath.Replace("'", "''", StringComparison.Ordinal);
        return MyInvocation.MyCommand.Name switch
        {
            "Remove-JiraProductAccess" => $"To undo what it changed: Restore-JiraProductAccess -JournalPath '{journal}' -RunId {runId}",
            "Suspend-JiraUser" => $"To undo what it changed: Resume-JiraUser -JournalPath '{journal}' -RunId {runId}",
            _ => $"To finish, run {MyInvocation.MyCommand.Name} again: what is done is not done twice.",
        };
    }

    /// <summary>
    /// A stopped run's last line: to the information stream like every summary, or, once the pipeline is stopping
    /// (Ctrl+C) and takes no more output, straight to the host.
    /// </summary>
    private void WriteStopNotice(string text)
    {
        if (!CancellationToken.IsCancellationRequested)
        {
            try
            {
                WriteHostLine(text);
                return;
            }
            catch (PipelineStoppedException)
            {
            }
        }

        Host.UI.WriteWarningLine(text);
    }
}
