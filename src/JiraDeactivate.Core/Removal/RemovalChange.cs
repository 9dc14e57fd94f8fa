using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Paths;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Removing a user's access to a product: plan with <see cref="RemovalPlanner"/>, then remove the user from each
/// local granting group (journaled before and after each call), then revoke a direct role (RemovalChange.Paths.cs),
/// then read the user's access back to verify the seat is free. Unless every read is per user, the users go in
/// batches (RemovalChange.Batched.cs): the last look and the verification are read for a batch at once.
/// </summary>
public sealed partial class RemovalChange(JiraRestClient jira, ProductRoleCache roles, RemovalPlanner planner, string? siteName, AccessPathReader? paths = null)
    : IChange<RemovalRequest, RemovalPlan, ProductAccessRemoval>
{
    public string? Operation => RestorePlanner.RemovalOperation;

    public Task<RemovalPlan> PlanAsync(RemovalRequest request, CancellationToken cancellationToken) => planner.PlanAsync(request, cancellationToken);

    public string Verb => "remove product access from";

    public bool Changes(RemovalPlan plan) => plan.ChangesAccess;

    public string AccountId(RemovalPlan plan) => plan.Request.AccountId;

    public string WhyUnchanged(RemovalPlan plan) => $"{plan.Outcome} ({plan.Reason})";

    public ChangeOutcome<ProductAccessRemoval>? Unchanged(RemovalPlan plan, string runId, string? journalPath) =>
        new(RemovalResults.From(plan, plan.Outcome ?? RemovalStatus.NoAccess, plan.Reason, null, null, siteName), Changed: false,
            plan.Outcome == RemovalStatus.Failed, plan.Reason, plan.Failure);

    public string Target(RemovalPlan plan) => plan.Target;

    public string Action(RemovalPlan plan) => plan.Action;

    public JournalEntry? PlannedLine(RemovalPlan plan, string runId)
    {
        var line = new JournalEntry
        {
            RunId = runId,
            Event = JournalEvent.Planned,
            AccountId = plan.Request.AccountId,
            DisplayName = plan.DisplayName,
            Product = plan.Request.Product,
            Site = siteName,
            Groups = plan.Groups.Select(g => g.Name).ToArray(),
            Resource = plan.Resource,
            Message = JudgmentNote(plan),
        }.WithJudgment(plan.Request.Judgment);
        return plan.LastLook is { } look ? line.WithLastLook(look.At, look.Result) : line;
    }

    public ProductAccessRemoval Declined(RemovalPlan plan, string reason) => RemovalResults.From(plan, RemovalStatus.Skipped, reason, null, null, siteName);

    public async Task<ChangeOutcome<ProductAccessRemoval>> ExecuteAsync(RemovalPlan plan, ChangeContext context, CancellationToken cancellationToken)
    {
        string? lookNote = null;
        if (planner.LooksBeforeChange)
        {
            plan = await planner.LookAsync(plan, cancellationToken).ConfigureAwait(false);
            if (!plan.ChangesAccess)
            {
                Write(context, plan, JournalEvent.Verified, null, RemovalStatus.Skipped, $"{plan.Reason}; {plan.LastLook?.Describe()}");
                return Outcome(context, plan, [], RemovalStatus.Skipped, plan.Reason, null);
            }

            lookNote = plan.LastLook?.Describe();
        }

        var request = plan.Request;
        var steps = plan.Groups.Select((group, i) => new ChangeStep
        {
            Name = group.Name,
            Line = (kind, message) => Line(context, plan, kind, group, message: message),
            Starting = JournalEvent.Removing,
            Done = JournalEvent.Removed,
            AlreadyDone = JournalEvent.AlreadyRemoved,
            Failed = JournalEvent.RemoveFailed,
            StartNote = i == 0 ? lookNote : null,
            Call = token => jira.RemoveUserFromGroupAsync(group, request.AccountId, token),
            ReadBack = async token => await MembershipReadBack.IsMemberAsync(jira, request.AccountId, group, token).ConfigureAwait(false) is { } member ? !member : null,
            Failing = $"removing from '{group.Name}'",
            StoppedState = "the user may or may not have left the group",
            UnknownState = "reading the membership back failed too: the user may or may not have left the group",
            NotDoneState = "the user is still in the group",
            ShownDone = "the user left the group",
        });
        var done = await ChangeSteps.RunAsync(steps, context, cancellationToken).ConfigureAwait(false);
        var removed = done.Changed.ToList();
        if (done.Failed)
        {
            return Outcome(context, plan, removed, RemovalStatus.Failed, done.FailureMessage, done.Failure);
        }

        if (plan.DirectRole && await RevokeAsync(context, plan, removed, removed.Count == 0 ? lookNote : null, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        if (BatchSize > 0)
        {
            return Unverified(context, plan, removed);
        }

        var (status, reason) = await FreeRemainingAsync(context, plan, removed, cancellationToken).ConfigureAwait(false);
        Write(context, plan, JournalEvent.Verified, null, status, reason);
        return Outcome(context, plan, removed, status, reason, null);
    }

    // The journal says what each change was judged on: the last look, or the input's data and its age.
    private string? JudgmentNote(RemovalPlan plan)
    {
        if (plan.Request.Judgment is not { } judgment)
        {
            return null;
        }

        string judged = judgment.Fresh ? $"judged here with -MoreThan {judgment.MoreThan}" : $"sealed judgment: inactive for more than {judgment.MoreThan} days as of {judgment.AsOf:yyyy-MM-dd HH:mm} UTC";
        return plan.LastLook is { } look ? $"{judged}; {look.Describe()}"
            : planner.LooksBeforeChange ? $"{judged}; the last look comes right before the change"
            : $"{judged}, from the input's data; no last look (no Admin API)";
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

            return Verdict(role, plan, done, role.Granting(access.Groups), access.ApplicationRoleKeys);
        }
        catch (AtlassianApiException e)
        {
            return (done, $"not verified: reading the user's access back failed: {e.Message}");
        }
    }

    // What the groups (and application roles, when read) left after the changes say of the removal.
    private (RemovalStatus Status, string? Reason) Verdict(ProductRole role, RemovalPlan plan, RemovalStatus done, IReadOnlyList<JiraGroup> remaining, IReadOnlyList<string> applicationRoleKeys)
    {
        if (remaining.Count > 0)
        {
            string groups = string.Join(", ", remaining.Select(g => role.DefaultGroups.Any(d => d.Name == g.Name) ? $"'{g.Name}' (a default group)" : $"'{g.Name}'"));
            return (RemovalStatus.StillHasAccess, $"still in {groups}: added back since, or synced by an identity provider");
        }

        if (applicationRoleKeys.Contains(role.Key, StringComparer.OrdinalIgnoreCase))
        {
            return (RemovalStatus.StillHasAccess, paths is null
                ? $"Jira still lists {plan.Request.Product} among the user's application roles: held by a path Jira cannot change (a role assigned directly); connect with -AdminApiKey to revoke it"
                : $"{ListedStill(plan)} (granted another way, or not yet updated)");
        }

        return (done, null);
    }

    private void Write(ChangeContext context, RemovalPlan plan, JournalEvent kind, JiraGroup? group, RemovalStatus? status = null, string? message = null) =>
        context.Write(Line(context, plan, kind, group, status, message));

    private JournalEntry Line(ChangeContext context, RemovalPlan plan, JournalEvent kind, JiraGroup? group, RemovalStatus? status = null, string? message = null) =>
        new JournalEntry
        {
            RunId = context.RunId,
            Event = kind,
            AccountId = plan.Request.AccountId,
            DisplayName = plan.DisplayName,
            Product = plan.Request.Product,
            Site = siteName,
            GroupId = group?.GroupId,
            GroupName = group?.Name,
            Status = status?.ToString(),
            Message = message,
        };

    private ChangeOutcome<ProductAccessRemoval> Outcome(ChangeContext context, RemovalPlan plan, List<string> removed, RemovalStatus status, string? message, Exception? failure)
    {
        var result = RemovalResults.From(plan, status, message, context.RunId, context.JournalPath, siteName) with
        {
            GroupsRemoved = removed.Where(r => r != RoleRevocation.StepName).ToArray(),
            RoleRevoked = removed.Contains(RoleRevocation.StepName),
        };
        return new ChangeOutcome<ProductAccessRemoval>(result, removed.Count > 0, status == RemovalStatus.Failed, message, failure);
    }
}
