namespace JiraDeactivate.Core.Reports;

/// <summary>
/// One line of the report's view by group: how many of the inactive users a group holds, and which products it grants.
/// </summary>
/// <remarks>
/// Groups come from what the input says: the users' groups (the Export users CSV names them) and the groups that
/// grant each product (Get-JiraProductLicense). A later column (e.g. groups an identity provider manages) is a
/// property here and a column in the writers.
/// </remarks>
public sealed record GroupSummary
{
    public required string Name { get; init; }

    /// <summary>The products the group grants, by the seat counts given; empty when none were given or it grants none.</summary>
    public IReadOnlyList<string> Grants { get; init; } = [];

    /// <summary>Inactive users in the group, counted once.</summary>
    public int Users { get; init; }

    /// <summary>Inactive users in the group, once per product and site: the seats their removal would free.</summary>
    public int Seats { get; init; }

    /// <summary>Of the seats, those of users who never used the product.</summary>
    public int NeverUsed { get; init; }

    /// <summary>The groups of the report's users, the most seats first; and how many users came without their groups.</summary>
    internal static (IReadOnlyList<GroupSummary> Groups, int UsersWithoutGroups) From(InactivityReport report)
    {
        var grants = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var license in report.Licenses)
        {
            foreach (string group in license.Groups)
            {
                if (!grants.TryGetValue(group, out var products))
                {
                    grants[group] = products = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                products.Add(InactivityReport.ProductDisplayName(license.Product));
            }
        }

        var seats = report.Users.DistinctBy(u => (u.AccountId, u.Product.ToUpperInvariant(), u.Site?.ToUpperInvariant())).ToList();
        var groups = seats
            .SelectMany(u => u.Groups.Distinct(StringComparer.OrdinalIgnoreCase).Select(g => (Group: g, User: u)))
            .GroupBy(p => p.Group, StringComparer.OrdinalIgnoreCase)
            .Select(g => new GroupSummary
            {
                Name = g.First().Group,
                Grants = grants.TryGetValue(g.Key, out var products) ? products.ToArray() : [],
                Users = g.Select(p => p.User.AccountId).Distinct(StringComparer.Ordinal).Count(),
                Seats = g.Count(),
                NeverUsed = g.Count(p => p.User.NeverActive),
            })
            .OrderByDescending(g => g.Seats).ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        int without = seats.Where(u => u.Groups.Count == 0).Select(u => u.AccountId).Distinct(StringComparer.Ordinal).Count();
        return (groups, without);
    }
}
