using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Judgments;
using JiraDeactivate.Core.Runs;

namespace JiraDeactivate.Core.Suspension;

/// <summary>
/// Suspending or resuming one user's access to the organization (v2 Admin API), journaled before and after the
/// call, then verified by reading the user's status back (in bulk, with its batch: see the Batched part). A failed call is read back too: the change may have happened though its answer was lost.
/// </summary>
public sealed partial class LifecycleChange : IChange<UserLifecycleRequest, SuspensionPlan, UserSuspension>
{
    public const string SuspendOperation = "Suspend-JiraUser";
    public const string ResumeOperation = "Resume-JiraUser";

    private readonly AdminLifecycleClient _lifecycle;
    private readonly string _organizationId;
    private readonly string _directoryId;
    private readonly string? _siteName;
    private readonly bool _suspend;
    private readonly Func<UserLifecycleRequest, CancellationToken, Task<SuspensionPlan>> _plan;
    private readonly BulkStatuses? _statuses;

    private LifecycleChange(AdminLifecycleClient lifecycle, string organizationId, string directoryId, string? siteName, bool suspend, string? operation,
        Func<UserLifecycleRequest, CancellationToken, Task<SuspensionPlan>> plan, BulkStatuses? statuses = null)
    {
        _plan = plan;
        _statuses = statuses;
        _lifecycle = lifecycle;
        _organizationId = organizationId;
        _directoryId = directoryId;
        _siteName = siteName;
        _suspend = suspend;
        Operation = operation;
    }

    /// <summary>
    /// Suspends users, a run of its own, planned by <paramref name="planner"/>; with <paramref name="bulk"/> (the
    /// planner's), in batches whose statuses are read back together.
    /// </summary>
    public static LifecycleChange Suspend(AdminLifecycleClient lifecycle, string organizationId, string directoryId, string? siteName, SuspendPlanner planner, BulkActivity? bulk = null) =>
        new(lifecycle, organizationId, directoryId, siteName, suspend: true, SuspendOperation, planner.PlanAsync, bulk?.Statuses);

    /// <summary>
    /// Resumes users: a run of its own when given IDs (<paramref name="ownRun"/>), or, from a journal, lines under the
    /// run that suspended them (the plan's RunId); with <paramref name="statuses"/>, their statuses are read in bulk
    /// at planning and after each batch.
    /// </summary>
    public static LifecycleChange Resume(AdminLifecycleClient lifecycle, string organizationId, string directoryId, string? siteName, bool ownRun, BulkStatuses? statuses = null) =>
        new(lifecycle, organizationId, directoryId, siteName, suspend: false, ownRun ? ResumeOperation : null,
            new ResumePlanner(lifecycle, organizationId, siteName, statuses).PlanAsync, statuses);

    public string? Operation { get; }

    private string ActionName => _suspend ? "Suspend" : "Resume";

    public Task<SuspensionPlan> PlanAsync(UserLifecycleRequest request, CancellationToken cancellationToken) => _plan(request, cancellationToken);

    public string Verb => _suspend ? "suspend" : "resume";

    public bool Changes(SuspensionPlan plan) => plan.Changes;

    public string AccountId(SuspensionPlan plan) => plan.AccountId;

    public string? WhyUnchanged(SuspensionPlan plan) => $"{plan.Outcome} ({plan.Reason})";

    // The run's journal on every result, so a result piped to Resume-JiraUser resumes only what this run suspended.
    public ChangeOutcome<UserSuspension>? Unchanged(SuspensionPlan plan, string runId, string? journalPath) =>
        new(UserSuspension.From(plan, ActionName, plan.Outcome!.Value, plan.Reason, _siteName, runId, journalPath), Changed: false,
            plan.Outcome == SuspensionStatus.Failed, plan.Reason, plan.Failure);

    public string Target(SuspensionPlan plan) => plan.Target;

    public string Action(SuspensionPlan plan) => _suspend ? "Suspend access to the organization (every product; groups are kept)" : "Restore access to the organization";

    public JournalEntry? PlannedLine(SuspensionPlan plan, string runId)
    {
        if (Operation is null)
        {
            return null;
        }

        var line = Line(plan, plan.RunId ?? runId, JournalEvent.Planned, plan.Reason).WithJudgment(plan.Judgment);
        return plan.LastLook is var (at, result) ? line.WithLastLook(at, result) : line;
    }

    public UserSuspension Declined(SuspensionPlan plan, string reason) => UserSuspension.From(plan, ActionName, SuspensionStatus.Skipped, reason, _siteName);

