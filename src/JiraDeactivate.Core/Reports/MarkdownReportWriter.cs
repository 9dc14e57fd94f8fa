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
        bool freed = summary.FreedSeats is not null;
        writer.Write($"# {Escape(options.Title)}\n\nGenerated {ReportNumbers.Timestamp(options.GeneratedAt)}.");
        foreach (string? sentence in new[] { ReportHeading.Period(summary), ReportHeading.DataDate(summary), ReportHeading.Price(options) })
        {
            if (sentence is not null)
            {
                writer.Write($" {Escape(sentence)}");
            }
        }

        writer.Write($"\n\n{ReportNumbers.Count(summary.DistinctInactiveUsers)} inactive users (each counted once) hold {ReportNumbers.Count(summary.InactiveSeats)} seats (per product and site)");
        if (summary.CostAtStakePerMonth is { } cost)
        {
            writer.Write($", {Escape(ReportNumbers.Money(cost, options.Currency))} a month ({Escape(ReportNumbers.Money(cost * 12, options.Currency))} a year)");
        }

        writer.Write(freed ? $"; {ReportNumbers.Count(summary.FreedSeats)} seats freed.\n" : ".\n");
        if (summary.IdentityProviderSeats > 0)
        {
            writer.Write($"\n{ReportNumbers.Count(summary.IdentityProviderSeats)} seats an identity-provider change would free: those users also hold the product through a group an identity provider syncs, which a removal leaves to it.\n");
        }

        writer.Write("\n## Summary per product and site\n\n| Product | Site | Seats | Used | Inactive users |");
        foreach (int days in ProductSummary.Thresholds)
        {
            writer.Write($" > {days} days |");
        }

        writer.Write(" Never used |");
        var align = new StringBuilder("|---|---|---:|---:|---:|");
        align.Insert(align.Length, "---:|", ProductSummary.Thresholds.Count + 1);
        if (freed)
        {
            writer.Write(" Seats freed |");
            align.Append("---:|");
        }

        if (priced)
        {
            writer.Write(" Cost a month | Cost a year |");
            align.Append("---:|---:|");
            if (freed)
            {
                writer.Write(" Saved a month |");
                align.Append("---:|");
            }
        }

        writer.Write($"\n{align}\n");
        foreach (var row in summary.Rows)
        {
            writer.Write($"| {Escape(InactivityReport.ProductDisplayName(row.Product))} | {Escape(row.Site ?? "–")} | {ReportNumbers.Count(row.Seats)} | {ReportNumbers.Count(row.Used)} | {ReportNumbers.Count(row.Inactive)} |");
            foreach (int? count in row.InactiveOver)
            {
                writer.Write($" {ReportNumbers.Count(count)} |");
            }

            writer.Write($" {ReportNumbers.Count(row.NeverUsed)} |");
            if (freed)
            {
                writer.Write($" {ReportNumbers.Count(row.Freed)} |");
            }

            if (priced)
            {
                writer.Write($" {Escape(ReportNumbers.Money(row.CostAtStake, options.Currency))} | {Escape(ReportNumbers.Money(row.CostAtStake * 12, options.Currency))} |");
                if (freed)
                {
                    writer.Write($" {Escape(ReportNumbers.Money(row.CostFreed, options.Currency))} |");
                }
            }

            writer.Write("\n");
        }

        writer.Write("\nUsers are counted once per product and site. –: the input cannot give the number (a product only licensed, not analysed; users beyond a shorter time than the judgment's period; no seat count given).\n");
        WriteGroups(writer, report);
        WriteTrend(writer, report);
        foreach (var kind in Enum.GetValues<ReportResultKind>())
        {
            WriteResults(writer, report, kind);
        }

        var users = report.Users
            .OrderByDescending(u => u.DaysInactive is null && u.NeverActive)
            .ThenByDescending(u => u.DaysInactive ?? int.MinValue)
            .Take(Math.Max(0, options.MarkdownRows))
            .ToList();
        writer.Write(users.Count < report.Users.Count
            ? $"\n## Users\n\nThe {ReportNumbers.Count(users.Count)} longest inactive of {ReportNumbers.Count(report.Users.Count)} rows (a user per product and site).\n\n"
            : $"\n## Users\n\n{ReportNumbers.Count(users.Count)} rows (a user per product and site), longest inactive first.\n\n");
        if (users.Count > 0)
        {
            writer.Write("| Name | Email | Product | Site | Last active | Days | Source | Account ID |\n|---|---|---|---|---|---:|---|---|\n");
            foreach (var u in users)
            {
                writer.Write($"| {Escape(u.DisplayName)} | {Escape(u.Email)} | {Escape(InactivityReport.ProductDisplayName(u.Product))} | {Escape(u.Site)} | {(u.LastActive is null ? "never" : ReportNumbers.Date(u.LastActive))} | {ReportNumbers.Count(u.DaysInactive)} | {Escape(u.Source)} | {Escape(u.AccountId)} |\n");
            }
        }
    }

    private static void WriteGroups(TextWriter writer, InactivityReport report)
    {
        var (groups, without) = report.SummarizeGroups();
        if (groups.Count == 0)
        {
            return;
        }

        writer.Write("\n## Inactive users by group\n\n| Group | Grants | Inactive users | Their seats | Never used |\n|---|---|---:|---:|---:|\n");
        foreach (var group in groups.Take(Math.Max(0, report.Options.MarkdownRows)))
        {
            string grants = group.Grants.Count > 0 ? string.Join(", ", group.Grants) : "–";
            writer.Write($"| {Escape(group.Name)} | {Escape(grants)} | {ReportNumbers.Count(group.Users)} | {ReportNumbers.Count(group.Seats)} | {ReportNumbers.Count(group.NeverUsed)} |\n");
        }

        if (without > 0)
        {
            writer.Write($"\n{ReportNumbers.Count(without)} inactive users came without their groups.\n");
        }
    }

    private static void WriteTrend(TextWriter writer, InactivityReport report)
    {
        if (!report.Options.Trend)
        {
            return;
        }

        writer.Write("\n## Trend\n\n| Run | Judged as of | More than (days) | Inactive seats | Inactive users | Seats freed |\n|---|---|---:|---:|---:|---:|\n");
        foreach (var run in report.History.Append(ReportSnapshot.Of(report)))
        {
            writer.Write($"| {ReportNumbers.Timestamp(run.GeneratedAt)} | {(run.AsOf is { } asOf ? ReportNumbers.Timestamp(asOf) : "–")} | {ReportNumbers.Count(run.MoreThan)} | {ReportNumbers.Count(run.InactiveSeats)} | {ReportNumbers.Count(run.DistinctInactiveUsers)} | {ReportNumbers.Count(run.FreedSeats)} |\n");
        }
    }

    private static void WriteResults(TextWriter writer, InactivityReport report, ReportResultKind kind)
    {
        var results = report.ResultsOf(kind).ToList();
        if (results.Count == 0)
        {
            return;
        }

        writer.Write($"\n## {Escape(HtmlReportWriter.KindTitle(kind))}\n\n| Status | Users |\n|---|---:|\n");
        foreach (var (status, count) in report.ResultCounts(kind))
        {
            writer.Write($"| {Escape(status)} | {ReportNumbers.Count(count)} |\n");
        }

        var attention = results.Where(r => InactivityReport.StatusOrder(r.Status) is 1 or 2 or 3).Take(report.Options.MarkdownRows).ToList();
        if (attention.Count > 0)
        {
            writer.Write("\n| Name | Product | Status | Reason or message | Account ID |\n|---|---|---|---|---|\n");
            foreach (var r in attention)
            {
                writer.Write($"| {Escape(r.DisplayName)} | {Escape(r.Product is null ? null : InactivityReport.ProductDisplayName(r.Product))} | {Escape(r.Status)} | {Escape(r.Message)} | {Escape(r.AccountId)} |\n");
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
