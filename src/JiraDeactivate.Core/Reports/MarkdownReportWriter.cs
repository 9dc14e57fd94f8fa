using System.Text;

namespace JiraDeactivate.Core.Reports;

/// <summary>Writes a report as Markdown (GitHub flavour): the summary, the results' counts and the longest-inactive users.</summary>
public static class MarkdownReportWriter
{
    public static void Write(InactivityReport report, TextWriter writer)
    {
        var options = report.Options;
        var summary = report.Summarize();
        bool priced = options.PricePerSeat is not null;
        bool results = report.Results.Count > 0;
        writer.Write($"# {Escape(options.Title)}\n\nGenerated {ReportNumbers.Timestamp(options.GeneratedAt)}.");
        if (priced)
        {
            writer.Write($" Priced at {Escape(ReportNumbers.Money(options.PricePerSeat, options.Currency))} per seat.");
        }

        writer.Write("\n\n## Summary per product\n\n| Product | Seats | Used | Inactive |");
        foreach (int days in ProductSummary.Thresholds)
        {
            writer.Write($" > {days} days |");
        }

        writer.Write(" Never used | Seats a removal would free |");
        var align = new StringBuilder("|---|---:|---:|---:|");
        align.Insert(align.Length, "---:|", ProductSummary.Thresholds.Count + 2);
        if (results)
        {
            writer.Write(" Seats freed |");
            align.Append("---:|");
        }

        if (priced)
        {
            writer.Write(" Cost at stake |");
            align.Append("---:|");
            if (results)
            {
                writer.Write(" Cost freed |");
                align.Append("---:|");
            }
        }

        writer.Write($"\n{align}\n");
        foreach (var product in summary)
        {
            writer.Write($"| {Escape(InactivityReport.ProductDisplayName(product.Product))} | {ReportNumbers.Count(product.Seats)} | {ReportNumbers.Count(product.Used)} | {ReportNumbers.Count(product.Inactive)} |");
            foreach (int count in product.InactiveOver)
            {
                writer.Write($" {ReportNumbers.Count(count)} |");
            }

            writer.Write($" {ReportNumbers.Count(product.NeverUsed)} | {ReportNumbers.Count(product.AtStake)} |");
            if (results)
            {
                writer.Write($" {ReportNumbers.Count(product.Freed)} |");
            }

            if (priced)
            {
                writer.Write($" {Escape(ReportNumbers.Money(product.CostAtStake, options.Currency))} |");
                if (results)
                {
                    writer.Write($" {Escape(ReportNumbers.Money(product.CostFreed, options.Currency))} |");
                }
            }

            writer.Write("\n");
        }

        if (results)
        {
            writer.Write("\n## Results\n\n| Status | Users |\n|---|---:|\n");
            foreach (var (status, count) in report.ResultCounts())
            {
                writer.Write($"| {Escape(status)} | {ReportNumbers.Count(count)} |\n");
            }

            var attention = report.Results.Where(r => InactivityReport.StatusOrder(r.Status) is 1 or 2 or 3).Take(options.MarkdownRows).ToList();
            if (attention.Count > 0)
            {
                writer.Write("\n| Name | Product | Status | Reason or message | Account ID |\n|---|---|---|---|---|\n");
                foreach (var r in attention)
                {
                    writer.Write($"| {Escape(r.DisplayName)} | {Escape(r.Product is null ? null : InactivityReport.ProductDisplayName(r.Product))} | {Escape(r.Status)} | {Escape(r.Message)} | {Escape(r.AccountId)} |\n");
                }
            }
        }

        var users = report.Users
            .OrderByDescending(u => u.DaysInactive is null && u.NeverActive)
            .ThenByDescending(u => u.DaysInactive ?? int.MinValue)
            .Take(Math.Max(0, options.MarkdownRows))
            .ToList();
        writer.Write(users.Count < report.Users.Count
            ? $"\n## Users\n\nThe {ReportNumbers.Count(users.Count)} longest inactive of {ReportNumbers.Count(report.Users.Count)}.\n\n"
            : $"\n## Users\n\n{ReportNumbers.Count(users.Count)} inactive users, longest inactive first.\n\n");
        if (users.Count > 0)
        {
            writer.Write("| Name | Email | Product | Site | Last active | Days | Source | Account ID |\n|---|---|---|---|---|---:|---|---|\n");
            foreach (var u in users)
            {
                writer.Write($"| {Escape(u.DisplayName)} | {Escape(u.Email)} | {Escape(InactivityReport.ProductDisplayName(u.Product))} | {Escape(u.Site)} | {(u.LastActive is null ? "never" : ReportNumbers.Date(u.LastActive))} | {ReportNumbers.Count(u.DaysInactive)} | {Escape(u.Source)} | {Escape(u.AccountId)} |\n");
            }
        }
    }

    /// <summary>
    /// Text for a table cell: backslash before every character Markdown would act on inside a line (the pipe, emphasis, code, links, GitHub's $ math), HTML's
    /// &lt; &gt; &amp; as entities (renderers pass raw HTML through), line breaks as spaces.
    /// </summary>
    internal static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            switch (c)
            {
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                case '&': text.Append("&amp;"); break;
                case '\r' or '\n' or '\u2028' or '\u2029': text.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '!' or '|' or '~' or '$':
                    text.Append('\\').Append(c);
                    break;
                default: text.Append(c); break;
            }
        }

        return text.ToString();
    }
}
