using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Suspension;

/// <summary>
/// Works out from a journal which users its Suspend-JiraUser runs suspended and no run has resumed since. A journal
/// is untrusted input, checked as a restore checks it: a RunStarted of Suspend-JiraUser, the user's Planned line
/// before the suspension, every line sealed with its run's key when this machine holds it. A user the run found
/// suspended already (AlreadySuspended) was not suspended by it, and is never resumed from its journal.
/// </summary>
public static class SuspensionJournal
{
    public static ResumeFromJournal Pending(IEnumerable<JournalLine> lines, JournalKeys keys, bool allowUnsealed, Func<JournalEntry, bool>? include = null)
    {
        var refusals = new List<JournalRefusal>();
        var unsealedRuns = new List<string>();
        var missingKeys = new List<string>();
        var trusted = new List<JournalLine>();
        foreach (var run in lines.GroupBy(l => l.Entry.RunId, StringComparer.Ordinal))
        {
            var runLines = run.ToList();
            var wanted = runLines.Where(l => IsRelevant(l.Entry) && (include is null || include(l.Entry))).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            var verdict = JournalRunTrust.Judge(run.Key, runLines, keys, allowUnsealed, LifecycleChange.SuspendOperation);
            if (verdict.KeyMissing)
            {
                missingKeys.Add(run.Key);
                continue;
            }

            if (verdict.Run is not { } trustedRun)
            {
                refusals.AddRange(wanted.Where(l => IsSuspension(l.Entry)).Select(l => Refuse(l, verdict.Problem!)));
                continue;
            }

            if (trustedRun.IsUnsealed)
            {
                unsealedRuns.Add(run.Key);
            }

            foreach (var line in wanted)
            {
                if (LineProblem(line, trustedRun, runLines) is { } lineProblem)
                {
                    if (IsSuspension(line.Entry))
                    {
                        refusals.Add(Refuse(line, lineProblem));
                    }

                    continue;
                }

                trusted.Add(line);
            }
        }

        var last = new Dictionary<(string RunId, string AccountId), JournalEntry>();
        foreach (var line in trusted.OrderBy(l => l.Number))
        {
            last[(line.Entry.RunId, line.Entry.AccountId!)] = line.Entry;
        }

        // Suspending or SuspendFailed as the last word: the run stopped or failed during the call, so it may have
        // happened; resuming a user who is not suspended changes nothing.
        var pending = last.Values
            .Where(e => e.Event is JournalEvent.Suspending or JournalEvent.Suspended or JournalEvent.SuspendFailed)
            .Select(e => new UserLifecycleRequest(e.AccountId!, e.DisplayName, e.Site, RunId: e.RunId))
            .ToList();
        return new ResumeFromJournal(pending, refusals, unsealedRuns) { MissingKeys = missingKeys };
    }

    private static string? LineProblem(JournalLine line, TrustedRun run, List<JournalLine> runLines)
    {
        var entry = line.Entry;
        if (run.SealPlaceOrSiteProblem(line) is { } problem)
        {
            return problem;
        }

        bool planned = runLines.Any(l => l.Number < line.Number && l.Entry.Event == JournalEvent.Planned && l.Entry.AccountId == entry.AccountId && run.IsGenuine(l));
        return planned || !IsSuspension(entry) ? null : $"no Planned line of run '{entry.RunId}' before it suspends this user";
    }

    private static bool IsRelevant(JournalEntry entry) => entry.AccountId is not null && entry.Event is JournalEvent.Suspending or JournalEvent.Suspended
        or JournalEvent.SuspendFailed or JournalEvent.AlreadySuspended or JournalEvent.Resumed or JournalEvent.AlreadyResumed;

    private static bool IsSuspension(JournalEntry entry) => entry.Event is JournalEvent.Suspending or JournalEvent.Suspended or JournalEvent.SuspendFailed;

    private static JournalRefusal Refuse(JournalLine line, string reason) => new(line.Number, line.Entry.RunId, line.Entry.AccountId, reason);
}

/// <summary>What a journal gives a resumption: the users to resume, the lines refused, the runs taken unsealed.</summary>
public sealed record ResumeFromJournal(IReadOnlyList<UserLifecycleRequest> Users, IReadOnlyList<JournalRefusal> Refusals, IReadOnlyList<string> UnsealedRuns)
{
    /// <summary>Runs whose seal key is not in the key folder (without -AllowUnsealed): nobody of them is resumed, and one error says so.</summary>
    public IReadOnlyList<string> MissingKeys { get; init; } = [];
}
