using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Suspension;

/// <summary>
/// Decides whether a user's access will be restored: only a user of the connected site whose access is suspended now
/// (with <paramref name="statuses"/>, as the run's one search read says).
/// </summary>
public sealed class ResumePlanner(AdminLifecycleClient lifecycle, string organizationId, string? siteName, BulkStatuses? statuses = null)
{
    // A suspension needs its user's Planned line before it.
    private static readonly UndoRules s_fromJournal = new(LifecycleChange.SuspendOperation, IsRelevant, IsSuspension,
        Plans: (planned, change) => planned.AccountId == change.AccountId,
        NotPlanned: change => $"no Planned line of run '{change.RunId}' before it suspends this user");

    /// <summary>
    /// The users a journal's Suspend-JiraUser runs suspended and no run has resumed since, checked as a restore checks
    /// its journal (<see cref="RemovalJournal.Undoable"/>). A user the run found suspended already (AlreadySuspended)
    /// was not suspended by it, and is never resumed from its journal. Suspending or SuspendFailed as the last word:
    /// the run stopped or failed during the call, so it may have happened; resuming a user who is not suspended
    /// changes nothing.
    /// </summary>
    public static ResumeFromJournal FromJournal(IEnumerable<JournalLine> lines, JournalKeys keys, bool allowUnsealed, Func<JournalEntry, bool>? include = null)
    {
        var read = RemovalJournal.Undoable(lines, keys, allowUnsealed, s_fromJournal, include);
        var last = new Dictionary<(string RunId, string AccountId), JournalEntry>();
        foreach (var line in read.Lines.OrderBy(l => l.Number))
        {
            last[(line.Entry.RunId, line.Entry.AccountId!)] = line.Entry;
        }

        var pending = last.Values
            .Where(e => IsSuspension(e))
            .Select(e => new UserLifecycleRequest(e.AccountId!, e.DisplayName, e.Site, RunId: e.RunId))
            .ToList();
        return new ResumeFromJournal(pending, read.Refusals, read.UnsealedRuns) { MissingKeys = read.MissingKeys };
    }

    public async Task<SuspensionPlan> PlanAsync(UserLifecycleRequest request, CancellationToken cancellationToken)
    {
        string id = request.AccountId;
        if (request.Site is { Length: > 0 } site && siteName is not null && !string.Equals(site, siteName, StringComparison.OrdinalIgnoreCase))
        {
            return SuspensionPlan.Skip(id, request.DisplayName, request.Email, "other site", $"the input is about site '{site}', but the connection is to '{siteName}'") with { RunId = request.RunId };
        }

        DirectoryUserStatus? status;
        try
        {
            status = statuses is null
                ? await lifecycle.GetStatusAsync(organizationId, id, cancellationToken).ConfigureAwait(false)
                : await statuses.GetAsync(id, token => lifecycle.GetStatusAsync(organizationId, id, token), cancellationToken).ConfigureAwait(false);
        }
        catch (AtlassianApiException e)
        {
            return SuspensionPlan.Fail(id, request.DisplayName, $"reading the user's status failed: {e.Message}", e) with { RunId = request.RunId };
        }

        if (status is null)
        {
            return SuspensionPlan.Fail(id, request.DisplayName, "the organization's directory does not list this account") with { RunId = request.RunId };
        }

        string? name = status.Name ?? request.DisplayName;
        return status.IsSuspended
            ? new SuspensionPlan(id, name, status.Email, null, request.RunId is null ? "suspended now" : $"suspended by run '{request.RunId}'", RunId: request.RunId)
            : new SuspensionPlan(id, name, status.Email, SuspensionStatus.NotSuspended, $"access is not suspended (status '{status.Status}')", "not suspended", request.RunId);
    }

    private static bool IsRelevant(JournalEntry entry) => entry.AccountId is not null && entry.Event is JournalEvent.Suspending or JournalEvent.Suspended
        or JournalEvent.SuspendFailed or JournalEvent.AlreadySuspended or JournalEvent.Resumed or JournalEvent.AlreadyResumed;

    private static bool IsSuspension(JournalEntry entry) => entry.Event is JournalEvent.Suspending or JournalEvent.Suspended or JournalEvent.SuspendFailed;
}
