using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Carries out a plan: removes the user from each granting group (journaled before and after each call), then
/// reads the user's access back to verify it is gone.
/// </summary>
public sealed class RemovalExecutor(JiraRestClient jira, ProductRoleCache roles, RemovalJournal journal, string runId, string? siteName)
{
    /// <summary>
    /// How long a stop (Ctrl+C) lets a membership change already under way finish, so the journal records its
    /// outcome instead of leaving it unknown. Shorter than the cmdlet's wait for its work to end.
    /// </summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    public async Task<ProductAccessRemoval> ExecuteAsync(RemovalPlan plan, CancellationToken cancellationToken)
    {
        var request = plan.Request;
        var removed = new List<string>();
        foreach (var group in plan.Groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Write(plan, JournalEvent.Removing, group);
            MembershipChange change;
            using var inFlight = new CancellationTokenSource();
            using (cancellationToken.Register(() => inFlight.CancelAfter(StopGrace)))
            {
                try
                {
                    change = await jira.RemoveUserFromGroupAsync(group, request.AccountId, inFlight.Token).ConfigureAwait(false);
                }
                catch (AtlassianApiException e)
                {
                    bool? stillMember = await MembershipReadBack.IsMemberAsync(jira, request.AccountId, group, cancellationToken).ConfigureAwait(false);
                    if (stillMember != false)
                    {
                        string state = stillMember is null ? "reading the membership back failed too: the user may or may not have left the group" : "the user is still in the group";
                        Write(plan, JournalEvent.RemoveFailed, group, message: $"{e.Message} ({state})");
                        return Result(plan, removed, RemovalStatus.Failed, $"removing from '{group.Name}' failed: {e.Message} ({state})");
                    }

                    // The call failed, yet the user is gone: most likely an attempt whose answer was lost did it.
                    Write(plan, JournalEvent.Removed, group, message: $"the call failed ({e.Message}), but reading back shows the user left the group");
                    removed.Add(group.Name);
                    continue;
                }
                catch (OperationCanceledException) when (inFlight.IsCancellationRequested)
                {
                    Write(plan, JournalEvent.RemoveFailed, group, message: $"stopped while the call was under way (no answer within {StopGrace.TotalSeconds:0} s of the stop): the user may or may not have left the group");
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            Write(plan, change == MembershipChange.Changed ? JournalEvent.Removed : JournalEvent.AlreadyRemoved, group);
            if (change == MembershipChange.Changed)
            {
                removed.Add(group.Name);
            }
        }

        var (status, reason) = await VerifyAsync(plan, removed, cancellationToken).ConfigureAwait(false);
        Write(plan, JournalEvent.Verified, null, status, reason);
        return Result(plan, removed, status, reason);
    }

    private async Task<(RemovalStatus Status, string? Reason)> VerifyAsync(RemovalPlan plan, List<string> removed, CancellationToken cancellationToken)
    {
        var done = removed.Count > 0 ? RemovalStatus.Removed : RemovalStatus.NoAccess;
        try
        {
            var role = await roles.GetAsync(plan.Request.Product, cancellationToken).ConfigureAwait(false);
            var access = await jira.GetUserAccessAsync(plan.Request.AccountId, cancellationToken).ConfigureAwait(false);
            if (access is null)
            {
                return (done, "Jira no longer knows the user");
            }

            var remaining = ProductRoleCache.Granting(role, access.Groups);
            if (remaining.Count > 0)
            {
                string groups = string.Join(", ", remaining.Select(g => role.DefaultGroups.Any(d => d.Name == g.Name) ? $"'{g.Name}' (a default group)" : $"'{g.Name}'"));
                return (RemovalStatus.StillHasAccess, $"still in {groups}: added back since, or synced by an identity provider");
            }

            if (access.ApplicationRoleKeys.Contains(role.Key, StringComparer.OrdinalIgnoreCase))
            {
                return (RemovalStatus.StillHasAccess, $"Jira still lists {plan.Request.Product} among the user's application roles (granted another way, or not yet updated)");
            }

            return (done, null);
        }
        catch (AtlassianApiException e)
        {
            return (done, $"not verified: reading the user's access back failed: {e.Message}");
        }
    }

    private void Write(RemovalPlan plan, JournalEvent kind, JiraGroup? group, RemovalStatus? status = null, string? message = null) =>
        journal.Append(new JournalEntry
        {
            RunId = runId,
            Event = kind,
            AccountId = plan.Request.AccountId,
            DisplayName = plan.DisplayName,
            Product = plan.Request.Product,
            Site = siteName,
            GroupId = group?.GroupId,
            GroupName = group?.Name,
            Status = status,
            Message = message,
        });

    private ProductAccessRemoval Result(RemovalPlan plan, List<string> removed, RemovalStatus status, string? message) =>
        RemovalResults.From(plan, status, message, runId, journal.Path, siteName) with { GroupsRemoved = removed.ToArray() };
}
