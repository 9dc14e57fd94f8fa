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

        if (DateTime.TryParseExact(text, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            date = DateTime.SpecifyKind(parsed.Date, DateTimeKind.Utc);
            return true;
        }

        return false;
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
