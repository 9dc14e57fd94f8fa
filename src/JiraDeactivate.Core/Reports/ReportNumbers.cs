using System.Globalization;

namespace JiraDeactivate.Core.Reports;

/// <summary>Numbers, dates and money as the report writes them (the same in every culture).</summary>
internal static class ReportNumbers
{
    public static string Count(int? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "–";

    public static string Money(decimal? value, string currency) =>
        value is { } v ? $"{v.ToString("N2", CultureInfo.InvariantCulture)} {currency}".Trim() : "–";

    public static string Date(DateTime? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Timestamp(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
