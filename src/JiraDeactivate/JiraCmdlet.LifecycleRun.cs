using System.Management.Automation;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Runs;
using JiraDeactivate.Core.Suspension;

namespace JiraDeactivate;

/// <summary>A suspend or resume run as every command that makes one runs it: only binding, asking and writing here.</summary>
public abstract partial class JiraCmdlet
{
    /// <summary>
    /// Runs a suspension or resumption of <paramref name="requests"/>, <paramref name="throttleLimit"/> at a time,
    /// counting in <paramref name="summary"/>.
    /// </summary>
    private protected void RunLifecycle(ChangeRun<UserLifecycleRequest, SuspensionPlan, UserSuspension> run, IReadOnlyList<UserLifecycleRequest> requests,
        RunSummary summary, int throttleLimit)
    {
        string name = MyInvocation.MyCommand.Name;
        string action = run.Change.Verb == "suspend" ? "Suspend" : "Resume";
        RunChange(run, requests, new RunWriting<SuspensionPlan, UserSuspension>("LifecycleFuseTripped", $"{action}PlanFailed", $"{action}Failed", ProgressIds.Lifecycle,
            users => $"{name}: reading {users} users", users => $"{name}: {users} users", new RunLimits(throttleLimit, throttleLimit),
            summary.Add, result => summary.Add(result.Outcome, "declined"), result => summary.Add(result.Outcome, null), () => summary.Describe(false)));
    }

    /// <summary>Resumes the users a Suspend-JiraUser journal shows as suspended by its runs; opens and locks the journal unless previewing.</summary>
    private protected void ResumeFromJournal(string path, Func<JournalEntry, bool>? include, ResumeRails rails, RunSummary summary)
    {
        if (!File.Exists(path))
        {
            WriteError(Error($"The journal '{path}' does not exist.", "JournalNotFound", ErrorCategory.ObjectNotFound, path));
            return;
        }

        using var journal = IsPreview() ? null : OpenJournal(path, null, rails.KeyPath, rails.KeyVault);
        if (ReadJournal(path, journal) is { } lines)
        {
            ResumeFromJournal(path, journal, lines, include, rails, summary);
        }
    }

    /// <summary>
    /// Resumes the users that <paramref name="lines"/> show as suspended by a Suspend-JiraUser run and not resumed
    /// since, writing into <paramref name="journal"/> (null: a preview). Lines that cannot be trusted are refused.
    /// </summary>
    private protected void ResumeFromJournal(string path, RemovalJournal? journal, IReadOnlyList<JournalLine> lines, Func<JournalEntry, bool>? include,
        ResumeRails rails, RunSummary summary)
    {
        var keys = KeysIn(rails.KeyPath, rails.KeyVault, path);
        var pending = ResumePlanner.FromJournal(lines, keys, rails.AllowUnsealed, include);
        WriteMissingKeys(path, pending.MissingKeys, keys, "resumed");
        foreach (string unsealed in pending.UnsealedRuns)
        {
            WriteWarning($"{path}: run '{unsealed}' is resumed without checking its lines for edits (-AllowUnsealed): its seal key is not on this machine.");
        }

        foreach (var refusal in pending.Refusals.OrderBy(r => r.Line))
        {
            WriteError(Error($"{path}:{refusal.Line}: refused to resume{(refusal.AccountId is null ? string.Empty : $" {refusal.AccountId}")}: {refusal.Reason}.",
                "JournalLineRefused", ErrorCategory.SecurityError, refusal.AccountId ?? (object)refusal.Line));
        }

        if (pending.Users.Count == 0)
        {
            WriteVerbose($"No user suspended by a run in '{path}' is left to resume.");
            return;
        }

        var session = RequireSession();
        var (organizationId, lifecycle, directoryId) = RequireDirectory(session);
        var statuses = BulkStatusesFor(session, organizationId, pending.Users);
        var run = new ChangeRun<UserLifecycleRequest, SuspensionPlan, UserSuspension>(
            LifecycleChange.Resume(lifecycle, organizationId, directoryId, session.SiteName, ownRun: false, statuses),
            rails.Fuse ?? new ChangeFuse(), rails.Fuse is null ? int.MaxValue : rails.MaxUsers, journal, session.SiteName, session.Connection.User ?? "(unknown)");
        RunLifecycle(run, pending.Users, summary, rails.ThrottleLimit);
        WriteStatusReads(statuses);
    }

