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

    private static readonly string[] s_active = ["Active", "Yes", "True"];

    private static readonly string[] s_suspended = ["Suspended"];

    private static readonly string[] s_deactivated = ["Deactivated", "Inactive", "No", "False", "Closed"];

    private static readonly byte[][] s_neverUtf8 = Utf8(s_never);

    private static readonly byte[][] s_noAccessUtf8 = Utf8(s_noAccess);

    private static readonly byte[][] s_activeUtf8 = Utf8(s_active);

    private static readonly byte[][] s_suspendedUtf8 = Utf8(s_suspended);

    private static readonly byte[][] s_deactivatedUtf8 = Utf8(s_deactivated);

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

        return MonthKey(key);
    }

    // The three letters of a month, lower-cased, as one number.
    private static int MonthKey(int key) =>
        key switch
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

    /// <summary>
    /// A date cell as UTF-8 bytes, in the format of every date of a current export ("3 Jan 2024", or empty); false when
    /// it is anything else, which <see cref="TryParseDate(ReadOnlySpan{char}, out DateTime?)"/> then reads as text.
    /// </summary>
    public static bool TryParseDayMonthYear(ReadOnlySpan<byte> cell, out DateTime? date)
    {
        var text = TrimAscii(cell);
        date = null;
        if (text.IsEmpty || IsOneOf(text, s_neverUtf8))
        {
            return true;
        }

        int dayDigits = text.Length - 9;
        if (dayDigits is < 1 or > 2 || text[dayDigits] != ' ' || text[dayDigits + 4] != ' ')
        {
            return false;
        }

        int dayOfMonth = Digits(text[..dayDigits]);
        int year = Digits(text.Slice(dayDigits + 5, 4));
        int month = MonthOf(text[dayDigits + 1], text[dayDigits + 2], text[dayDigits + 3]);
        if (dayOfMonth < 1 || year < 1 || month == 0 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, dayOfMonth, 0, 0, 0, DateTimeKind.Utc);
        return true;
    }

    /// <summary>Whether the UTF-8 cell is plain ASCII without white space around it: then the byte parsers below are exact.</summary>
    public static bool IsPlainAscii(ReadOnlySpan<byte> cell) =>
        cell.IsEmpty || (cell[0] is > (byte)' ' and < 0x80 && cell[^1] is > (byte)' ' and < 0x80 && System.Text.Ascii.IsValid(cell));

    /// <summary>An access cell as plain ASCII (see <see cref="IsPlainAscii"/>).</summary>
    public static bool ParseAccess(ReadOnlySpan<byte> cell) => !cell.IsEmpty && !IsOneOf(cell, s_noAccessUtf8);

    /// <summary>A status cell as plain ASCII (see <see cref="IsPlainAscii"/>).</summary>
    public static bool TryParseStatus(ReadOnlySpan<byte> cell, out AccountStatus status)
    {
        status = IsOneOf(cell, s_activeUtf8) ? AccountStatus.Active
            : IsOneOf(cell, s_suspendedUtf8) ? AccountStatus.Suspended
            : IsOneOf(cell, s_deactivatedUtf8) ? AccountStatus.Deactivated
            : AccountStatus.Unknown;
        return status != AccountStatus.Unknown;
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
        status = IsOneOf(text, s_active) ? AccountStatus.Active
            : IsOneOf(text, s_suspended) ? AccountStatus.Suspended
            : IsOneOf(text, s_deactivated) ? AccountStatus.Deactivated
            : AccountStatus.Unknown;
        return status != AccountStatus.Unknown;
    }

    /// <summary>The group names of a group cell: one name, or a comma-separated list.</summary>
    public static string[] SplitGroups(string cell) =>
        cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

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

    private static bool IsOneOf(ReadOnlySpan<byte> text, byte[][] values)
    {
        foreach (byte[] value in values)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(text, value))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> text) => text.Trim(" \t"u8);

    private static byte[][] Utf8(string[] values) => Array.ConvertAll(values, System.Text.Encoding.UTF8.GetBytes);

    // -1 unless every byte is an ASCII digit.
    private static int Digits(ReadOnlySpan<byte> text)
    {
        int value = 0;
        foreach (byte c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private static int MonthOf(byte a, byte b, byte c) =>
        a > 0x7F || b > 0x7F || c > 0x7F ? 0 : MonthKey((a << 16) | (b << 8) | c | 0x202020);
}
