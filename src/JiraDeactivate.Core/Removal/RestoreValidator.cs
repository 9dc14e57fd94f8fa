using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;
using JiraDeactivate.Core.Paths;

namespace JiraDeactivate.Core.Removal;

/// <summary>
/// Checks a restore against Jira as it is now, so a journal can only give back product access: the line's site is
/// the connected one, the group grants the product named on the line today, its ID and name agree with Jira, and
/// it is never an administrators' group. A direct role is granted back only on the product's workspace of the
/// connected site as the workspaces API names it now, and only with the Admin API (<paramref name="paths"/>).
/// </summary>
public sealed class RestoreValidator(ProductRoleCache roles, string? siteName, Func<JiraGroup, bool> isAdministratorGroup, AccessPathReader? paths = null)
{
    /// <summary>The item reduced to the memberships it may restore (with Jira's own group IDs and names), and the refusals.</summary>
    /// <exception cref="AtlassianApiException">The product's groups cannot be read.</exception>
    public async Task<(RestoreItem? Item, IReadOnlyList<JournalRefusal> Refusals)> CheckAsync(RestoreItem item, CancellationToken cancellationToken)
    {
        var refusals = new List<JournalRefusal>();
        JournalRefusal Refuse(RestoreMembership m, string reason) => new(m.Line, item.RunId, item.AccountId, reason);

        if (!string.Equals(item.Site, siteName, StringComparison.OrdinalIgnoreCase))
        {
            string otherSite = $"it is about site '{item.Site}', but the connection is to '{siteName}'";
            return (null, [.. item.Memberships.Select(m => Refuse(m, otherSite)), .. item.Role is { } r ? [new JournalRefusal(r.Line, item.RunId, item.AccountId, otherSite)] : Array.Empty<JournalRefusal>()]);
        }

        var role = item.Role is { } revoked ? await CheckRoleAsync(item, revoked, refusals, cancellationToken).ConfigureAwait(false) : null;

        var productRole = await roles.GetAsync(item.Product, cancellationToken).ConfigureAwait(false);
        var allowed = new List<RestoreMembership>();
        foreach (var membership in item.Memberships)
        {
            var line = membership.Group;
            var granting = line.GroupId is { Length: > 0 } id
                ? productRole.Groups.FirstOrDefault(g => string.Equals(g.GroupId, id, StringComparison.OrdinalIgnoreCase))
                : productRole.Groups.FirstOrDefault(g => string.Equals(g.Name, line.Name, StringComparison.OrdinalIgnoreCase));
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

        return (allowed.Count == 0 && role is null ? null : item with { Memberships = allowed, Role = role }, refusals);
    }

    private async Task<RestoreRole?> CheckRoleAsync(RestoreItem item, RestoreRole role, List<JournalRefusal> refusals, CancellationToken cancellationToken)
    {
        if (paths is null)
        {
            refusals.Add(new JournalRefusal(role.Line, item.RunId, item.AccountId,
                "it revoked a direct role, and granting it back needs the Admin API: connect with -AdminApiKey and restore again"));
            return null;
        }

        string? current;
        try
        {
            current = (await paths.WorkspaceAsync(item.Product, cancellationToken).ConfigureAwait(false)).Id;
        }
        catch (AtlassianApiException e)
        {
            refusals.Add(new JournalRefusal(role.Line, item.RunId, item.AccountId, $"the site's {item.Product} workspace cannot be read ({e.Message})"));
            return null;
        }

        if (!string.Equals(current, role.Resource, StringComparison.Ordinal))
        {
            refusals.Add(new JournalRefusal(role.Line, item.RunId, item.AccountId, $"it names the resource '{role.Resource}', but the site's {item.Product} workspace is '{current}'"));
            return null;
        }

        return role;
    }
}
