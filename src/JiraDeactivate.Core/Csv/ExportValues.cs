using System.Globalization;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Csv;

/// <summary>Parses the values of an export's cells, culture-invariant, the same on every machine.</summary>
internal static class ExportValues
{
    // "3 Jan 2024" is the current format; older exports add a time ("14 Dec 2012 15:31:57").
    private static readonly string[] s_dateFormats =
    [
        "d MMM yyyy", "d MMMM yyyy", "d MMM yyyy HH:mm:ss", "d MMM yyyy H:mm", "d MMM yyyy HH:mm",
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd HH:mm:ss",
    ];

    private static readonly HashSet<string> s_never = new(StringComparer.OrdinalIgnoreCase)
    {
        "Never accessed", "Never logged in", "Never",
    };

    private static readonly HashSet<string> s_noAccess = new(StringComparer.OrdinalIgnoreCase)
    {
        "No", "False", "None", "-", "No access",
    };

    /// <summary>A "Last seen" or date cell: true with null for never or empty; false when it is not a date.</summary>
    public static bool TryParseDate(string cell, out DateTime? date)
    {
        string text = cell.Trim();
        date = null;
        if (text.Length == 0 || s_never.Contains(text))
        {
            return true;
        }

        if (TryParseDayMonthYear(text, out var day))
        {
            date = day;
            return true;
        }

        if (DateTime.TryParseExact(text, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            date = DateTime.SpecifyKind(parsed.Date, DateTimeKind.Utc);
            return true;
        }

        return false;
    }

    // "3 Jan 2024", the format of every date in a current export, read without DateTime.TryParseExact: that
    // general parser, trying each format in turn, was most of the time spent reading a large export.
    private static bool TryParseDayMonthYear(string text, out DateTime date)
    {
        date = default;
        int firstSpace = text.IndexOf(' ');
        if (firstSpace is < 1 or > 2 || text.Length != firstSpace + 9 || text[firstSpace + 4] != ' '
            || !int.TryParse(text.AsSpan(0, firstSpace), NumberStyles.None, CultureInfo.InvariantCulture, out int dayOfMonth)
            || !int.TryParse(text.AsSpan(firstSpace + 5, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year))
        {
            return false;
        }

        int month = MonthOf(text.AsSpan(firstSpace + 1, 3));
        if (month == 0 || year < 1 || dayOfMonth > DateTime.DaysInMonth(year, month) || dayOfMonth < 1)
        {
            return false;
        }

        date = new DateTime(year, month, dayOfMonth, 0, 0, 0, DateTimeKind.Utc);
        return true;
    }

    private static int MonthOf(ReadOnlySpan<char> abbreviation)
    {
        var months = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;
        for (int i = 0; i < 12; i++)
        {
            if (abbreviation.Equals(months[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>An access cell: "User" (or any role) means access; empty, "No" and the like mean none.</summary>
    public static bool ParseAccess(string cell)
    {
        string text = cell.Trim();
        return text.Length > 0 && !s_noAccess.Contains(text);
    }

    /// <summary>A "User status" cell (or the Yes/No "active" cell of older exports).</summary>
    public static bool TryParseStatus(string cell, out AccountStatus status)
    {
        status = cell.Trim().ToUpperInvariant() switch
        {
            "ACTIVE" or "YES" or "TRUE" => AccountStatus.Active,
            "SUSPENDED" => AccountStatus.Suspended,
            "DEACTIVATED" or "INACTIVE" or "NO" or "FALSE" or "CLOSED" => AccountStatus.Deactivated,
            _ => AccountStatus.Unknown,
        };
        return status != AccountStatus.Unknown;
    }

    /// <summary>The group names of a group cell: one name, or a comma-separated list.</summary>
    public static IEnumerable<string> SplitGroups(string cell) =>
        cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
