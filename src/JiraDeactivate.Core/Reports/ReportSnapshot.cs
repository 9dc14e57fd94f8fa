namespace JiraDeactivate.Core.Reports;

/// <summary>A run's numbers as the report's history keeps them (one small file per run) to draw the trend.</summary>
public sealed record ReportSnapshot
{
    /// <summary>When the report was made (UTC).</summary>
    public required DateTime GeneratedAt { get; init; }

    /// <summary>The moment the users were judged for (the latest, if several); null when the input did not say.</summary>
    public DateTime? AsOf { get; init; }

    /// <summary>The judgment's period (the longest, if several); null when the input did not say.</summary>
    public int? MoreThan { get; init; }

    /// <summary>Inactive users once per product and site: the seats a removal would free.</summary>
    public int InactiveSeats { get; init; }

    public int DistinctInactiveUsers { get; init; }

    /// <summary>Seats the run's removal results freed; null when none were given.</summary>
    public int? FreedSeats { get; init; }

    public static ReportSnapshot Of(InactivityReport report)
    {
        var summary = report.Summarize();
        return new ReportSnapshot
        {
            GeneratedAt = report.Options.GeneratedAt.ToUniversalTime(),
            AsOf = summary.AsOf.Count > 0 ? summary.AsOf[^1] : null,
            MoreThan = summary.Periods.Count > 0 ? summary.Periods[^1] : null,
            InactiveSeats = summary.InactiveSeats,
            DistinctInactiveUsers = summary.DistinctInactiveUsers,
            FreedSeats = summary.FreedSeats,
        };
    }
}
