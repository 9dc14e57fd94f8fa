using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Paths;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Restoring what a removal run took away: check each journal item against Jira now (<see cref="RestoreValidator"/>),
/// then add the user back to the groups left and grant a revoked direct role back (Grant user access), journaling
/// each call under the run that removed them.
/// </summary>
public sealed class RestoreChange(JiraRestClient jira, RestoreValidator validator, AccessPathReader? paths = null) : IChange<RestoreItem, RestoreCheck, ProductAccessRestore>
{
    private const string DirectRole = "direct role";

    // The lines belong to the removal run they undo: no run of its own.
    public string? Operation => null;

    public async Task<RestoreCheck> PlanAsync(RestoreItem request, CancellationToken cancellationToken)
    {
        var (allowed, refusals) = await validator.CheckAsync(request, cancellationToken).ConfigureAwait(false);
        return new RestoreCheck(request, allowed, refusals);
    }

    public string Verb => "restore product access to";

    public bool Changes(RestoreCheck plan) => plan.Allowed is not null;

    public string AccountId(RestoreCheck plan) => plan.Item.AccountId;

    // A check that restores nothing is told through its refused lines, not a result.
    public string? WhyUnchanged(RestoreCheck plan) => null;

    public ChangeOutcome<ProductAccessRestore>? Unchanged(RestoreCheck plan, string runId, string? journalPath) => null;

    public string Target(RestoreCheck plan) => (plan.Allowed ?? plan.Item).Target;

    public string Action(RestoreCheck plan) => (plan.Allowed ?? plan.Item).Action;

    public JournalEntry? PlannedLine(RestoreCheck plan, string runId) => null;

    public ProductAccessRestore Declined(RestoreCheck plan, string reason) => Outcome(plan.Allowed ?? plan.Item, [], RestoreStatus.Skipped, reason, null).Result;

    public async Task<ChangeOutcome<ProductAccessRestore>> ExecuteAsync(RestoreCheck plan, ChangeContext context, CancellationToken cancellationToken)
    {
        var item = plan.Allowed ?? throw new InvalidOperationException($"{plan.Item.Target}: nothing of this item may be restored.");
        var steps = item.Groups.Select(group => new ChangeStep
        {
            Name = group.Name,
            Line = (kind, message) => Line(item, kind, group, message),
            Starting = JournalEvent.Restoring,
            Done = JournalEvent.Restored,
            AlreadyDone = JournalEvent.AlreadyRestored,
            Failed = JournalEvent.RestoreFailed,
            Call = token => jira.AddUserToGroupAsync(group, item.AccountId, token),
            ReadBack = token => MembershipReadBack.IsMemberAsync(jira, item.AccountId, group, token),
            Failing = $"adding back to '{group.Name}'",
            StoppedState = "the user may or may not be back in the group",
            UnknownState = "reading the membership back failed too: the user may or may not be back in the group",
            NotDoneState = "the user is not in the group",
            ShownDone = "the user is in the group",
        });
        var done = await ChangeSteps.RunAsync(steps, context, cancellationToken).ConfigureAwait(false);
        var restored = done.Changed.ToList();
        if (done.Failed)
        {
            return Outcome(item, restored, RestoreStatus.Failed, done.FailureMessage, done.Failure);
        }

        if (item.Role is { } role && paths is not null)
        {
            var granted = await ChangeSteps.RunAsync([GrantStep(item, role.Resource, paths)], context, cancellationToken).ConfigureAwait(false);
            restored.AddRange(granted.Changed);
            if (granted.Failed)
            {
                return Outcome(item, restored, RestoreStatus.Failed, granted.FailureMessage, granted.Failure);
            }
        }

        return Outcome(item, restored, restored.Count > 0 ? RestoreStatus.Restored : RestoreStatus.AlreadyPresent, null, null);
    }

    private static ChangeStep GrantStep(RestoreItem item, string resource, AccessPathReader paths) => new()
    {
        Name = DirectRole,
        Line = (kind, message) => Line(item, kind, null, message) with { Resource = resource, Role = AccessPathClient.UserRole },
        Starting = JournalEvent.RoleGranting,
        Done = JournalEvent.RoleGranted,
        AlreadyDone = JournalEvent.RoleAlreadyGranted,
        Failed = JournalEvent.RoleGrantFailed,
        Call = token => paths.GrantAsync(item.AccountId, resource, token),
        ReadBack = token => paths.HasDirectRoleAsync(item.AccountId, item.Product, token),
        Failing = "granting the direct role back",
        StoppedState = "the user may or may not hold the role directly again",
        UnknownState = "reading the role assignments back failed too: the user may or may not hold the role directly again",
        NotDoneState = "the user does not hold the role directly",
        ShownDone = "the user holds the role directly again",
    };

    private static JournalEntry Line(RestoreItem item, JournalEvent kind, JiraGroup? group, string? message) =>
        new JournalEntry
        {
            RunId = item.RunId,
            Event = kind,
            AccountId = item.AccountId,
            DisplayName = item.DisplayName,
            Product = item.Product,
            Site = item.Site,
            GroupId = group?.GroupId,
            GroupName = group?.Name,
            Message = message,
        };

    private static ChangeOutcome<ProductAccessRestore> Outcome(RestoreItem item, List<string> restored, RestoreStatus status, string? message, Exception? failure) => new(
        new ProductAccessRestore
        {
            AccountId = item.AccountId,
            DisplayName = item.DisplayName,
            ProductValue = item.Product,
            Site = item.Site,
            GroupsRestored = restored.Where(r => r != DirectRole).ToArray(),
            RoleGranted = restored.Contains(DirectRole),
            Outcome = status,
            Message = message,
            Timestamp = DateTime.UtcNow,
            RunId = item.RunId,
        },
        Changed: restored.Count > 0,
        Failed: status == RestoreStatus.Failed,
        Message: message,
        Failure: failure);
}

/// <summary>A journal item checked against Jira now: what of it may be restored (null: nothing), and the lines refused.</summary>
public sealed record RestoreCheck(RestoreItem Item, RestoreItem? Allowed, IReadOnlyList<JournalRefusal> Refusals);
