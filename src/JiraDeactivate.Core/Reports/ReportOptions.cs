namespace JiraDeactivate.Core.Reports;

/// <summary>How a report is titled and priced.</summary>
public sealed record ReportOptions
{
    public const string DefaultTitle = "Jira inactivity report";

    public string Title { get; init; } = DefaultTitle;

    /// <summary>The price of one seat per month; null leaves costs out.</summary>
    public decimal? PricePerSeat { get; init; }

    /// <summary>The currency code or symbol shown with costs.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>When the report was made (UTC).</summary>
    public DateTime GeneratedAt { get; init; } = DateTime.UtcNow;

    /// <summary>Draw the trend: this run after <see cref="InactivityReport.History"/> (-History was given).</summary>
    public bool Trend { get; init; }

    /// <summary>Markdown only: how many users the table lists.</summary>
    public int MarkdownRows { get; init; } = 50;
}
