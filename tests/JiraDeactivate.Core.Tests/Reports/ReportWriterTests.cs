using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using JiraDeactivate.Core.Reports;

namespace JiraDeactivate.Core.Tests.Reports;

public class ReportWriterTests
{
    private static readonly Regex s_dataBlock = new("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline);

    [Fact]
    public void The_embedded_json_escapes_markup_and_line_separators_and_reads_back_exactly()
    {
        var users = ReportSamples.Users(20, hostile: true);
        string html = ReportSamples.Html(ReportSamples.Report(users));

        string json = s_dataBlock.Match(html).Groups[1].Value;
        Assert.NotEmpty(json);
        Assert.Equal(-1, json.AsSpan().IndexOfAny("<>&\u2028\u2029"));
        using var data = JsonDocument.Parse(json);
        var rows = data.RootElement.GetProperty("rows");
        Assert.Equal(users.Count, rows.GetArrayLength());
        for (int i = 0; i < users.Count; i++)
        {
            Assert.Equal(users[i].DisplayName, rows[i][0].GetString());
            Assert.Equal(users[i].AccountId, rows[i][7].GetString());
        }
    }

    [Fact]
    public void The_page_loads_nothing_from_anywhere_and_its_policy_allows_exactly_its_own_style_and_script()
    {
        string html = ReportSamples.Html(ReportSamples.Report(ReportSamples.Users(50, hostile: true)));
        string page = s_dataBlock.Replace(html, string.Empty);

        foreach (string remote in new[] { "http:", "https:", "//", "src=", "href=", "url(", "@import" })
        {
            Assert.DoesNotContain(remote, Regex.Replace(page, "<script>.*?</script>", string.Empty, RegexOptions.Singleline).Replace("</", "<"), StringComparison.OrdinalIgnoreCase);
        }

        string policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value;
        Assert.StartsWith("default-src 'none';", policy);
        string style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        string script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"style-src '{Hash(style)}'", policy);
        Assert.Contains($"script-src '{Hash(script)}'", policy);
        Assert.DoesNotContain("unsafe", policy);
    }

