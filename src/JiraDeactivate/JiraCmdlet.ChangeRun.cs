using System.Management.Automation;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate;

/// <summary>
/// Every change run (removal, restore, suspend, resume) as a cmdlet starts it: the core's <see cref="ChangeRun{TRequest, TPlan, TResult}.RunAsync"/>
/// does the flow; here its approval round trip is answered on the pipeline thread, its results written, and its stop told.
/// </summary>
public abstract partial class JiraCmdlet
{
    /// <summary>
    /// Runs <paramref name="run"/> for <paramref name="requests"/> (and the plans <paramref name="decided"/> already),
    /// writing as <paramref name="writing"/> says. A fuse that trips is a terminating error; a run stopped after it began
    /// gets a last line saying where its journal is and what to run next.
    /// </summary>
    private protected RunReport<TPlan> RunChange<TRequest, TPlan, TResult>(ChangeRun<TRequest, TPlan, TResult> run, IReadOnlyList<TRequest> requests,
        RunWriting<TPlan, TResult> writing, IEnumerable<TPlan>? decided = null)
        where TResult : class
    {
        RunReport<TPlan>? report = null;
        try
        {
            RunAsync(async (queue, token) =>
                report = await run.RunAsync(requests, new PipelineRunHost<TRequest, TPlan, TResult>(this, queue, run, writing), writing.Limits, token, decided).ConfigureAwait(false));
        }
        catch (ChangeFuseException e)
        {
            ThrowTerminatingError(Error(e.Message, writing.FuseErrorId, ErrorCategory.LimitsExceeded, e.Users));
        }
        catch (Exception e) when (run.HasBegun)
        {
            WriteStopNotice($"{MyInvocation.MyCommand.Name} stopped before it finished ({(e is PipelineStoppedException ? "the pipeline was stopped" : e.Message)}): {writing.Summary?.Invoke() ?? "see the results written so far."} Journal: {run.JournalPath} (run {run.RunId}). {NextStep(run.JournalPath!, run.RunId)}");
            throw;
        }

        return report!;
    }

    /// <summary>Only plans <paramref name="requests"/> (as <paramref name="writing"/> says): for a plan to review, which changes nothing.</summary>
    private protected IReadOnlyList<TPlan> RunPlanning<TRequest, TPlan, TResult>(ChangeRun<TRequest, TPlan, TResult> run, IReadOnlyList<TRequest> requests, RunWriting<TPlan, TResult> writing)
        where TResult : class
    {
        IReadOnlyList<TPlan> plans = [];
        RunAsync(async (queue, token) =>
            plans = await run.PlanAllAsync(requests, new PipelineRunHost<TRequest, TPlan, TResult>(this, queue, run, writing), writing.Limits.Planning, token).ConfigureAwait(false));
        return plans;
    }

    /// <summary>
    /// What to run after a stopped run: undo it (a removal or a suspension), with the -KeyPath and -KeyVault the run
    /// sealed its journal with, or run it again to finish (a restore or a resume).
    /// </summary>
    private string NextStep(string journalPath, string runId)
    {
        string undo = $"-JournalPath {Quoted(journalPath)} -RunId {runId}{KeyOptions()}";
        return MyInvocation.MyCommand.Name switch
        {
            "Remove-JiraProductAccess" => $"To undo what it changed: Restore-JiraProductAccess {undo}",
            "Suspend-JiraUser" => $"To undo what it changed: Resume-JiraUser {undo}",
            _ => $"To finish, run {MyInvocation.MyCommand.Name} again: what is done is not done twice.",
        };
    }

    private string KeyOptions()
    {
        var bound = MyInvocation.BoundParameters;
        return (bound.TryGetValue("KeyPath", out var path) && path is string { Length: > 0 } folder ? $" -KeyPath {Quoted(SessionState.Path.GetUnresolvedProviderPathFromPSPath(folder))}" : "")
            + (bound.TryGetValue("KeyVault", out var vault) && vault is string { Length: > 0 } name ? $" -KeyVault {Quoted(name)}" : "");
    }

