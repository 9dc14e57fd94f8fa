using System.Collections.Concurrent;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// The paths besides groups in a removal: a direct role is revoked after the groups (the one planned, or one Jira
/// shows only once the groups are gone), and a batch's bulk verification, which reads group members and so cannot
/// see roles, is checked against the product's seat count: when it fell by every user the batch freed, nobody
/// holds the product another way; otherwise those users are read one by one.
/// </summary>
public sealed partial class RemovalChange
{
    private readonly ConcurrentDictionary<JiraProduct, int> _seatsBefore = new();

    // Revokes the direct role; the outcome when the revoke failed (null when done).
    private async Task<ChangeOutcome<ProductAccessRemoval>?> RevokeAsync(ChangeContext context, RemovalPlan plan, List<string> removed, string? startNote, CancellationToken cancellationToken)
    {
        if (paths is null || plan.Resource is not { } resource)
        {
            return null;
        }

        var revocation = new RoleRevocation(paths, plan.Request.AccountId, plan.Request.Product, resource);
        var role = await ChangeSteps.RunAsync([revocation.Step((kind, message) => Line(context, plan, kind, null, message: message) with { Resource = resource, Role = AccessPathClient.UserRole }, startNote)],
            context, cancellationToken).ConfigureAwait(false);
        removed.AddRange(role.Changed);
        return role.Failed ? Outcome(context, plan, removed, RemovalStatus.Failed, role.FailureMessage, role.Failure) : null;
    }

    // The read back of one user, freeing a direct role that Jira still shows once the groups are gone.
    private async Task<(RemovalStatus Status, string? Reason)> FreeRemainingAsync(ChangeContext context, RemovalPlan plan, List<string> removed, CancellationToken cancellationToken)
    {
        var verdict = await VerifyAsync(plan, removed, cancellationToken).ConfigureAwait(false);
        bool revoked = removed.Contains(RoleRevocation.StepName);
        if (paths is not null && !revoked && verdict.Reason?.StartsWith(ListedStill(plan), StringComparison.Ordinal) == true
            && await HasDirectRoleAsync(plan, cancellationToken).ConfigureAwait(false))
        {
            if (await RevokeAsync(context, plan, removed, null, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return (RemovalStatus.Failed, failed.Message);
            }

            verdict = await VerifyAsync(plan, removed, cancellationToken).ConfigureAwait(false);
            revoked = removed.Contains(RoleRevocation.StepName);
        }

        // Jira's read back cannot see roles: after a revoke, the role assignments must show none left.
        if (revoked && verdict.Status != RemovalStatus.StillHasAccess)
        {
            var (remaining, unread) = await new RoleRevocation(paths!, plan.Request.AccountId, plan.Request.Product, plan.Resource!).ReadBackAsync(cancellationToken).ConfigureAwait(false);
            return remaining is not null ? (RemovalStatus.StillHasAccess, remaining) : unread is not null ? (verdict.Status, verdict.Reason ?? unread) : verdict;
        }

        return verdict;
    }

    private async Task<bool> HasDirectRoleAsync(RemovalPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            return await paths!.HasDirectRoleAsync(plan.Request.AccountId, plan.Request.Product, cancellationToken).ConfigureAwait(false) == true;
        }
        catch (AtlassianApiException)
        {
            return false;
        }
    }

    private static string ListedStill(RemovalPlan plan) => $"Jira still lists {plan.Request.Product} among the user's application roles";

    // Before a batch's changes: each product's seat count, for the proof after them.
    private async Task CountSeatsAsync(IReadOnlyList<RemovalPlan> batch, CancellationToken cancellationToken)
    {
        _seatsBefore.Clear();
        if (paths is null)
        {
            return;
        }

        foreach (var product in batch.Where(p => p.ChangesAccess).Select(p => p.Request.Product).Distinct())
        {
            try
            {
                _seatsBefore[product] = (await jira.GetProductRoleAsync(ProductNames.ApplicationRoleKey(product), cancellationToken).ConfigureAwait(false)).UsersCounted;
            }
            catch (AtlassianApiException)
            {
                _seatsBefore.TryRemove(product, out _);
            }
        }
    }

    /// <summary>
    /// True when the product's seat count fell by every user the bulk verification found free (active, not app
    /// accounts: those hold seats): then no user of the batch holds the product by a path the groups do not show.
    /// </summary>
    private async Task<bool> SeatsProveAsync(JiraProduct product, IEnumerable<RemovalPlan> freed, CancellationToken cancellationToken)
    {
        if (!_seatsBefore.TryGetValue(product, out int before))
        {
            return false;
        }

        int expected = freed.Count(p => p.Account is { Active: true, IsApp: false });
        try
        {
            int after = (await jira.GetProductRoleAsync(ProductNames.ApplicationRoleKey(product), cancellationToken).ConfigureAwait(false)).UsersCounted;
            return before - after == expected;
        }
        catch (AtlassianApiException)
        {
            return false;
        }
    }
}
