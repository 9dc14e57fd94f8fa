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

    // A removal needs its user's Planned line naming the group; a stray RunStarted or Planned line is refused alone.
    private static readonly UndoRules s_rules = new(RemovalOperation, IsRestoreRelevant, IsRemoval,
        Plans: (planned, change) => planned.AccountId == change.AccountId && planned.Product == change.Product
            && (change.Resource is { } resource
                ? string.Equals(planned.Resource, resource, StringComparison.Ordinal)
                : (planned.Groups ?? []).Contains(change.GroupName!, StringComparer.OrdinalIgnoreCase)),
        NotPlanned: change => change.Resource is { } resource
            ? $"no Planned line of run '{change.RunId}' before it names this user's role on '{resource}'"
            : $"no Planned line of run '{change.RunId}' before it plans to remove this user from '{change.GroupName}'")
    {
        RefuseStrayLines = true,
    };

    /// <summary>
    /// A membership is to restore when its last removal event is Removed, or Removing or RemoveFailed (the run
    /// stopped or failed during the call, so it may have happened: adding back a user who is still a member
    /// changes nothing), and no Restored or AlreadyRestored came after it.
    /// </summary>
    public static RestorePlan FromJournal(IEnumerable<JournalLine> lines, JournalKeys keys, bool allowUnsealed, Func<JournalEntry, bool>? include = null)
    {
        var read = RemovalJournal.Undoable(lines, keys, allowUnsealed, s_rules, include);
        return new RestorePlan(Pending(read.Lines), read.Refusals, read.UnsealedRuns) { MissingKeys = read.MissingKeys };
    }

    private static IReadOnlyList<RestoreItem> Pending(IEnumerable<JournalLine> lines)
    {
        // Keyed by the group, or by the role's resource for a direct role's lines.
        var state = new Dictionary<(string RunId, string AccountId, JiraProduct Product, string What), (JournalLine Line, bool Restore)>();
        foreach (var line in lines.OrderBy(l => l.Number))
        {
            var entry = line.Entry;
            var key = (entry.RunId, entry.AccountId!, entry.Product!.Value, IsRoleLine(entry) ? "role:" + entry.Resource : entry.GroupId ?? entry.GroupName!);
            switch (entry.Event)
            {
                case JournalEvent.Removing or JournalEvent.Removed or JournalEvent.RemoveFailed
                    or JournalEvent.RoleRevoking or JournalEvent.RoleRevoked or JournalEvent.RoleRevokeFailed:
                    state[key] = (line, true);
                    break;
                case JournalEvent.AlreadyRemoved or JournalEvent.Restored or JournalEvent.AlreadyRestored
                    or JournalEvent.RoleAlreadyRevoked or JournalEvent.RoleGranted or JournalEvent.RoleAlreadyGranted:
                    state[key] = (line, false);
                    break;
            }
        }

        return state.Where(s => s.Value.Restore)
            .GroupBy(s => (s.Key.RunId, s.Key.AccountId, s.Key.Product))
            .Select(g =>
            {
                var first = g.First().Value.Line.Entry;
                var role = g.Select(s => s.Value.Line).FirstOrDefault(l => IsRoleLine(l.Entry));
                return new RestoreItem(first.AccountId!, first.DisplayName, first.Product!.Value, first.Site, first.RunId,
                    g.Where(s => !IsRoleLine(s.Value.Line.Entry))
                        .Select(s => new RestoreMembership(new JiraGroup(s.Value.Line.Entry.GroupId, s.Value.Line.Entry.GroupName!), s.Value.Line.Number)).ToArray())
                {
                    Role = role is null ? null : new RestoreRole(role.Entry.Resource!, role.Number),
                };
            })
            .ToArray();
    }

    private static bool IsRoleLine(JournalEntry entry) => entry.Event is JournalEvent.RoleRevoking or JournalEvent.RoleRevoked or JournalEvent.RoleRevokeFailed
        or JournalEvent.RoleAlreadyRevoked or JournalEvent.RoleGranting or JournalEvent.RoleGranted or JournalEvent.RoleAlreadyGranted or JournalEvent.RoleGrantFailed;

    private static bool IsRestoreRelevant(JournalEntry entry) =>
        entry.AccountId is not null && entry.Product is not null
        && (IsRoleLine(entry)
            ? entry.Resource is not null && entry.Event is not (JournalEvent.RoleGranting or JournalEvent.RoleGrantFailed)
            : entry.GroupName is not null && entry.Event is JournalEvent.Removing or JournalEvent.Removed or JournalEvent.RemoveFailed
                or JournalEvent.AlreadyRemoved or JournalEvent.Restored or JournalEvent.AlreadyRestored);

    private static bool IsRemoval(JournalEntry entry) => entry.Event is JournalEvent.Removing or JournalEvent.Removed or JournalEvent.RemoveFailed
        or JournalEvent.RoleRevoking or JournalEvent.RoleRevoked or JournalEvent.RoleRevokeFailed;
}

/// <summary>What a journal gives a restore: the memberships to put back, the lines refused, the runs taken unsealed.</summary>
public sealed record RestorePlan(IReadOnlyList<RestoreItem> Items, IReadOnlyList<JournalRefusal> Refusals, IReadOnlyList<string> UnsealedRuns)
{
    /// <summary>Runs whose seal key is not in the key folder (without -AllowUnsealed): nothing of them is restored, and one error says so.</summary>
    public IReadOnlyList<string> MissingKeys { get; init; } = [];
}
