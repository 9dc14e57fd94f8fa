using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>A product's application role: its seats and the groups that grant access to it.</summary>
public sealed record ProductRole(
    string Key,
    string Name,
    JiraProduct? Product,
    int? Seats,
    int UsersCounted,
    int? Remaining,
    bool Unlimited,
    IReadOnlyList<JiraGroup> Groups,
    IReadOnlyList<JiraGroup> DefaultGroups)
{
    /// <summary>The groups of <paramref name="groups"/> that grant the role, as the role names them (with IDs).</summary>
    public IReadOnlyList<JiraGroup> Granting(IEnumerable<JiraGroup> groups) =>
        Groups.Where(r => groups.Any(g => SameGroup(r, g))).ToArray();

    private static bool SameGroup(JiraGroup a, JiraGroup b) =>
        a.GroupId is { Length: > 0 } && b.GroupId is { Length: > 0 }
            ? string.Equals(a.GroupId, b.GroupId, StringComparison.OrdinalIgnoreCase)
            : string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    internal static ProductRole From(ApplicationRoleDto dto)
    {
        var details = (dto.GroupDetails ?? []).Select(JiraGroup.From).ToList();
        // Older answers list names only; keep every named group even without details.
        foreach (string name in dto.Groups ?? [])
        {
            if (!details.Any(g => g.Name == name))
            {
                details.Add(new JiraGroup(null, name));
            }
        }

        var defaults = (dto.DefaultGroupsDetails ?? []).Select(JiraGroup.From).ToList();
        foreach (string name in dto.DefaultGroups ?? [])
        {
            if (!defaults.Any(g => g.Name == name))
            {
                defaults.Add(details.FirstOrDefault(g => g.Name == name) ?? new JiraGroup(null, name));
            }
        }

        bool unlimited = dto.HasUnlimitedSeats || dto.NumberOfSeats < 0;
        return new ProductRole(dto.Key, dto.Name ?? dto.Key, ProductNames.FromApplicationRoleKey(dto.Key),
            unlimited ? null : dto.NumberOfSeats, dto.UserCount, unlimited ? null : dto.RemainingSeats, unlimited, details, defaults);
    }
}
