using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Csv;

/// <summary>Turns one row of an export into a user, or into an issue naming the file, line and value.</summary>
internal sealed class ExportRowParser(ExportColumns columns, string path)
{
    public ExportRecord Parse(string[] fields, long line)
    {
        string accountId = Cell(fields, columns.AccountId);
        if (accountId.Length == 0)
        {
            return Invalid(line, null, $"the '{(columns.Format == ExportFormat.Current ? "User id" : "username")}' cell is empty");
        }

        if (!ExportValues.TryParseStatus(Cell(fields, columns.Status), out var status))
        {
            return Invalid(line, accountId, $"'{Cell(fields, columns.Status)}' is not a user status (Active, Suspended or Deactivated)");
        }

        DateTime? addedToOrg = null;
        if (columns.AddedToOrg >= 0 && !ExportValues.TryParseDate(Cell(fields, columns.AddedToOrg), out addedToOrg))
        {
            return Invalid(line, accountId, $"'{Cell(fields, columns.AddedToOrg)}' in 'Added to org' is not a date like '3 Jan 2024'");
        }

        var products = new ProductActivity[columns.Products.Count];
        for (int i = 0; i < products.Length; i++)
        {
            var product = columns.Products[i];
            int lastSeenColumn = product.LastSeen >= 0 ? product.LastSeen : product.Product is not null ? columns.LegacyLastLogin : -1;
            DateTime? lastSeen = null;
            if (lastSeenColumn >= 0 && !ExportValues.TryParseDate(fields[lastSeenColumn], out lastSeen))
            {
                return Invalid(line, accountId, $"'{fields[lastSeenColumn]}' in 'Last seen in {product.ProductName}' is not a date like '3 Jan 2024' or 'Never accessed'");
            }

            bool? access = product.Access >= 0 ? ExportValues.ParseAccess(fields[product.Access]) : null;
            products[i] = new ProductActivity(product.ProductName, product.Product, product.Site, access, lastSeen, lastSeenColumn >= 0);
        }

        return new ExportRecord(new JiraUserActivity
        {
            AccountId = accountId,
            DisplayName = NullIfEmpty(Cell(fields, columns.DisplayName)),
            Email = NullIfEmpty(Cell(fields, columns.Email)),
            Status = status,
            AddedToOrg = addedToOrg,
            OrgRole = NullIfEmpty(Cell(fields, columns.OrgRole)),
            Groups = ReadGroups(fields),
            Products = products,
            Source = ActivitySource.Csv,
            SourceFile = path,
            LineNumber = line,
        }, null);
    }

    // A plain loop: this runs for every row of files with a million users.
    private string[] ReadGroups(string[] fields)
    {
        List<string>? groups = null;
        foreach (int column in columns.GroupColumns)
        {
            if (fields[column].Length == 0)
            {
                continue;
            }

            foreach (string group in ExportValues.SplitGroups(fields[column]))
            {
                groups ??= [];
                if (!groups.Contains(group, StringComparer.Ordinal))
                {
                    groups.Add(group);
                }
            }
        }

        return groups?.ToArray() ?? [];
    }

    public static ExportRecord Malformed(string path, long line, int fieldCount, int headerCount, string? accountId) =>
        new(null, new ExportIssue(ExportIssueKind.MalformedRow, path, line, accountId,
            fieldCount == headerCount
                ? $"{path}:{line}: the row has a stray quote or bad data; it was left out."
                : $"{path}:{line}: the row has {fieldCount} fields where the header has {headerCount} (a truncated or badly quoted row); it was left out."));

    private ExportRecord Invalid(long line, string? accountId, string reason) =>
        new(null, new ExportIssue(ExportIssueKind.InvalidValue, path, line, accountId,
            $"{path}:{line}: {reason}; the row{(accountId is null ? string.Empty : $" of user '{accountId}'")} was left out."));

    private static string Cell(string[] fields, int index) => index >= 0 ? fields[index].Trim() : string.Empty;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
