namespace JiraDeactivate.Core.Reports;

/// <summary>The columns of the plan file the page's selection downloads: the properties Remove-JiraProductAccess binds, as the input had them (names and emails safe to open in a spreadsheet).</summary>
public static class ReportPlan
{
    /// <summary>The columns that identify the change come first, in this order; the others follow as the input had them.</summary>
    private static readonly string[] s_first = ["AccountId", "Product", "Site", "DisplayName", "Email"];

    /// <summary>
    /// The columns of free text (from Jira or a CSV) that the file opens with in a spreadsheet: a name, email or org role
    /// that starts like a formula gets its leading apostrophe (<see cref="SpreadsheetText"/>). Every other column (IDs,
    /// the judgment, dates) stays exactly as the input had it: the judgment checks those. A removal only shows names,
    /// reads emails for -Exclude beside the email its judgment seals, and protects an org role that names "admin", which
    /// the apostrophe does not change.
    /// </summary>
    private static readonly HashSet<string> s_freeText = new(["DisplayName", "Email", "OrgRole"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The text of one cell of the plan file.</summary>
    public static string? Cell(string column, string? value) => s_freeText.Contains(column) ? SpreadsheetText.Neutralize(value) : value;

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