    private static string Quoted(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

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

    /// <summary>
    /// The run's host on the cmdlet's side: approval asked on the pipeline thread (the run awaits the answer), every
    /// write queued to it in order, each result counted in the cmdlet's summary.
    /// </summary>
    private sealed class PipelineRunHost<TRequest, TPlan, TResult>(JiraCmdlet cmdlet, PipelineQueue queue, ChangeRun<TRequest, TPlan, TResult> run, RunWriting<TPlan, TResult> writing)
        : IRunHost<TPlan, TResult>
        where TResult : class
    {
        public Task<IReadOnlyList<bool>> ApproveAsync(IReadOnlyList<(string Target, string Action)> changes, CancellationToken cancellationToken)
        {
            var answers = new TaskCompletionSource<IReadOnlyList<bool>>(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Post(_ =>
            {
                try
                {
                    answers.SetResult(changes.Select(c => cmdlet.ShouldProcess(c.Target, c.Action)).ToList());
                }
                catch (Exception e)
                {
                    answers.SetException(e);
                    throw;
                }
            });
            return answers.Task.WaitAsync(cancellationToken);
        }

        public IRunStage StartStage(RunStage stage, int total) =>
            new CountProgress(queue, writing.ProgressId, stage == RunStage.Planning ? writing.PlanningActivity(total) : writing.ChangingActivity(total), total);

        public void Planned(IReadOnlyList<TPlan> plans) => writing.Planned?.Invoke(plans, queue);

        public void FuseWarning(string message) => queue.WriteWarning(message);

        public void Unchanged(TPlan plan, ChangeOutcome<TResult>? outcome, string? preview)
        {
            writing.Count(plan);
            if (preview is not null)
            {
                queue.WriteHostLine($"What if: Not changing \"{run.Change.Target(plan)}\": {preview}.");
            }

            if (outcome is not null)
            {
                Write(plan, outcome, writing.PlanFailedErrorId, ErrorCategory.ObjectNotFound);
            }
        }

        public void WouldChange(TPlan plan) => writing.Count(plan);

        public void Declined(TPlan plan, TResult result)
        {
            writing.CountDeclined(result);
            queue.WriteObject(result);
        }

        public void Begun(string journalPath, string runId) => queue.WriteVerbose($"Journal: {journalPath} (run {runId}).");

        public void Changed(TPlan plan, ChangeOutcome<TResult> outcome)
        {
            writing.CountDone(outcome.Result);
            Write(plan, outcome, writing.FailedErrorId, ErrorCategory.InvalidResult);
        }

        private void Write(TPlan plan, ChangeOutcome<TResult> outcome, string errorId, ErrorCategory otherwise)
        {
            queue.WriteObject(outcome.Result);
            if (outcome.Failed)
            {
                queue.WriteError(Error($"{run.Change.Target(plan)}: {outcome.Message}", errorId, CategoryOf(outcome.Failure, otherwise), run.Change.AccountId(plan), outcome.Failure));
            }
        }
    }
}

/// <summary>
/// How a cmdlet writes and counts one kind of run: its error IDs, its progress bar, how many users at a time, and what
/// its summary counts of each plan (a plan that changes nothing, or a change previewed), declined user and result.
/// </summary>
internal sealed record RunWriting<TPlan, TResult>(string FuseErrorId, string PlanFailedErrorId, string FailedErrorId, int ProgressId,
    Func<int, string> PlanningActivity, Func<int, string> ChangingActivity, RunLimits Limits,
    Action<TPlan> Count, Action<TResult> CountDeclined, Action<TResult> CountDone, Func<string>? Summary = null)
{
    /// <summary>Every plan once made, on a worker thread (writes go through the queue): a restore writes its refused lines here.</summary>
    public Action<IReadOnlyList<TPlan>, PipelineQueue>? Planned { get; init; }
}
