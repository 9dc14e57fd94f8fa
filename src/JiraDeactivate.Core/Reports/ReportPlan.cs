namespace JiraDeactivate.Core.Reports;

/// <summary>The columns of the plan file the page's selection downloads: the properties Remove-JiraProductAccess binds, as the input had them.</summary>
public static class ReportPlan
{
    /// <summary>The columns that identify the change come first, in this order; the others follow as the input had them.</summary>
    private static readonly string[] s_first = ["AccountId", "Product", "Site", "DisplayName", "Email"];

    /// <summary>Every column the users' plan values use, in the file's order.</summary>
    public static IReadOnlyList<string> Columns(IEnumerable<ReportUser> users)
    {
        var seen = new List<string>();
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            foreach (string column in user.Plan.Keys)
            {
                if (known.Add(column))
                {
                    seen.Add(column);
                }
            }
        }

        return s_first.Where(known.Contains).Concat(seen.Where(c => !s_first.Contains(c, StringComparer.OrdinalIgnoreCase))).ToArray();
    }
}
