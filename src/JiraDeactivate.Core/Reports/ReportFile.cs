using System.Text;

namespace JiraDeactivate.Core.Reports;

/// <summary>Writes a report in a format, and picks the format a file name asks for.</summary>
public static class ReportFile
{
    /// <summary>Markdown for .md and .markdown, HTML otherwise.</summary>
    public static ReportFormat FormatFor(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".MD" or ".MARKDOWN" => ReportFormat.Markdown,
        _ => ReportFormat.Html,
    };

    public static void Write(InactivityReport report, ReportFormat format, Stream stream)
    {
        if (format == ReportFormat.Markdown)
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            MarkdownReportWriter.Write(report, writer);
        }
        else
        {
            HtmlReportWriter.Write(report, stream);
        }
    }
}