    public async Task<ChangeOutcome<UserSuspension>> ExecuteAsync(SuspensionPlan plan, ChangeContext context, CancellationToken cancellationToken)
    {
        string runId = plan.RunId ?? context.RunId;
        cancellationToken.ThrowIfCancellationRequested();
        if (plan.LookAgain is { } lookAgain && await lookAgain(cancellationToken).ConfigureAwait(false) is { Changes: false } now)
        {
            context.Write(Line(plan, runId, JournalEvent.Verified, $"{now.Outcome}: last look right before the change: {now.Reason}"));
            return Outcome(now, context, runId, now.Outcome!.Value, changed: false, now.Reason, now.Failure);
        }

        var step = new ChangeStep
        {
            Name = ActionName,
            Line = (kind, message) => Line(plan, runId, kind, message),
            Starting = _suspend ? JournalEvent.Suspending : JournalEvent.Resuming,
            Done = _suspend ? JournalEvent.Suspended : JournalEvent.Resumed,
            Failed = Failed,
            // The planner saw the user in the other state: an "already" now is most likely this run's own attempt
            // whose answer was lost, so it counts as this run's change.
            AlreadyDoneNote = $"Atlassian answered that it was {(_suspend ? "suspended" : "restored")} already",
            Call = token => _suspend
                ? _lifecycle.SuspendAsync(_organizationId, _directoryId, plan.AccountId, token)
                : _lifecycle.RestoreAsync(_organizationId, _directoryId, plan.AccountId, token),
            ReadBack = async token => await ReadStatusAsync(plan.AccountId, token).ConfigureAwait(false) is { } suspended ? suspended == _suspend : null,
            Failing = ActionName.ToLowerInvariant(),
            StoppedState = "the user's access may or may not have changed",
            UnknownState = "reading the status back failed too: the change may or may not have happened",
            NotDoneState = "the status is unchanged",
            ShownDone = "it happened",
        };
        var done = await ChangeSteps.RunAsync([step], context, cancellationToken).ConfigureAwait(false);
        if (done.Failed)
        {
            return Outcome(plan, context, runId, SuspensionStatus.Failed, changed: false, done.FailureMessage, done.Failure);
        }

        if (BatchSize > 0)
        {
            return Unverified(plan, context, done.Note);
        }

        return Verified(plan, context, runId, done.Note, await ReadStatusAsync(plan.AccountId, cancellationToken).ConfigureAwait(false));
    }

    // The outcome of a change whose status was read back: true suspended, false not, null unread.
    private ChangeOutcome<UserSuspension> Verified(SuspensionPlan plan, ChangeContext context, string runId, string? note, bool? suspended)
    {
        var (status, message) = suspended switch
        {
            null => (Done, "not verified: reading the user's status back failed"),
            var s when s == _suspend => (Done, note),
            _ => (SuspensionStatus.NotVerified, $"the call succeeded, but the status read back is still {(_suspend ? "active" : "suspended")}"),
        };
        return Final(plan, context, runId, status, message);
    }

    private ChangeOutcome<UserSuspension> Final(SuspensionPlan plan, ChangeContext context, string runId, SuspensionStatus status, string? message)
    {
        context.Write(Line(plan, runId, JournalEvent.Verified, $"{status}{(message is null ? string.Empty : $": {message}")}"));
        return Outcome(plan, context, runId, status, changed: true, message, null);
    }

    private JournalEvent Failed => _suspend ? JournalEvent.SuspendFailed : JournalEvent.ResumeFailed;

    private SuspensionStatus Done => _suspend ? SuspensionStatus.Suspended : SuspensionStatus.Resumed;

    // True: suspended; false: not suspended; null: the status could not be read.
    private async Task<bool?> ReadStatusAsync(string accountId, CancellationToken cancellationToken)
    {
        try
        {
            return (await _lifecycle.GetStatusAsync(_organizationId, accountId, cancellationToken).ConfigureAwait(false))?.IsSuspended;
        }
        catch (AtlassianApiException)
        {
            return null;
        }
    }

    private JournalEntry Line(SuspensionPlan plan, string runId, JournalEvent kind, string? message) => new()
    {
        RunId = runId,
        Event = kind,
        AccountId = plan.AccountId,
        DisplayName = plan.DisplayName,
        Site = _siteName,
        Message = message,
    };

    private ChangeOutcome<UserSuspension> Outcome(SuspensionPlan plan, ChangeContext context, string runId, SuspensionStatus status, bool changed, string? message, Exception? failure) =>
        new(UserSuspension.From(plan, ActionName, status, message, _siteName, runId, context.JournalPath), changed, status is SuspensionStatus.Failed or SuspensionStatus.NotVerified, message, failure);
}
