using System.Collections.Concurrent;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Tests.Runs;

/// <summary>A run host that approves every change (after <c>beforeApproval</c>, when given) and keeps every result: of the users changed, and of those left unchanged.</summary>
internal sealed class ApprovingHost<TPlan, TResult>(Action? beforeApproval = null) : IRunHost<TPlan, TResult>
    where TResult : class
{
    public ConcurrentBag<TResult> Results { get; } = [];

    public Task<IReadOnlyList<bool>> ApproveAsync(IReadOnlyList<(string Target, string Action)> changes, CancellationToken cancellationToken)
    {
        beforeApproval?.Invoke();
        return Task.FromResult<IReadOnlyList<bool>>([.. changes.Select(_ => true)]);
    }

    public IRunStage StartStage(RunStage stage, int total) => new NoProgress();

    public void Planned(IReadOnlyList<TPlan> plans)
    {
    }

    public void FuseWarning(string message)
    {
    }

    public void Unchanged(TPlan plan, ChangeOutcome<TResult>? outcome, string? preview)
    {
        if (outcome is not null)
        {
            Results.Add(outcome.Result);
        }
    }

    public void WouldChange(TPlan plan)
    {
    }

    public void Declined(TPlan plan, TResult result) => Results.Add(result);

    public void Begun(string journalPath, string runId)
    {
    }

    public void Changed(TPlan plan, ChangeOutcome<TResult> outcome) => Results.Add(outcome.Result);

    private sealed class NoProgress : IRunStage
    {
        public void Step()
        {
        }

        public void Complete()
        {
        }
    }
}