    [Fact]
    public void Title_currency_results_and_the_chart_are_escaped()
    {
        var report = ReportSamples.Report(ReportSamples.Users(5), new ReportOptions { Title = "<i>T</i> & \"q\"", Currency = "<b>", PricePerSeat = 2 });
        report.Results.Add(new ReportResult { AccountId = "a'b", DisplayName = "<img src=x onerror=alert(1)>", Status = "Skipped", Message = "in \"admins\" & <x>" });
        string html = ReportSamples.Html(report);

        Assert.Contains("<title>&lt;i&gt;T&lt;/i&gt; &amp; &quot;q&quot;</title>", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("in &quot;admins&quot; &amp; &lt;x&gt;", html);
        Assert.Contains("a&#39;b", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("2.00 &lt;b&gt;", html);
        Assert.Equal(Regex.Matches(html, "<div class=\"card\">").Count, Regex.Matches(html, "<b>").Count);
    }

    [Fact]
    public void The_summary_counts_each_product_by_threshold_never_used_seats_freed_and_cost()
    {
        var report = ReportSamples.Report([], new ReportOptions { PricePerSeat = 7.5m, Currency = "EUR" });
        report.Users.AddRange([
            User("a", 31), User("b", 91), User("c", 181), User("d", 366), User("e", 400, never: true),
            User("f", 30), User("a", 31, site: "acme-eu"), User("g", 100, product: "JiraServiceManagement"),
            User("a", 31),
        ]);
        report.Licenses.Add(new ReportLicense { Product = "JiraSoftware", Site = "acme", Seats = 100, UsersCounted = 90 });
        report.Licenses.Add(new ReportLicense { Product = "JiraSoftware", Site = "acme-eu", Seats = 50, UsersCounted = 49 });
        report.Licenses.Add(new ReportLicense { Product = "JiraServiceManagement", Site = "acme", Seats = null, UsersCounted = 12 });
        report.Results.Add(new ReportResult { AccountId = "a", Product = "JiraSoftware", Site = "acme", Status = "Removed" });
        report.Results.Add(new ReportResult { AccountId = "b", Product = "JiraSoftware", Site = "acme", Status = "removed" });
        report.Results.Add(new ReportResult { AccountId = "c", Product = "JiraSoftware", Site = "acme", Status = "Skipped", Message = "admin" });

        var summary = report.Summarize();

        Assert.Equal(["JiraSoftware", "JiraServiceManagement"], summary.Select(s => s.Product));
        var software = summary[0];
        Assert.Equal((150, 90 + 49), (software.Seats, software.Used));
        Assert.Equal(7, software.Inactive);
        // f (30 days) is not beyond 30; e never used the product; a counts once per site.
        Assert.Equal([5, 3, 2, 1], software.InactiveOver);
        Assert.Equal(1, software.NeverUsed);
        Assert.Equal((7, 2), (software.AtStake, software.Freed));
        Assert.Equal((52.5m, 15m), (software.CostAtStake, software.CostFreed));
        var service = summary[1];
        Assert.Equal((null, 12, 1, 0), (service.Seats, service.Used, service.Inactive, service.Freed));
        Assert.Equal([("Removed", 2), ("Skipped", 1)], report.ResultCounts().Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public void Without_prices_or_results_the_summary_leaves_cost_and_freed_out()
    {
        var report = ReportSamples.Report([User("a", 40)]);
        var only = Assert.Single(report.Summarize());
        Assert.Equal((null, null, null), (only.Freed, only.CostAtStake, only.CostFreed));
        string html = ReportSamples.Html(report);
        Assert.DoesNotContain("Cost at stake", html);
        Assert.DoesNotContain("Seats freed", html);
        Assert.DoesNotContain("id=\"results\"", html);
    }

    [Fact]
    public void The_histogram_counts_months_keeps_the_last_24_and_puts_the_rest_in_earlier()
    {
        var users = new List<ReportUser>();
        var last = new DateTime(2026, 10, 15, 0, 0, 0, DateTimeKind.Utc);
        for (int m = 0; m < 30; m++)
        {
            users.Add(User($"u{m}", 1, lastActive: last.AddMonths(-m)));
        }

        users.Add(User("n1", 1, never: true));
        users.Add(User("x", 1, lastActive: last.AddDays(3)));

        var histogram = ActivityHistogram.From(users);

        Assert.Equal(ActivityHistogram.MaxMonths, histogram.Months.Count);
        Assert.Equal(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), histogram.Months[^1].Month);
        Assert.Equal(2, histogram.Months[^1].Users);
        Assert.Equal(6, histogram.Earlier);
        Assert.Equal(1, histogram.NeverActive);
    }

    [Fact]
    public void Markdown_has_the_summary_and_the_longest_inactive_users_with_every_active_character_escaped()
    {
        var users = ReportSamples.Users(30, hostile: true);
        var report = ReportSamples.Report(users, new ReportOptions { MarkdownRows = 10, Title = "Q4 | *cleanup*" });
        string markdown = ReportSamples.Markdown(report);
        string[] lines = markdown.Split('\n');

        Assert.Equal("# Q4 \\| \\*cleanup\\*", lines[0]);
        Assert.Contains("| Jira Software |", markdown);
        var tableRows = lines.SkipWhile(l => !l.StartsWith("| Name | Email", StringComparison.Ordinal)).Skip(2).Where(l => l.StartsWith('|')).ToList();
        Assert.Equal(10, tableRows.Count);
        var longest = users.OrderByDescending(u => u.DaysInactive).First();
        Assert.Contains(longest.AccountId, tableRows[0]);
        // Every row has exactly the table's 9 unescaped pipes, whatever the names hold.
        Assert.All(tableRows, row => Assert.Equal(9, Regex.Matches(row, @"(?<!\\)\|").Count));
        Assert.DoesNotContain("<img", markdown);
        Assert.DoesNotContain("<script", markdown);
        Assert.DoesNotContain('\u2028', markdown);
    }

    [Theory]
    [InlineData("report.md", ReportFormat.Markdown)]
    [InlineData("REPORT.MARKDOWN", ReportFormat.Markdown)]
    [InlineData("report.html", ReportFormat.Html)]
    [InlineData("report.htm", ReportFormat.Html)]
    [InlineData("report", ReportFormat.Html)]
    public void The_format_follows_the_extension(string path, ReportFormat expected) => Assert.Equal(expected, ReportFile.FormatFor(path));

    [Theory]
    [InlineData("a|b", @"a\|b")]
    [InlineData("<b>&", "&lt;b&gt;&amp;")]
    [InlineData("_x_ *y* `z` [l](u) ~s~ $m$ #h !i \\", @"\_x\_ \*y\* \`z\` \[l\]\(u\) \~s\~ \$m\$ \#h \!i \\")]
    [InlineData("two\nlines\r\nhere", "two lines  here")]
    [InlineData("Zoë O'Brien שלום 👩‍💻", "Zoë O'Brien שלום 👩‍💻")]
    public void Markdown_cells_escape_what_markdown_would_act_on(string text, string expected) =>
        Assert.Equal(expected, MarkdownReportWriter.Escape(text));

    private static ReportUser User(string id, int days, string product = "JiraSoftware", string site = "acme", bool never = false, DateTime? lastActive = null) => new()
    {
        AccountId = id,
        Product = product,
        Site = site,
        DaysInactive = days,
        NeverActive = never,
        LastActive = never ? null : lastActive ?? ReportSamples.AsOf.AddDays(-1 - days),
    };

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
