namespace JiraDeactivate.Core.Reports;

/// <summary>The file format of an inactivity report.</summary>
public enum ReportFormat
{
    /// <summary>One self-contained HTML page: summary, chart, a sortable and filterable table.</summary>
    Html,

    /// <summary>Markdown: the summary and the first users, for chat, tickets and CI summaries.</summary>
    Markdown,
}
