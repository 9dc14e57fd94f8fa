using System.Globalization;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Csv;

/// <summary>Parses the values of an export's cells, culture-invariant, the same on every machine; read from spans, nothing allocated.</summary>
internal static class ExportValues
{
    // "3 Jan 2024" is the current format; older exports add a time ("14 Dec 2012 15:31:57").
    private static readonly string[] s_dateFormats =
    [
        "d MMM yyyy", "d MMMM yyyy", "d MMM yyyy HH:mm:ss", "d MMM yyyy H:mm", "d MMM yyyy HH:mm",
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd HH:mm:ss",
    ];

    private static readonly string[] s_never = ["Never accessed", "Never logged in", "Never"];

    private static readonly string[] s_noAccess = ["No", "False", "None", "-", "No access"];

    /// <summary>A "Last seen" or date cell: true with null for never or empty; false when it is not a date.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> cell, out DateTime? date)
    {
        var text = cell.Trim();
        date = null;
        if (text.IsEmpty || IsOneOf(text, s_never))
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

    // "3 Jan 2024", the format of every date in a current export, read by hand: DateTime.TryParseExact, trying each
    // format in turn, was most of the time spent reading a large export; seven dates a row make this the hot path.
    private static bool TryParseDayMonthYear(ReadOnlySpan<char> text, out DateTime date)
    {
        date = default;
        int dayDigits = text.Length - 9;
        if (dayDigits is < 1 or > 2 || text[dayDigits] != ' ' || text[dayDigits + 4] != ' ')
        {
            return false;
        }

        int dayOfMonth = Digits(text[..dayDigits]);
        int year = Digits(text.Slice(dayDigits + 5, 4));
        int month = MonthOf(text.Slice(dayDigits + 1, 3));
        if (dayOfMonth < 1 || year < 1 || month == 0 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, dayOfMonth, 0, 0, 0, DateTimeKind.Utc);
        return true;
    }

    // -1 unless every character is an ASCII digit.
    private static int Digits(ReadOnlySpan<char> text)
    {
        int value = 0;
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private static int MonthOf(ReadOnlySpan<char> abbreviation)
    {
        // The three letters, lower-cased (ASCII only: anything else matches no month), as one number.
        int key = 0;
        foreach (char c in abbreviation)
        {
            if (c > 0x7F)
            {
                return 0;
            }

            key = (key << 8) | (c | 0x20);
        }

        return key switch
        {
            0x6A616E => 1, // jan
            0x666562 => 2, // feb
            0x6D6172 => 3, // mar
            0x617072 => 4, // apr
            0x6D6179 => 5, // may
            0x6A756E => 6, // jun
            0x6A756C => 7, // jul
            0x617567 => 8, // aug
            0x736570 => 9, // sep
            0x6F6374 => 10, // oct
            0x6E6F76 => 11, // nov
            0x646563 => 12, // dec
            _ => 0,
        };
    }

    /// <summary>An access cell: "User" (or any role) means access; empty, "No" and the like mean none.</summary>
    public static bool ParseAccess(ReadOnlySpan<char> cell)
    {
        var text = cell.Trim();
        return !text.IsEmpty && !IsOneOf(text, s_noAccess);
    }

    /// <summary>A "User status" cell (or the Yes/No "active" cell of older exports).</summary>
    public static bool TryParseStatus(ReadOnlySpan<char> cell, out AccountStatus status)
    {
        var text = cell.Trim();
        status = IsAny(text, "Active", "Yes", "True") ? AccountStatus.Active
            : IsAny(text, "Suspended") ? AccountStatus.Suspended
            : IsAny(text, "Deactivated", "Inactive", "No", "False", "Closed") ? AccountStatus.Deactivated
            : AccountStatus.Unknown;
        return status != AccountStatus.Unknown;
    }

    /// <summary>The group names of a group cell: one name, or a comma-separated list.</summary>
    public static string[] SplitGroups(string cell) =>
        cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool IsAny(ReadOnlySpan<char> text, params ReadOnlySpan<string> values) => IsOneOf(text, values);

    private static bool IsOneOf(ReadOnlySpan<char> text, ReadOnlySpan<string> values)
    {
        foreach (string value in values)
        {
            if (text.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
