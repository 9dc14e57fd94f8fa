using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Csv;

/// <summary>Merges two rows of the same user (exports with one row per group).</summary>
internal static class UserRowMerger
{
    /// <summary>
    /// Keeps the first row's account fields where they are set, unions the groups, and per product keeps access
    /// if any row grants it and the most recent activity: conflicting rows never make a user look less active.
    /// </summary>
    public static JiraUserActivity Merge(JiraUserActivity first, JiraUserActivity next)
    {
        var products = new ProductActivity[first.Products.Count];
        for (int i = 0; i < products.Length; i++)
        {
            products[i] = first.Products[i].MergeWith(next.Products[i]);
        }

        return new JiraUserActivity
        {
            AccountId = first.AccountId,
            DisplayName = first.DisplayName ?? next.DisplayName,
            Email = first.Email ?? next.Email,
            StatusValue = first.StatusValue,
            AddedToOrg = Earliest(first.AddedToOrg, next.AddedToOrg),
            OrgRole = first.OrgRole ?? next.OrgRole,
            OrgRoleReported = first.OrgRoleReported || next.OrgRoleReported,
            Groups = Union(first.Groups, next.Groups),
            Products = products,
            SourceValue = first.SourceValue,
            SourceFile = first.SourceFile,
            LineNumber = first.LineNumber,
        };
    }

    // One row per group makes this the hot path of such files: a loop, no LINQ; groups per user are few.
    private static string[] Union(IReadOnlyList<string> first, IReadOnlyList<string> next)
    {
        var groups = new List<string>(first.Count + next.Count);
        foreach (var list in (ReadOnlySpan<IReadOnlyList<string>>)[first, next])
        {
            for (int i = 0; i < list.Count; i++)
            {
                if (!groups.Contains(list[i]))
                {
                    groups.Add(list[i]);
                }
            }
        }

        return [.. groups];
    }

    private static DateTime? Earliest(DateTime? a, DateTime? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);
}
