using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// The members of some groups as Jira lists them now (every page, inactive users included, like a user's own
/// groups): who is in which of them, and what reading them cost.
/// </summary>
public sealed class GroupMembershipSnapshot
{
    private readonly Dictionary<string, (JiraAccount Account, List<JiraGroup> Groups)> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<JiraGroup, int> _sizes = [];

    /// <summary>The member pages read.</summary>
    public int Pages { get; private set; }

    /// <summary>Reads every member of <paramref name="groups"/>, one group after the other.</summary>
    /// <exception cref="AtlassianApiException">A page could not be read.</exception>
    public static async Task<GroupMembershipSnapshot> ReadAsync(JiraRestClient jira, IReadOnlyList<JiraGroup> groups, CancellationToken cancellationToken)
    {
        var snapshot = new GroupMembershipSnapshot();
        foreach (var group in groups)
        {
            int count = 0;
            await foreach (var account in jira.GetGroupMembersAsync(group, includeInactiveUsers: true, cancellationToken).ConfigureAwait(false))
            {
                count++;
                if (!snapshot._members.TryGetValue(account.AccountId, out var member))
                {
                    member = (account, []);
                    snapshot._members[account.AccountId] = member;
                }

                member.Groups.Add(group);
            }

            snapshot._sizes[group] = count;
            snapshot.Pages += PagesFor(count);
        }

        return snapshot;
    }

    /// <summary>The pages reading groups of <paramref name="members"/> members takes (an empty group still answers one).</summary>
    public static int PagesFor(int members) => Math.Max(1, (members + JiraRestClient.PageSize - 1) / JiraRestClient.PageSize);

    /// <summary>What reading these groups again costs, in pages.</summary>
    public int PagesFor(IEnumerable<JiraGroup> groups) => groups.Sum(g => _sizes.TryGetValue(g, out int size) ? PagesFor(size) : 1);

    /// <summary>The user and the groups read that hold them; null when in none.</summary>
    public JiraUserAccess? AccessOf(string accountId) =>
        _members.TryGetValue(accountId, out var member) ? new JiraUserAccess(member.Account, member.Groups, []) : null;

    /// <summary>The groups read that hold the user (none when in none of them).</summary>
    public IReadOnlyList<JiraGroup> GroupsOf(string accountId) => _members.TryGetValue(accountId, out var member) ? member.Groups : [];
}
