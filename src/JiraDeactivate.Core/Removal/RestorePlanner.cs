using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Works out from a journal which memberships its removal runs took away and have not been put back yet. A
/// journal is untrusted input: only lines that the journal itself shows as part of a removal by this module are
/// taken (a RunStarted of Remove-JiraProductAccess, the user's Planned line naming the group, then the removal),
/// sealed with the run's key when this machine holds it; every other line that would add a membership is refused.
/// </summary>
public static class RestorePlanner
{
    public const string RemovalOperation = "Remove-JiraProductAccess";

    /// <summary>
    /// A membership is to restore when its last removal event is Removed, or Removing or RemoveFailed (the run
    /// stopped or failed during the call, so it may have happened: adding back a user who is still a member
    /// changes nothing), and no Restored or AlreadyRestored came after it.
    /// </summary>
    public static RestorePlan FromJournal(IEnumerable<JournalLine> lines, JournalKeys keys, bool allowUnsealed, Func<JournalEntry, bool>? include = null)
    {
        var all = lines.ToList();
        var refusals = new List<JournalRefusal>();
        var unsealedRuns = new List<string>();
        var runs = all.GroupBy(l => l.Entry.RunId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var trusted = new List<JournalLine>();
        foreach (var (runId, runLines) in runs)
        {
            var wanted = runLines.Where(l => IsRestoreRelevant(l.Entry) && (include is null || include(l.Entry))).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            if (RunProblem(runId, runLines, keys, allowUnsealed, RemovalOperation, out bool isUnsealed) is { } problem)
            {
                refusals.AddRange(wanted.Where(l => IsRemoval(l.Entry)).Select(l => Refuse(l, problem)));
                continue;
            }

            if (isUnsealed)
            {
                unsealedRuns.Add(runId);
            }

            var key = keys.Find(runId);
            var started = runLines.First(l => l.Entry.Event == JournalEvent.RunStarted);
            foreach (var line in wanted)
            {
                if (LineProblem(line, started, runLines, key) is { } lineProblem)
                {
                    if (IsRemoval(line.Entry))
                    {
                        refusals.Add(Refuse(line, lineProblem));
                    }

                    continue;
                }

                trusted.Add(line);
            }
        }

        return new RestorePlan(Pending(trusted), refusals, unsealedRuns);
    }

    private static IReadOnlyList<RestoreItem> Pending(IEnumerable<JournalLine> lines)
    {
        var state = new Dictionary<(string RunId, string AccountId, JiraProduct Product, string Group), (JournalLine Line, bool Restore)>();
        foreach (var line in lines.OrderBy(l => l.Number))
        {
            var entry = line.Entry;
            var key = (entry.RunId, entry.AccountId!, entry.Product!.Value, entry.GroupId ?? entry.GroupName!);
            switch (entry.Event)
            {
                case JournalEvent.Removing or JournalEvent.Removed or JournalEvent.RemoveFailed:
                    state[key] = (line, true);
                    break;
                case JournalEvent.AlreadyRemoved or JournalEvent.Restored or JournalEvent.AlreadyRestored:
                    state[key] = (line, false);
                    break;
            }
        }

        return state.Where(s => s.Value.Restore)
            .GroupBy(s => (s.Key.RunId, s.Key.AccountId, s.Key.Product))
            .Select(g =>
            {
                var first = g.First().Value.Line.Entry;
                return new RestoreItem(first.AccountId!, first.DisplayName, first.Product!.Value, first.Site, first.RunId,
                    g.Select(s => new RestoreMembership(new JiraGroup(s.Value.Line.Entry.GroupId, s.Value.Line.Entry.GroupName!), s.Value.Line.Number)).ToArray());
            })
            .ToArray();
    }

    /// <summary>Why a run's lines cannot be trusted to undo a run of <paramref name="operation"/>; null when they can.</summary>
    internal static string? RunProblem(string runId, List<JournalLine> runLines, JournalKeys keys, bool allowUnsealed, string operation, out bool isUnsealed)
    {
        isUnsealed = false;
        var started = runLines.Where(l => l.Entry.Event == JournalEvent.RunStarted).ToList();
        if (started.Count != 1)
        {
            return started.Count == 0
                ? $"run '{runId}' has no RunStarted line: the journal does not show it as a run of {operation}"
                : $"run '{runId}' has {started.Count} RunStarted lines (lines {string.Join(", ", started.Select(l => l.Number))}): the journal was edited or two journals were joined";
        }

        var start = started[0].Entry;
        if (!IsRunOf(start, operation))
        {
            return $"run '{runId}' is not a run of {operation} (line {started[0].Number})";
        }

        if (keys.Find(runId) is null)
        {
            if (!allowUnsealed)
            {
                return $"run '{runId}' cannot be checked for edits: its seal key is not on this machine ({keys.Folder}). Review the journal's lines of that run, then run again with -AllowUnsealed to restore it";
            }

            isUnsealed = true;
        }

        return null;
    }

    /// <summary>Why a line of a trusted run is not its own (seal, place, site); null when it is. Every kind of undo checks this.</summary>
    internal static string? SealPlaceOrSiteProblem(JournalLine line, JournalLine started, byte[]? key)
    {
        var entry = line.Entry;
        if (key is not null && !JournalSeal.IsValid(entry, key))
        {
            return "its seal does not match: the line was edited or added after the run wrote it";
        }

        if (line.Number < started.Number)
        {
            return "it comes before its run's RunStarted line";
        }

        return string.Equals(entry.Site, started.Entry.Site, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"it names site '{entry.Site}', but its run was on '{started.Entry.Site}'";
    }

    private static string? LineProblem(JournalLine line, JournalLine started, List<JournalLine> runLines, byte[]? key)
    {
        var entry = line.Entry;
        if (SealPlaceOrSiteProblem(line, started, key) is { } problem)
        {
            return problem;
        }

        if (IsRemoval(entry))
        {
            bool planned = runLines.Any(l => l.Number < line.Number && l.Entry.Event == JournalEvent.Planned
                && l.Entry.AccountId == entry.AccountId && l.Entry.Product == entry.Product
                && (l.Entry.Groups ?? []).Contains(entry.GroupName!, StringComparer.OrdinalIgnoreCase)
                && (key is null || JournalSeal.IsValid(l.Entry, key)));
            if (!planned)
            {
                return $"no Planned line of run '{entry.RunId}' before it plans to remove this user from '{entry.GroupName}'";
            }
        }

        return null;
    }

    private static bool IsRestoreRelevant(JournalEntry entry) =>
        entry.AccountId is not null && entry.Product is not null && entry.GroupName is not null
        && entry.Event is JournalEvent.Removing or JournalEvent.Removed or JournalEvent.RemoveFailed
            or JournalEvent.AlreadyRemoved or JournalEvent.Restored or JournalEvent.AlreadyRestored;

    private static bool IsRemoval(JournalEntry entry) => entry.Event is JournalEvent.Removing or JournalEvent.Removed or JournalEvent.RemoveFailed;

    // Journals of the first version name the command only at the start of the RunStarted message.
    private static bool IsRunOf(JournalEntry start, string operation) =>
        start.Operation is { } written
            ? written == operation
            : start.Message?.StartsWith(operation + " ", StringComparison.Ordinal) == true;

    private static JournalRefusal Refuse(JournalLine line, string reason) => new(line.Number, line.Entry.RunId, line.Entry.AccountId, reason);
}

/// <summary>What a journal gives a restore: the memberships to put back, the lines refused, the runs taken unsealed.</summary>
public sealed record RestorePlan(IReadOnlyList<RestoreItem> Items, IReadOnlyList<JournalRefusal> Refusals, IReadOnlyList<string> UnsealedRuns);