    /// <summary>
    /// For a resumption of many users (from <see cref="Core.Removal.RemovalReads.BulkLookFrom"/> on), their statuses
    /// read in bulk from the v2 user search, at planning and after each batch; null: one search per user each time.
    /// </summary>
    private protected static BulkStatuses? BulkStatusesFor(Core.Sessions.JiraAdminSession session, string organizationId, IReadOnlyList<UserLifecycleRequest> requests) =>
        requests.Count >= Core.Removal.RemovalReads.BulkLookFrom && session.Admin is { } admin
            ? BulkStatuses.Of(new Core.Inactivity.DirectorySearchReader(admin, organizationId), requests.Select(r => r.AccountId).ToList())
            : null;

    private protected void WriteStatusReads(BulkStatuses? statuses) =>
        WriteVerbose(statuses is null
            ? "The users' statuses: one user search call per user at planning and after the change."
            : $"The users' statuses: {statuses.SearchCalls} user search calls for all of them, at planning and after the changes; {statuses.PerUserStatusReads} read one by one at planning and {statuses.PerUserReadBacks} after the changes (not in the search).");

    /// <summary>
    /// A journal's lines: through the lock this run holds, or (a preview) read as they are; unreadable lines are warned
    /// about. Null, after an error, when the file is not a journal at all (a line longer than any journal line).
    /// </summary>
    private protected IReadOnlyList<JournalLine>? ReadJournal(string path, RemovalJournal? journal)
    {
        void OnBadLine(long line, string reason) => WriteWarning($"{path}:{line}: a line that cannot be read was skipped (a run stopped while writing it?): {reason}");
        try
        {
            return journal is null ? RemovalJournal.Read(path, OnBadLine).ToList() : journal.ReadAll(OnBadLine);
        }
        catch (JournalException e)
        {
            WriteError(Error(e.Message, "JournalUnreadable", ErrorCategory.InvalidData, path, e));
            return null;
        }
    }

    /// <summary>One error for every run of a journal whose seal key is not in the key folder, naming each key file and the folder.</summary>
    private protected void WriteMissingKeys(string path, IReadOnlyList<string> runIds, JournalKeys keys, string verb)
    {
        if (runIds.Count > 0)
        {
            WriteError(Error($"{path}: {JournalRunTrust.MissingKeys(runIds, keys, verb)}.", "JournalKeyNotFound", ErrorCategory.ObjectNotFound, path,
                recommendedAction: keys.Source.RecommendedAction(runIds[0])));
        }
    }

    /// <summary>The Admin API's organization, its v2 lifecycle client and its one directory; a terminating error when any is missing.</summary>
    private protected (string OrganizationId, AdminLifecycleClient Lifecycle, string DirectoryId) RequireDirectory(Core.Sessions.JiraAdminSession session)
    {
        string organizationId;
        try
        {
            organizationId = session.RequireAdmin(MyInvocation.MyCommand.Name).Organization.Id;
        }
        catch (Core.Sessions.SessionRequirementException e)
        {
            ThrowRequirement(e);
            throw;
        }

        var lifecycle = session.Lifecycle!;
        IReadOnlyList<string> directories = [];
        try
        {
            RunAsync(async (_, token) => directories = await lifecycle.GetDirectoryIdsAsync(organizationId, token).ConfigureAwait(false));
        }
        catch (AtlassianApiException e)
        {
            ThrowTerminatingError(Error($"The organization's directories could not be read: {e.Message} Nothing was changed.", "DirectoryUnavailable", CategoryOf(e), organizationId, e));
        }

        if (directories.Count != 1)
        {
            ThrowTerminatingError(Error(
                directories.Count == 0
                    ? $"The Admin API lists no directory for organization {organizationId}. Nothing was changed."
                    : $"Organization {organizationId} has {directories.Count} directories ({string.Join(", ", directories)}): suspending needs the user's one directory, and this version handles an organization with one. Nothing was changed.",
                "DirectoryAmbiguous", ErrorCategory.InvalidOperation, organizationId));
        }

        return (organizationId, lifecycle, directories[0]);
    }
}

/// <summary>
/// What a resumption from a journal runs with: the key folder (or vault), whether unsealed runs are taken, how many users at a
/// time, and the fuse (null: none, as for Restore-JiraProductAccess, which only undoes what a run did).
/// </summary>
internal sealed record ResumeRails(string? KeyPath, bool AllowUnsealed, int ThrottleLimit, ChangeFuse? Fuse = null, int MaxUsers = int.MaxValue)
{
    public string? KeyVault { get; init; }
}
