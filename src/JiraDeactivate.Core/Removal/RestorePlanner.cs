using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Removal;

/// <summary>Works out from a journal which memberships its runs took away and have not been put back yet.</summary>
public static class RestorePlanner
{
    /// <summary>
    /// A membership is to restore when its last removal event is Removed, or Removing or RemoveFailed (the run
    /// stopped or failed during the call, so it may have happened: adding back a user who is still a member
    /// changes nothing), and no Restored or AlreadyRestored came after it.
    /// </summary>
    public static IReadOnlyList<RestoreItem> FromJournal(IEnumerable<JournalEntry> entries, Func<JournalEntry, bool>? include = null)
    {
        var state = new Dictionary<(string RunId, string AccountId, JiraProduct Product, string Group), (JournalEntry Entry, bool Restore)>();
        foreach (var entry in entries)
        {
            if (entry.AccountId is null || entry.Product is null || entry.GroupName is null || (include is not null && !include(entry)))
            {
                continue;
            }

            var key = (entry.RunId, entry.AccountId, entry.Product.Value, entry.GroupId ?? entry.GroupName);
            switch (entry.Event)
            {
                case JournalEvent.Removing or JournalEvent.Removed or JournalEvent.RemoveFailed:
                    state[key] = (entry, true);
                    break;
                case JournalEvent.AlreadyRemoved or JournalEvent.Restored or JournalEvent.AlreadyRestored:
                    state[key] = (entry, false);
                    break;
            }
        }

        return state.Where(s => s.Value.Restore)
            .GroupBy(s => (s.Key.RunId, s.Key.AccountId, s.Key.Product))
            .Select(g =>
            {
                var first = g.First().Value.Entry;
                return new RestoreItem(first.AccountId!, first.DisplayName, first.Product!.Value, first.Site, first.RunId,
                    g.Select(s => new JiraGroup(s.Value.Entry.GroupId, s.Value.Entry.GroupName!)).ToArray());
            })
            .ToArray();
    }
}
