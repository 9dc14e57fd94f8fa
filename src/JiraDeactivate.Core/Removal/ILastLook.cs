using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>The last look at one user's activity right before a change: one call per user (<see cref="LastLook"/>) or from a bulk read (<see cref="BulkLastLook"/>).</summary>
public interface ILastLook
{
    /// <summary>What the last look found; a failed read is a result too (the user is then not changed).</summary>
    Task<LastLookResult> CheckAsync(string accountId, JiraProduct product, InactivityJudgment judgment, CancellationToken cancellationToken);
}
