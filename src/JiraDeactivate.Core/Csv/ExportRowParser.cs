using CsvHelper;
using JiraDeactivate.Core.Products;
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
    private readonly ProductColumns[] _productColumns;
    private readonly ProductActivityCache[] _products;
    private readonly GroupListCache _groups = new();

    /// <param name="columns">Where the format's values are.</param>
    /// <param name="path">The file, named in issues.</param>
    /// <param name="onlyProduct">
    /// When set, only this product's columns are read, and users carry only its activity: for a caller that judges
    /// one product and hands the users to no one (Get-InactiveJiraUser -Path).
    /// </param>
    public ExportRowParser(ExportColumns columns, string path, JiraProduct? onlyProduct = null)
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
        _productColumns = [.. columns.Products.Where(product => onlyProduct is null || product.Product == onlyProduct)];
        int count = _productColumns.Length;
        _lastSeenColumns = new int[count];
        _accessColumns = new int[count];
        _products = new ProductActivityCache[count];
        for (int i = 0; i < count; i++)
        {
            var product = _productColumns[i];
            _lastSeenColumns[i] = product.LastSeen >= 0 ? product.LastSeen : product.Product is not null ? columns.LegacyLastLogin : -1;
            _accessColumns[i] = product.Access;
            _products[i] = new ProductActivityCache(product, _lastSeenColumns[i] >= 0);
        }
    }

    public int AccountIdColumn => _accountId;

    public ExportRecord Parse(CsvReader row, long line)
    {
        string accountId = Cell(row, _accountId);
        if (accountId.Length == 0)
        {
            return Invalid(line, null, $"the '{(_columns.Format == ExportFormat.Current ? "User id" : "username")}' cell is empty");
        }

        if (!TryParseStatus(row, out var accountStatus))
        {
            return Invalid(line, accountId, $"'{row.GetString(_status).Trim()}' is not a user status (Active, Suspended or Deactivated)");
        }

        DateTime? addedToOrg = null;
        if (_addedToOrg >= 0 && !TryParseDate(row, _addedToOrg, out addedToOrg))
        {
            return Invalid(line, accountId, $"'{row.GetString(_addedToOrg).Trim()}' in 'Added to org' is not a date like '3 Jan 2024'");
        }

        var products = new ProductActivity[_products.Length];
        for (int i = 0; i < products.Length; i++)
        {
            int lastSeenColumn = _lastSeenColumns[i];
            DateTime? lastSeen = null;
            if (lastSeenColumn >= 0 && !TryParseDate(row, lastSeenColumn, out lastSeen))
            {
                return Invalid(line, accountId, $"'{row.GetString(lastSeenColumn)}' in 'Last seen in {_productColumns[i].ProductName}' is not a date like '3 Jan 2024' or 'Never accessed'");
            }

            bool? access = _accessColumns[i] >= 0 ? ParseAccess(row, _accessColumns[i]) : null;
            products[i] = _products[i].Get(access, lastSeen);
        }

        return new ExportRecord(new JiraUserActivity
        {
            AccountId = accountId,
            DisplayName = NullIfEmpty(Cell(row, _displayName)),
            Email = NullIfEmpty(Cell(row, _email)),
            StatusValue = accountStatus,
            AddedToOrg = addedToOrg,
            OrgRole = NullIfEmpty(Cell(row, _orgRole)),
            OrgRoleReported = _orgRole >= 0,
            Groups = ReadGroups(row),
            Products = products,
            SourceValue = ActivitySource.Csv,
            SourceFile = _path,
            LineNumber = line,
        }, null);
    }

    private string[] ReadGroups(CsvReader row)
    {
        if (_groupColumns.Length == 1)
        {
            return row.IsEmpty(_groupColumns[0]) ? [] : _groups.Split(row, _groupColumns[0]);
        }

        // Pivoted "Group n" columns (or several group columns): one name or list per cell, kept in order, once each.
        List<string>? groups = null;
        foreach (int column in _groupColumns)
        {
            if (row.IsEmpty(column))
            {
                continue;
            }

            foreach (string group in _groups.Split(row, column))
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

    // Cells are read as UTF-8 bytes; what is not plain ASCII (white space around it, other letters) is read as text, as before.
    private bool TryParseStatus(CsvReader row, out AccountStatus status)
    {
        var cell = row.GetSpan(_status);
        return ExportValues.IsPlainAscii(cell) ? ExportValues.TryParseStatus(cell, out status) : ExportValues.TryParseStatus(row.GetString(_status), out status);
    }

    private static bool TryParseDate(CsvReader row, int column, out DateTime? date) =>
        ExportValues.TryParseDayMonthYear(row.GetSpan(column), out date) || ExportValues.TryParseDate(row.GetString(column), out date);

    private static bool ParseAccess(CsvReader row, int column)
    {
        var cell = row.GetSpan(column);
        return ExportValues.IsPlainAscii(cell) ? ExportValues.ParseAccess(cell) : ExportValues.ParseAccess(row.GetString(column));
    }

    public static ExportRecord Malformed(string path, long line, int fieldCount, int headerCount, string? accountId) =>
        new(null, new ExportIssue(ExportIssueKind.MalformedRow, path, line, accountId,
            fieldCount == headerCount
                ? $"{path}:{line}: the row has a stray quote or bad data; it was left out."
                : $"{path}:{line}: the row has {fieldCount} fields where the header has {headerCount} (a truncated or badly quoted row); it was left out."));

    private ExportRecord Invalid(long line, string? accountId, string reason) =>
        new(null, new ExportIssue(ExportIssueKind.InvalidValue, _path, line, accountId,
            $"{_path}:{line}: {reason}; the row{(accountId is null ? string.Empty : $" of user '{accountId}'")} was left out."));

    // Only a cell with white space at its ends (or a character outside ASCII there, which may be white space) is trimmed as text.
    private static string Cell(CsvReader row, int index)
    {
        if (index < 0)
        {
            return string.Empty;
        }

        var cell = row.GetSpan(index);
        if (cell.IsEmpty)
        {
            return string.Empty;
        }

        return cell[0] is > (byte)' ' and < 0x80 && cell[^1] is > (byte)' ' and < 0x80 ? row.GetString(index) : row.GetString(index).Trim();
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
