using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Checks a restore against Jira as it is now, so a journal can only give back product access: the line's site is
/// the connected one, the group grants the product named on the line today, its ID and name agree with Jira, and
/// it is never an administrators' group.
/// </summary>
public sealed class RestoreValidator(ProductRoleCache roles, string? siteName, Func<JiraGroup, bool> isAdministratorGroup)
{
    /// <summary>The item reduced to the memberships it may restore (with Jira's own group IDs and names), and the refusals.</summary>
    /// <exception cref="AtlassianApiException">The product's groups cannot be read.</exception>
    public async Task<(RestoreItem? Item, IReadOnlyList<JournalRefusal> Refusals)> CheckAsync(RestoreItem item, CancellationToken cancellationToken)
    {
        var refusals = new List<JournalRefusal>();
        JournalRefusal Refuse(RestoreMembership m, string reason) => new(m.Line, item.RunId, item.AccountId, reason);

        if (!string.Equals(item.Site, siteName, StringComparison.OrdinalIgnoreCase))
        {
            return (null, item.Memberships.Select(m => Refuse(m, $"it is about site '{item.Site}', but the connection is to '{siteName}'")).ToArray());
        }

        var role = await roles.GetAsync(item.Product, cancellationToken).ConfigureAwait(false);
        var allowed = new List<RestoreMembership>();
        foreach (var membership in item.Memberships)
        {
            var line = membership.Group;
            var granting = line.GroupId is { Length: > 0 } id
                ? role.Groups.FirstOrDefault(g => string.Equals(g.GroupId, id, StringComparison.OrdinalIgnoreCase))
                : role.Groups.FirstOrDefault(g => string.Equals(g.Name, line.Name, StringComparison.OrdinalIgnoreCase));
            if (granting is null)
            {
                refusals.Add(Refuse(membership, $"group '{line.Name}'{(line.GroupId is null ? string.Empty : $" ({line.GroupId})")} does not grant {item.Product} now"));
            }
            else if (!string.Equals(granting.Name, line.Name, StringComparison.OrdinalIgnoreCase))
            {
                refusals.Add(Refuse(membership, $"its groupId is '{granting.Name}' in Jira, but the line names '{line.Name}'"));
            }
            else if (isAdministratorGroup(granting))
            {
                refusals.Add(Refuse(membership, $"'{granting.Name}' is an administrators' group: a restore never grants admin access"));
            }
            else
            {
                allowed.Add(membership with { Group = granting });
            }
        }

        return (allowed.Count == 0 ? null : item with { Memberships = allowed }, refusals);
    }
}
