using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Removal;

/// <summary>Adds a user back to the groups a run removed them from, journaling each call in the run's journal.</summary>
public sealed class RestoreExecutor(JiraRestClient jira, RemovalJournal journal)
{
    public async Task<ProductAccessRestore> ExecuteAsync(RestoreItem item, CancellationToken cancellationToken)
    {
        var restored = new List<string>();
        foreach (var group in item.Groups)
        {
            Write(item, JournalEvent.Restoring, group);
            MembershipChange change;
            try
            {
                change = await jira.AddUserToGroupAsync(group, item.AccountId, cancellationToken).ConfigureAwait(false);
            }
            catch (AtlassianApiException e)
            {
                bool? isMember = await MembershipReadBack.IsMemberAsync(jira, item.AccountId, group, cancellationToken).ConfigureAwait(false);
                if (isMember != true)
                {
                    string state = isMember is null ? "reading the membership back failed too: the user may or may not be back in the group" : "the user is not in the group";
                    Write(item, JournalEvent.RestoreFailed, group, $"{e.Message} ({state})");
                    return Result(item, restored, RestoreStatus.Failed, $"adding back to '{group.Name}' failed: {e.Message} ({state})");
                }

                Write(item, JournalEvent.Restored, group, $"the call failed ({e.Message}), but reading back shows the user is in the group");
                restored.Add(group.Name);
                continue;
            }

            Write(item, change == MembershipChange.Changed ? JournalEvent.Restored : JournalEvent.AlreadyRestored, group);
            if (change == MembershipChange.Changed)
            {
                restored.Add(group.Name);
            }
        }

        return Result(item, restored, restored.Count > 0 ? RestoreStatus.Restored : RestoreStatus.AlreadyPresent, null);
    }

    private void Write(RestoreItem item, JournalEvent kind, JiraGroup group, string? message = null) =>
        journal.Append(new JournalEntry
        {
            RunId = item.RunId,
            Event = kind,
            AccountId = item.AccountId,
            DisplayName = item.DisplayName,
            Product = item.Product,
            Site = item.Site,
            GroupId = group.GroupId,
            GroupName = group.Name,
            Message = message,
        });

    private static ProductAccessRestore Result(RestoreItem item, List<string> restored, RestoreStatus status, string? message) => new()
    {
        AccountId = item.AccountId,
        DisplayName = item.DisplayName,
        ProductValue = item.Product,
        Site = item.Site,
        GroupsRestored = restored.ToArray(),
        Outcome = status,
        Message = message,
        Timestamp = DateTime.UtcNow,
        RunId = item.RunId,
    };
}
