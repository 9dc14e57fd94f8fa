using System.Text;

namespace JiraDeactivate.Core.Reports;

/// <summary>
/// Writes a report as one self-contained HTML page: nothing loads from anywhere (style, script and chart are inline),
/// so it works offline and as an e-mail attachment. Text is escaped here; the users table is JSON the page's script
/// renders through textContent, a screenful at a time.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly string[] s_userColumns = ["Name", "Email", "Product", "Site", "Last active", "Days", "Source", "Account ID"];
    private static readonly string[] s_userColumnClasses = ["c-name", "c-email", "c-product", "c-site", "c-last", "c-days", "c-source", "c-id"];

    public static void Write(InactivityReport report, Stream stream)
    {
        var options = report.Options;
        var summary = report.Summarize();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        string title = HtmlText.Escape(options.Title);
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ReportAssets.ContentSecurityPolicy}\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"generator\" content=\"JiraDeactivate\">\n");
        writer.Write($"<title>{title}</title>\n<style>{ReportAssets.Css}</style>\n</head>\n<body>\n");
        writer.Write($"<header>\n<h1>{title}</h1>\n<p class=\"meta\">Generated {ReportNumbers.Timestamp(options.GeneratedAt)}{Sources(report)}</p>\n");
        WriteCards(writer, report, summary);
        writer.Write("</header>\n");
        WriteSummary(writer, report, summary);
        writer.Write("<section class=\"chart\" id=\"activity\">\n<h2>Last activity</h2>\n<p class=\"note\">Inactive users per month of their last activity in the product (UTC).</p>\n");
        writer.Write(ActivityChart.Svg(ActivityHistogram.From(report.Users)));
        writer.Write("\n<div class=\"legend\"><span><i class=\"l-bar\"></i>last active that month</span><span><i class=\"l-earlier\"></i>earlier</span><span><i class=\"l-never\"></i>never used</span></div>\n</section>\n");
        WriteResults(writer, report);
        WriteUsersTable(writer);
        writer.Write("<script type=\"application/json\" id=\"report-data\">");
        writer.Flush();
        ReportDataJson.Write(stream, report.Users);
        writer.Write($"</script>\n<script>{ReportAssets.Script}</script>\n");
        writer.Write("<footer>Made by JiraDeactivate (Export-JiraInactivityReport). Days are counted by the module's inactivity rule, which allows for Atlassian's 24-hour data delay.</footer>\n</body>\n</html>\n");
    }

    private static string Sources(InactivityReport report)
    {
        var sources = report.Users.Select(u => u.Source).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var sites = report.Users.Select(u => u.Site).Concat(report.Licenses.Select(l => l.Site)).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var text = new StringBuilder();
        if (sources.Length > 0)
        {
            text.Append(" · activity from ").Append(HtmlText.Escape(string.Join(" and ", sources.Select(s => s!.Equals("Csv", StringComparison.OrdinalIgnoreCase) ? "the Export users CSV" : s!.Equals("Api", StringComparison.OrdinalIgnoreCase) ? "the Admin API" : s))));
        }

        if (sites.Length > 0)
        {
            text.Append(" · site").Append(sites.Length > 1 ? "s " : " ").Append(HtmlText.Escape(string.Join(", ", sites)));
        }

        return text.ToString();
    }

    private static void WriteCards(StreamWriter writer, InactivityReport report, IReadOnlyList<ProductSummary> summary)
    {
        var options = report.Options;
        writer.Write("<div class=\"cards\">\n");
        Card(writer, ReportNumbers.Count(summary.Sum(s => s.Inactive)), "inactive users");
        Card(writer, ReportNumbers.Count(summary.Sum(s => s.NeverUsed)), "never used the product");
        Card(writer, ReportNumbers.Count(summary.Sum(s => s.AtStake)), "seats a removal would free");
        if (options.PricePerSeat is not null)
        {
            Card(writer, ReportNumbers.Money(summary.Sum(s => s.CostAtStake ?? 0), HtmlText.Escape(options.Currency)), "cost of those seats");
        }

        if (report.Results.Count > 0)
        {
            Card(writer, ReportNumbers.Count(summary.Sum(s => s.Freed ?? 0)), "seats freed (removed)");
        }

        writer.Write("</div>\n");
    }

    private static void Card(StreamWriter writer, string value, string label) =>
        writer.Write($"<div class=\"card\"><b>{value}</b><span>{label}</span></div>\n");

    private static void WriteSummary(StreamWriter writer, InactivityReport report, IReadOnlyList<ProductSummary> summary)
    {
        var options = report.Options;
        bool priced = options.PricePerSeat is not null;
        bool results = report.Results.Count > 0;
        string currency = HtmlText.Escape(options.Currency);
        writer.Write("<section id=\"summary\">\n<h2>Summary per product</h2>\n");
        if (priced)
        {
            writer.Write($"<p class=\"note\">Priced at {ReportNumbers.Money(options.PricePerSeat, currency)} per seat.</p>\n");
        }

        writer.Write("<table class=\"summary\">\n<thead><tr><th>Product</th><th class=\"n\">Seats</th><th class=\"n\">Used</th><th class=\"n\">Inactive</th>");
        foreach (int days in ProductSummary.Thresholds)
        {
            writer.Write($"<th class=\"n\">Last active &gt; {days} days</th>");
        }

        writer.Write("<th class=\"n\">Never used</th><th class=\"n\">Seats a removal would free</th>");
        if (results)
        {
            writer.Write("<th class=\"n\">Seats freed</th>");
        }

        if (priced)
        {
            writer.Write("<th class=\"n\">Cost at stake</th>");
            if (results)
            {
                writer.Write("<th class=\"n\">Cost freed</th>");
            }
        }

        writer.Write("</tr></thead>\n<tbody>\n");
        foreach (var product in summary)
        {
            writer.Write($"<tr><td>{HtmlText.Escape(InactivityReport.ProductDisplayName(product.Product))}</td><td class=\"n\">{ReportNumbers.Count(product.Seats)}</td><td class=\"n\">{ReportNumbers.Count(product.Used)}</td><td class=\"n\">{ReportNumbers.Count(product.Inactive)}</td>");
            foreach (int count in product.InactiveOver)
            {
                writer.Write($"<td class=\"n\">{ReportNumbers.Count(count)}</td>");
            }

            writer.Write($"<td class=\"n\">{ReportNumbers.Count(product.NeverUsed)}</td><td class=\"n\">{ReportNumbers.Count(product.AtStake)}</td>");
            if (results)
            {
                writer.Write($"<td class=\"n\">{ReportNumbers.Count(product.Freed)}</td>");
            }

            if (priced)
            {
                writer.Write($"<td class=\"n\">{ReportNumbers.Money(product.CostAtStake, currency)}</td>");
                if (results)
                {
                    writer.Write($"<td class=\"n\">{ReportNumbers.Money(product.CostFreed, currency)}</td>");
                }
            }

            writer.Write("</tr>\n");
        }

        if (summary.Count == 0)
        {
            writer.Write("<tr><td colspan=\"10\" class=\"empty\">Nothing was piped into the report.</td></tr>\n");
        }

        writer.Write("</tbody>\n</table>\n");
        if (report.Licenses.Count == 0)
        {
            writer.Write("<p class=\"note\">No seat counts were given: pipe Get-JiraProductLicense into the report to fill Seats and Used.</p>\n");
        }

        writer.Write("</section>\n");
    }

    private static void WriteResults(StreamWriter writer, InactivityReport report)
    {
        if (report.Results.Count == 0)
        {
            return;
        }

        writer.Write("<section class=\"results\" id=\"results\">\n<h2>Results</h2>\n<p class=\"note\">");
        writer.Write(string.Join(" · ", report.ResultCounts().Select(c => $"{HtmlText.Escape(c.Key)}: {ReportNumbers.Count(c.Value)}")));
        writer.Write("</p>\n");
        foreach (var group in report.Results.GroupBy(r => r.Status, StringComparer.OrdinalIgnoreCase).OrderBy(g => InactivityReport.StatusOrder(g.Key)).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            string status = group.First().Status;
            string css = "s-" + new string(status.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
            bool open = InactivityReport.StatusOrder(status) is 1 or 2 or 3;
            writer.Write($"<details{(open ? " open" : string.Empty)} data-status=\"{HtmlText.Escape(status)}\"><summary class=\"{css}\">{HtmlText.Escape(StatusLabel(status))} ({ReportNumbers.Count(group.Count())})</summary>\n");
            writer.Write($"<div class=\"scroll\"><table>\n<thead><tr><th>Name</th><th>Email</th><th>Product</th><th>Site</th><th>Account ID</th><th>{(status.Equals("Skipped", StringComparison.OrdinalIgnoreCase) ? "Reason" : "Message")}</th></tr></thead>\n<tbody>\n");
            foreach (var result in group)
            {
                writer.Write($"<tr><td>{HtmlText.Escape(result.DisplayName)}</td><td>{HtmlText.Escape(result.Email)}</td><td>{HtmlText.Escape(result.Product is null ? null : InactivityReport.ProductDisplayName(result.Product))}</td><td>{HtmlText.Escape(result.Site)}</td><td>{HtmlText.Escape(result.AccountId)}</td><td>{HtmlText.Escape(result.Message)}</td></tr>\n");
            }

            writer.Write("</tbody>\n</table></div>\n</details>\n");
        }

        writer.Write("</section>\n");
    }

    private static string StatusLabel(string status) => status.ToUpperInvariant() switch
    {
        "REMOVED" => "Removed",
        "STILLHASACCESS" => "Still has access",
        "FAILED" => "Failed",
        "SKIPPED" => "Skipped",
        "NOACCESS" => "Had no access (nothing to do)",
        _ => status,
    };

    private static void WriteUsersTable(StreamWriter writer)
    {
        writer.Write("<section id=\"users-section\">\n<h2>Users</h2>\n<div class=\"controls\"><input id=\"filter\" type=\"search\" placeholder=\"Filter: name, email, site, date, account ID…\" aria-label=\"Filter the users\" autocomplete=\"off\"><span id=\"count\" aria-live=\"polite\"></span></div>\n");
        writer.Write("<div class=\"viewport\" id=\"viewport\"><table class=\"users\" id=\"users\">\n<colgroup>");
        foreach (string css in s_userColumnClasses)
        {
            writer.Write($"<col class=\"{css}\">");
        }

        writer.Write("</colgroup>\n<thead><tr>");
        for (int i = 0; i < s_userColumns.Length; i++)
        {
            writer.Write($"<th scope=\"col\"{(i == 5 ? " class=\"n\"" : string.Empty)}><button type=\"button\">{s_userColumns[i]}</button></th>");
        }

        writer.Write("</tr></thead>\n<tbody id=\"rows\"></tbody>\n</table></div>\n");
        writer.Write("<noscript><p class=\"note\">The users table needs JavaScript: open the file in a browser (mail clients do not run scripts).</p></noscript>\n</section>\n");
    }
}
