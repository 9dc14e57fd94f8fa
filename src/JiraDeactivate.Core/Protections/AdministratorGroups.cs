using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Protections;

/// <summary>
/// The groups whose members administer the site or Jira, found by what they hold (Jira's admin and site-admin
/// access types), not by their names.
/// </summary>
public sealed class AdministratorGroups
{
    private readonly HashSet<string> _ids;
    private readonly HashSet<string> _names;

    public AdministratorGroups(IEnumerable<JiraGroup> groups)
    {
        Groups = groups.ToArray();
        _ids = Groups.Where(g => g.GroupId is { Length: > 0 }).Select(g => g.GroupId!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _names = Groups.Select(g => g.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public static AdministratorGroups None { get; } = new([]);

    public IReadOnlyList<JiraGroup> Groups { get; }

    /// <summary>Reads the groups with admin and with site-admin access; fails when either cannot be read.</summary>
    /// <exception cref="AtlassianApiException">Jira did not answer the lookup.</exception>
    public static async Task<AdministratorGroups> ReadAsync(JiraRestClient jira, CancellationToken cancellationToken)
    {
        var admin = await jira.GetGroupsWithAccessAsync("admin", cancellationToken).ConfigureAwait(false);
        var siteAdmin = await jira.GetGroupsWithAccessAsync("site-admin", cancellationToken).ConfigureAwait(false);
        return new AdministratorGroups(admin.Concat(siteAdmin));
    }

    /// <summary>True for one of these groups, by ID when both sides have one, else by name.</summary>
    public bool Contains(JiraGroup group) =>
        (group.GroupId is { Length: > 0 } id && _ids.Contains(id)) || _names.Contains(group.Name);
}
