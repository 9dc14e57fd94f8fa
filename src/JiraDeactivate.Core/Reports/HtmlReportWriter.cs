using System.Text;

namespace JiraDeactivate.Core.Reports;

/// <summary>
/// Writes a report as one self-contained HTML page: nothing loads from anywhere (style, script and charts are inline),
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
        foreach (var (id, sentence) in new[] { ("period", ReportHeading.Period(summary)), ("data-date", ReportHeading.DataDate(summary)), ("price", ReportHeading.Price(options)) })
        {
            if (sentence is not null)
            {
                writer.Write($"<p class=\"meta\" id=\"{id}\">{HtmlText.Escape(sentence)}</p>\n");
            }
        }

        WriteCards(writer, options, summary);
        writer.Write("</header>\n");
        WriteSummary(writer, report, summary);
        WriteGroups(writer, report);
        WriteTrend(writer, report);
        writer.Write("<section class=\"chart\" id=\"activity\">\n<h2>Last activity</h2>\n<p class=\"note\">Inactive users per month of their last activity in the product (UTC).</p>\n");
        writer.Write(ActivityChart.Svg(ActivityHistogram.From(report.Users)));
        writer.Write("\n<div class=\"legend\"><span><i class=\"l-bar\"></i>last active that month</span><span><i class=\"l-earlier\"></i>earlier</span><span><i class=\"l-never\"></i>never used</span></div>\n</section>\n");
        foreach (var kind in Enum.GetValues<ReportResultKind>())
        {
            WriteResults(writer, report, kind);
        }

        WriteUsersTable(writer, ReportPlan.Columns(report.Users).Count > 0);
        writer.Write("<script type=\"application/json\" id=\"report-data\">");
        writer.Flush();
        ReportDataJson.Write(stream, report.Users, $"removal-plan-{ReportNumbers.Date(options.GeneratedAt)}.csv");
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

    private static void WriteCards(StreamWriter writer, ReportOptions options, ReportSummary summary)
    {
        string currency = HtmlText.Escape(options.Currency);
        writer.Write("<div class=\"cards\">\n");
        Card(writer, "users", ReportNumbers.Count(summary.DistinctInactiveUsers), "inactive users (each counted once)");
        Card(writer, "seats", ReportNumbers.Count(summary.InactiveSeats), "seats a removal would free (per product and site)");
        Card(writer, "never", ReportNumbers.Count(summary.NeverUsedSeats), "of them never used the product");
        if (summary.CostAtStakePerMonth is { } cost)
        {
            Card(writer, "cost", ReportNumbers.Money(cost, currency), $"a month for those seats ({ReportNumbers.Money(cost * 12, currency)} a year)");
        }

        if (summary.FreedSeats is { } freed)
        {
            Card(writer, "freed", ReportNumbers.Count(freed), "seats freed (removed)");
            if (summary.CostFreedPerMonth is { } saved)
            {
                Card(writer, "saved", ReportNumbers.Money(saved, currency), $"a month saved ({ReportNumbers.Money(saved * 12, currency)} a year)");
            }
        }

        if (summary.IdentityProviderSeats > 0)
        {
            Card(writer, "identity-provider", ReportNumbers.Count(summary.IdentityProviderSeats), "seats an identity-provider change would free (synced groups, left to it)");
        }

        writer.Write("</div>\n");
    }

    private static void Card(StreamWriter writer, string id, string value, string label) =>
        writer.Write($"<div class=\"card\" data-card=\"{id}\"><b>{value}</b><span>{label}</span></div>\n");

    private static void WriteSummary(StreamWriter writer, InactivityReport report, ReportSummary summary)
    {
        var options = report.Options;
        bool priced = options.PricePerSeat is not null;
        bool freed = summary.FreedSeats is not null;
        string currency = HtmlText.Escape(options.Currency);
        writer.Write("<section id=\"summary\">\n<h2>Summary per product and site</h2>\n");
        writer.Write("<table class=\"summary\">\n<thead><tr><th>Product</th><th>Site</th><th class=\"n\">Seats</th><th class=\"n\">Used</th><th class=\"n\">Inactive users</th>");
        foreach (int days in ProductSummary.Thresholds)
        {
            writer.Write($"<th class=\"n\">Last active &gt; {days} days</th>");
        }

        writer.Write("<th class=\"n\">Never used</th>");
        if (freed)
        {
            writer.Write("<th class=\"n\">Seats freed</th>");
        }

        if (priced)
        {
            writer.Write("<th class=\"n\">Cost of the inactive seats a month</th><th class=\"n\">a year</th>");
            if (freed)
            {
                writer.Write("<th class=\"n\">Saved a month</th>");
            }
        }

        writer.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in summary.Rows)
        {
            writer.Write($"<tr data-product=\"{HtmlText.Escape(row.Product)}\" data-site=\"{HtmlText.Escape(row.Site)}\"><td>{HtmlText.Escape(InactivityReport.ProductDisplayName(row.Product))}</td><td>{HtmlText.Escape(row.Site ?? "–")}</td>");
            writer.Write($"<td class=\"n\">{ReportNumbers.Count(row.Seats)}</td><td class=\"n\">{ReportNumbers.Count(row.Used)}</td><td class=\"n\">{ReportNumbers.Count(row.Inactive)}</td>");
            foreach (int? count in row.InactiveOver)
            {
                writer.Write($"<td class=\"n\">{ReportNumbers.Count(count)}</td>");
            }

            writer.Write($"<td class=\"n\">{ReportNumbers.Count(row.NeverUsed)}</td>");
            if (freed)
            {
                writer.Write($"<td class=\"n\">{ReportNumbers.Count(row.Freed)}</td>");
            }

            if (priced)
            {
                writer.Write($"<td class=\"n\">{ReportNumbers.Money(row.CostAtStake, currency)}</td><td class=\"n\">{ReportNumbers.Money(row.CostAtStake * 12, currency)}</td>");
                if (freed)
                {
                    writer.Write($"<td class=\"n\">{ReportNumbers.Money(row.CostFreed, currency)}</td>");
                }
            }

            writer.Write("</tr>\n");
        }

        if (summary.Rows.Count == 0)
        {
            writer.Write("<tr><td colspan=\"11\" class=\"empty\">No inactive users, seat counts or results were piped into the report.</td></tr>\n");
        }

        writer.Write("</tbody>\n");
        if (summary.SeveralProducts || summary.Rows.Count(r => r.Analysed) > 1)
        {
            writer.Write($"<tfoot><tr class=\"total\"><td colspan=\"4\">Distinct inactive users (each counted once)</td><td class=\"n\">{ReportNumbers.Count(summary.DistinctInactiveUsers)}</td></tr></tfoot>\n");
        }

        writer.Write("</table>\n<p class=\"note\">Users are counted once per product and site. “–”: the input cannot give the number (a product only licensed, not analysed; users beyond a shorter time than the judgment's period; no seat count given).</p>\n");
        if (report.Licenses.Count == 0)
        {
            writer.Write("<p class=\"note\">No seat counts were given: pipe Get-JiraProductLicense into the report to fill Seats and Used.</p>\n");
        }

        writer.Write("</section>\n");
    }

    private static void WriteGroups(StreamWriter writer, InactivityReport report)
    {
        var (groups, without) = report.SummarizeGroups();
        if (report.Users.Count == 0)
        {
            return;
        }

        writer.Write("<section id=\"groups\">\n<h2>Where the seats are: inactive users by group</h2>\n");
        if (groups.Count > 0)
        {
            writer.Write("<div class=\"scroll\"><table class=\"groups\">\n<thead><tr><th>Group</th><th>Grants</th><th class=\"n\">Inactive users</th><th class=\"n\">Their seats</th><th class=\"n\">Never used</th></tr></thead>\n<tbody>\n");
            foreach (var group in groups)
            {
                string grants = group.Grants.Count > 0 ? string.Join(", ", group.Grants) : "–";
                writer.Write($"<tr><td>{HtmlText.Escape(group.Name)}</td><td>{HtmlText.Escape(grants)}</td><td class=\"n\">{ReportNumbers.Count(group.Users)}</td><td class=\"n\">{ReportNumbers.Count(group.Seats)}</td><td class=\"n\">{ReportNumbers.Count(group.NeverUsed)}</td></tr>\n");
            }

            writer.Write("</tbody>\n</table></div>\n<p class=\"note\">A user in several groups counts in each. Grants: the products, of those whose seat counts were piped in, that the group grants (“–”: none of them, or no seat counts given). Removing a user from one group frees no seat while another group still grants the product.</p>\n");
        }

        if (without > 0)
        {
            writer.Write($"<p class=\"note\">{ReportNumbers.Count(without)} inactive users came without their groups (the Admin API path does not name them; the Export users CSV does).</p>\n");
        }

        writer.Write("</section>\n");
    }

    private static void WriteTrend(StreamWriter writer, InactivityReport report)
    {
        if (!report.Options.Trend)
        {
            return;
        }

        var runs = report.History.Append(ReportSnapshot.Of(report)).ToList();
        writer.Write($"<section class=\"chart\" id=\"trend\">\n<h2>Trend</h2>\n<p class=\"note\">Inactive seats and seats freed in each of the last {ReportNumbers.Count(runs.Count)} runs (this one last), from the report's history folder.</p>\n");
        writer.Write(TrendChart.Svg(runs));
        writer.Write("\n<div class=\"legend\"><span><i class=\"l-inactive\"></i>inactive seats</span><span><i class=\"l-freed\"></i>seats freed</span></div>\n</section>\n");
    }

    private static void WriteResults(StreamWriter writer, InactivityReport report, ReportResultKind kind)
    {
        var results = report.ResultsOf(kind).ToList();
        if (results.Count == 0)
        {
            return;
        }

        writer.Write($"<section class=\"results\" id=\"results-{kind.ToString().ToLowerInvariant()}\" data-kind=\"{kind}\">\n<h2>{KindTitle(kind)}</h2>\n<p class=\"note\">");
        writer.Write(string.Join(" · ", report.ResultCounts(kind).Select(c => $"{HtmlText.Escape(c.Key)}: {ReportNumbers.Count(c.Value)}")));
        writer.Write("</p>\n");
        foreach (var group in results.GroupBy(r => r.Status, StringComparer.OrdinalIgnoreCase).OrderBy(g => InactivityReport.StatusOrder(g.Key)).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
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

    internal static string KindTitle(ReportResultKind kind) => kind switch
    {
        ReportResultKind.Removal => "Removals (Remove-JiraProductAccess)",
        ReportResultKind.Restore => "Restores (Restore-JiraProductAccess)",
        ReportResultKind.Suspension => "Suspensions (Suspend-JiraUser)",
        ReportResultKind.Resumption => "Resumptions (Resume-JiraUser)",
        _ => "Results of other actions",
    };

    private static string StatusLabel(string status) => status.ToUpperInvariant() switch
    {
        "REMOVED" => "Removed",
        "STILLHASACCESS" => "Still has access",
        "FAILED" => "Failed",
        "SKIPPED" => "Skipped",
        "NOACCESS" => "Had no access (nothing to do)",
        "ALREADYSUSPENDED" => "Suspended already (counted as done)",
        "NOTSUSPENDED" => "Was not suspended (nothing to do)",
        "NOTVERIFIED" => "Not verified (the status read back differs)",
        "ALREADYPRESENT" => "Back in every group already (nothing to do)",
        _ => status,
    };

    private static void WriteUsersTable(StreamWriter writer, bool selectable)
    {
        writer.Write("<section id=\"users-section\">\n<h2>Users</h2>\n");
        if (selectable)
        {
            writer.Write("<p class=\"note\" id=\"plan-help\">Untick the users to keep, then download the rest as the plan file for <code>Import-Csv &lt;file&gt; | Remove-JiraProductAccess</code>: it holds the ticked rows with the values the module gave them, unchanged (the judgment checks them), except that a name or email starting like a formula (=, +, -, @) gets a leading apostrophe, so a spreadsheet shows it as text.</p>\n");
        }

        writer.Write("<div class=\"controls\"><input id=\"filter\" type=\"search\" placeholder=\"Filter: name, email, site, date, account ID…\" aria-label=\"Filter the users\" autocomplete=\"off\"><span id=\"count\" aria-live=\"polite\"></span>");
        if (selectable)
        {
            writer.Write("<button type=\"button\" id=\"download\">Download the plan</button><span id=\"selected\" aria-live=\"polite\"></span>");
        }

        writer.Write("</div>\n<div class=\"viewport\" id=\"viewport\"><table class=\"users\" id=\"users\">\n<colgroup>");
        if (selectable)
        {
            writer.Write("<col class=\"c-pick\">");
        }

        foreach (string css in s_userColumnClasses)
        {
            writer.Write($"<col class=\"{css}\">");
        }

        writer.Write("</colgroup>\n<thead><tr>");
        if (selectable)
        {
            writer.Write("<th scope=\"col\" class=\"pick\"><input type=\"checkbox\" id=\"pick-all\" checked aria-label=\"Tick or untick every user the filter shows\"></th>");
        }

        for (int i = 0; i < s_userColumns.Length; i++)
        {
            writer.Write($"<th scope=\"col\" data-column=\"{i}\"{(i == 5 ? " class=\"n\"" : string.Empty)}><button type=\"button\">{s_userColumns[i]}</button></th>");
        }

        writer.Write("</tr></thead>\n<tbody id=\"rows\"></tbody>\n</table></div>\n");
        writer.Write("<noscript><p class=\"note\">The users table needs JavaScript: open the file in a browser (mail clients do not run scripts).</p></noscript>\n</section>\n");
    }
}
