using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Removal;
using JiraDeactivate.Core.Suspension;

namespace JiraDeactivate.Core.History;

/// <summary>
/// The runs a journal records, with what each changed and whether it can be undone now: the same checks a restore
/// makes (its key present and trusted, its lines whole), then whether anything of it is left to put back.
/// </summary>
public static class ChangeRunHistory
{
    private static readonly HashSet<JournalEvent> s_changes = [JournalEvent.Removed, JournalEvent.RoleRevoked, JournalEvent.Suspended];
    private static readonly HashSet<JournalEvent> s_undoings = [JournalEvent.Restored, JournalEvent.AlreadyRestored, JournalEvent.RoleGranted, JournalEvent.RoleAlreadyGranted, JournalEvent.Resumed, JournalEvent.AlreadyResumed];

    /// <summary>The runs of <paramref name="journalPath"/>, in the order they began.</summary>
    /// <exception cref="JournalException">The file is not a journal (a line longer than any journal line).</exception>
    public static IReadOnlyList<JiraChangeRun> Read(string journalPath, JournalKeys keys, Action<long, string>? onBadLine = null)
    {
        var lines = RemovalJournal.Read(journalPath, onBadLine).ToList();
        var runs = new List<JiraChangeRun>();
        foreach (var run in lines.GroupBy(l => l.Entry.RunId, StringComparer.Ordinal))
        {
            var runLines = run.ToList();
            if (runLines.FirstOrDefault(l => l.Entry.Event == JournalEvent.RunStarted) is not { } started)
            {
                continue;
            }

            var lookup = keys.Inspect(run.Key);
            string? command = started.Entry.Operation ?? started.Entry.Message?.Split(' ', 2)[0];
            var (canUndo, note) = Undoable(command, runLines, keys, lookup);
            runs.Add(new JiraChangeRun
            {
                RunId = run.Key,
                Started = started.Entry.Time,
                Command = command,
                User = started.Entry.Actor ?? ActorFromMessage(started.Entry.Message),
                Site = started.Entry.Site,
                Products = runLines.Where(l => l.Entry.Product is not null).Select(l => l.Entry.Product!.Value.ToString()).Distinct().Order(StringComparer.Ordinal).ToArray(),
                Planned = Users(runLines, e => e == JournalEvent.Planned),
                Changed = Users(runLines, s_changes.Contains) + (command == LifecycleChange.ResumeOperation ? Users(runLines, e => e == JournalEvent.Resumed) : 0),
                Undone = command == LifecycleChange.ResumeOperation ? 0 : Users(runLines, s_undoings.Contains),
                JournalPath = journalPath,
                KeyPath = keys.Folder,
                KeyPresent = lookup.Key is not null,
                CanUndo = canUndo,
                Note = note,
            });
        }

        return runs.OrderBy(r => r.Started).ToList();
    }

    private static (bool CanUndo, string? Note) Undoable(string? command, List<JournalLine> runLines, JournalKeys keys, KeyLookup lookup)
    {
        if (lookup.Problem is { } problem)
        {
            return (false, problem);
        }

        if (lookup.Key is null)
        {
            return (false, $"its seal key ({keys.Source.NameOf(runLines[0].Entry.RunId)}) is not in {keys.Source.Where}: give {keys.Source.RecommendedAction(runLines[0].Entry.RunId)}");
        }

        switch (command)
        {
            case RestorePlanner.RemovalOperation:
                var restore = RestorePlanner.FromJournal(runLines, keys, allowUnsealed: false);
                return restore.Items.Count > 0 ? (true, null) : (false, restore.Refusals.FirstOrDefault()?.Reason ?? "nothing of it is left to restore");
            case LifecycleChange.SuspendOperation:
                var resume = ResumePlanner.FromJournal(runLines, keys, allowUnsealed: false);
                return resume.Users.Count > 0 ? (true, null) : (false, resume.Refusals.FirstOrDefault()?.Reason ?? "nobody of it is left to resume");
            default:
                return (false, $"a run of {command ?? "an unknown command"} is not undone from its journal");
        }
    }

    private static int Users(IEnumerable<JournalLine> lines, Func<JournalEvent, bool> kind) =>
        lines.Where(l => l.Entry.AccountId is not null && kind(l.Entry.Event)).Select(l => l.Entry.AccountId).Distinct(StringComparer.Ordinal).Count();

    // Journals written before the Actor field: "Remove-JiraProductAccess by admin@acme.example: 3 users".
    private static string? ActorFromMessage(string? message)
    {
        int by = message?.IndexOf(" by ", StringComparison.Ordinal) ?? -1;
        int colon = message?.LastIndexOf(": ", StringComparison.Ordinal) ?? -1;
        return by >= 0 && colon > by ? message![(by + 4)..colon] : null;
    }
}
