using System.Globalization;

namespace JiraDeactivate.Core.Reports;

/// <summary>The sentences that say what the numbers mean: the judgment's period, the data's date, the price's period (plain text).</summary>
internal static class ReportHeading
{
    /// <summary>E.g. "Inactive: no use of the product for more than 90 days."; null when the input did not say.</summary>
    public static string? Period(ReportSummary summary)
    {
        if (summary.Periods.Count == 0)
        {
            return null;
        }

        string days = string.Join(" or ", summary.Periods.Select(p => p.ToString("N0", CultureInfo.InvariantCulture)));
        string text = $"Inactive: no use of the product for more than {days} days";
        if (summary.Periods.Count > 1)
        {
            text += " (the input holds runs of several periods)";
        }

        return text + (summary.SomeUnjudged ? "; some users did not say for which period they were judged." : ".");
    }

    /// <summary>E.g. "Judged as of 2026-11-02 00:00 UTC: activity up to 2026-11-01 00:00 UTC counts ...".</summary>
    public static string? DataDate(ReportSummary summary)
    {
        if (summary.AsOf.Count == 0)
        {
            return null;
        }

        if (summary.AsOf.Count > 1)
        {
            return $"Judged as of {ReportNumbers.Timestamp(summary.AsOf[0])} to {ReportNumbers.Timestamp(summary.AsOf[^1])} (the input holds several runs).";
        }

        // The rule does not count the last 24 hours against anyone: Atlassian's last-active data can lag that much.
        return $"Judged as of {ReportNumbers.Timestamp(summary.AsOf[0])}: the data is taken to cover activity up to {ReportNumbers.Timestamp(summary.AsOf[0].AddDays(-1))}.";
    }

    /// <summary>E.g. "Priced at 8.60 USD per seat per month (103.20 USD a year)."; null without a price.</summary>
    public static string? Price(ReportOptions options) => options.PricePerSeat is { } price
        ? $"Priced at {ReportNumbers.Money(price, options.Currency)} per seat per month ({ReportNumbers.Money(price * 12, options.Currency)} a year)."
        : null;
}
