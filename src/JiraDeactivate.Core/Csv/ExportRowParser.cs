using CsvHelper;
using JiraDeactivate.Core.Inactivity;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Turns the parser's current row into a user, or into an issue naming the file, line and value. Reads only the
/// columns the format needs, each once; values that repeat across users (dates, access, groups) are shared.
/// </summary>
internal sealed class ExportRowParser
{
    private readonly ExportColumns _columns;
    private readonly string _path;
    private readonly int _accountId;
    private readonly int _displayName;
    private readonly int _email;
    private readonly int _status;
    private readonly int _addedToOrg;
    private readonly int _orgRole;
    private readonly int[] _groupColumns;
    private readonly int[] _lastSeenColumns;
    private readonly int[] _accessColumns;
    private readonly ProductActivityCache[] _products;
    private readonly GroupListCache _groups = new();

    public ExportRowParser(ExportColumns columns, string path)
    {
        _columns = columns;
        _path = path;
        _accountId = columns.AccountId;
        _displayName = columns.DisplayName;
        _email = columns.Email;
        _status = columns.Status;
        _addedToOrg = columns.AddedToOrg;
        _orgRole = columns.OrgRole;
        _groupColumns = [.. columns.GroupColumns];
        int count = columns.Products.Count;
        _lastSeenColumns = new int[count];
        _accessColumns = new int[count];
        _products = new ProductActivityCache[count];
        for (int i = 0; i < count; i++)
        {
            var product = columns.Products[i];
            _lastSeenColumns[i] = product.LastSeen >= 0 ? product.LastSeen : product.Product is not null ? columns.LegacyLastLogin : -1;
            _accessColumns[i] = product.Access;
            _products[i] = new ProductActivityCache(product, _lastSeenColumns[i] >= 0);
        }
    }

    public int AccountIdColumn => _accountId;

    public ExportRecord Parse(CsvParser row, long line)
    {
        string accountId = Cell(row, _accountId);
        if (accountId.Length == 0)
        {
            return Invalid(line, null, $"the '{(_columns.Format == ExportFormat.Current ? "User id" : "username")}' cell is empty");
        }

        string status = row[_status];
        if (!ExportValues.TryParseStatus(status, out var accountStatus))
        {
            return Invalid(line, accountId, $"'{status.Trim()}' is not a user status (Active, Suspended or Deactivated)");
        }

        DateTime? addedToOrg = null;
        if (_addedToOrg >= 0 && !ExportValues.TryParseDate(row[_addedToOrg], out addedToOrg))
        {
            return Invalid(line, accountId, $"'{row[_addedToOrg].Trim()}' in 'Added to org' is not a date like '3 Jan 2024'");
        }

        var products = new ProductActivity[_products.Length];
        for (int i = 0; i < products.Length; i++)
        {
            int lastSeenColumn = _lastSeenColumns[i];
            DateTime? lastSeen = null;
            if (lastSeenColumn >= 0 && !ExportValues.TryParseDate(row[lastSeenColumn], out lastSeen))
            {
                return Invalid(line, accountId, $"'{row[lastSeenColumn]}' in 'Last seen in {_columns.Products[i].ProductName}' is not a date like '3 Jan 2024' or 'Never accessed'");
            }

            bool? access = _accessColumns[i] >= 0 ? ExportValues.ParseAccess(row[_accessColumns[i]]) : null;
            products[i] = _products[i].Get(access, lastSeen);
        }

        return new ExportRecord(new JiraUserActivity
        {
            AccountId = accountId,
            DisplayName = NullIfEmpty(Cell(row, _displayName)),
            Email = NullIfEmpty(Cell(row, _email)),
            Status = accountStatus,
            AddedToOrg = addedToOrg,
            OrgRole = NullIfEmpty(Cell(row, _orgRole)),
            Groups = ReadGroups(row),
            Products = products,
            Source = ActivitySource.Csv,
            SourceFile = _path,
            LineNumber = line,
        }, null);
    }

    private string[] ReadGroups(CsvParser row)
    {
        if (_groupColumns.Length == 1)
        {
            string cell = row[_groupColumns[0]];
            return cell.Length == 0 ? [] : _groups.Split(cell);
        }

        // Pivoted "Group n" columns (or several group columns): one name or list per cell, kept in order, once each.
        List<string>? groups = null;
        foreach (int column in _groupColumns)
        {
            string cell = row[column];
            if (cell.Length == 0)
            {
                continue;
            }

            foreach (string group in _groups.Split(cell))
            {
                groups ??= [];
                if (!groups.Contains(group))
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
        new(null, new ExportIssue(ExportIssueKind.InvalidValue, _path, line, accountId,
            $"{_path}:{line}: {reason}; the row{(accountId is null ? string.Empty : $" of user '{accountId}'")} was left out."));

    private static string Cell(CsvParser row, int index) => index >= 0 ? row[index].Trim() : string.Empty;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
