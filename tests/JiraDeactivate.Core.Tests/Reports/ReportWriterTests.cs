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
        Assert.Equal(Regex.Matches(html, "<div class=\"card\"").Count, Regex.Matches(html, "<b>").Count);
    }

    [Fact]
    public void The_summary_counts_users_once_per_product_and_site_by_threshold_never_used_seats_freed_and_cost()
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
        report.Results.Add(new ReportResult { AccountId = "d", Site = "acme", Status = "Suspended", Kind = ReportResultKind.Suspension });

        var summary = report.Summarize();

        Assert.Equal([("JiraSoftware", "acme"), ("JiraSoftware", "acme-eu"), ("JiraServiceManagement", "acme")], summary.Rows.Select(s => (s.Product, s.Site!)));
        var software = summary.Rows[0];
        Assert.Equal((100, 90), (software.Seats, software.Used));
        // a counts once on acme (two rows), once on acme-eu; f (30 days) is not beyond 30; e never used the product.
        Assert.Equal(6, software.Inactive);
        Assert.Equal([4, 3, 2, 1], software.InactiveOver);
        Assert.Equal(1, software.NeverUsed);
        Assert.Equal((6, 2), (software.AtStake, software.Freed));
        Assert.Equal((45m, 15m), (software.CostAtStake, software.CostFreed));
        var eu = summary.Rows[1];
        Assert.Equal((50, 49, 1, 0), (eu.Seats, eu.Used, eu.Inactive, eu.Freed));
        var service = summary.Rows[2];
        Assert.Equal((null, 12, 1, 0), (service.Seats, service.Used, service.Inactive, service.Freed));
        // Seats per product and site; users once: a, b, c, d, e, f, g.
        Assert.Equal((8, 7, 2), (summary.InactiveSeats, summary.DistinctInactiveUsers, summary.FreedSeats));
        Assert.Equal((60m, 15m), (summary.CostAtStakePerMonth, summary.CostFreedPerMonth));
        Assert.Equal([("Removed", 2), ("Skipped", 1)], report.ResultCounts(ReportResultKind.Removal).Select(c => (c.Key, c.Value)));
        Assert.Equal([("Suspended", 1)], report.ResultCounts(ReportResultKind.Suspension).Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public void Users_an_identity_provider_manages_are_counted_as_the_seats_its_change_would_free()
    {
        var report = ReportSamples.Report([User("a", 200), User("b", 200), User("c", 200)]);
        report.Results.Add(new ReportResult { AccountId = "a", Product = "JiraSoftware", Site = "acme", Status = "Removed" });
        report.Results.Add(new ReportResult { AccountId = "b", Product = "JiraSoftware", Site = "acme", Status = "ManagedByIdentityProvider", Message = "holds JiraSoftware through 'idp-jira-users'" });
        report.Results.Add(new ReportResult { AccountId = "c", Product = "JiraSoftware", Site = "acme", Status = "ManagedByIdentityProvider" });

        var summary = report.Summarize();

        Assert.Equal((1, 2), (summary.FreedSeats, summary.IdentityProviderSeats));
        Assert.Equal(2, summary.Rows.Single().HeldByIdentityProvider);
        Assert.Contains("2 seats an identity-provider change would free", ReportSamples.Markdown(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_removal_results_the_users_synced_groups_are_counted()
    {
        var report = ReportSamples.Report([User("a", 200) with { SyncedGroups = ["idp-jira-users"] }, User("b", 200)]);

        Assert.Equal(1, report.Summarize().IdentityProviderSeats);
        Assert.Contains("seats an identity-provider change would free", ReportSamples.Html(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_such_users_the_report_says_nothing_of_an_identity_provider()
    {
        var report = ReportSamples.Report([User("a", 200)]);
        report.Results.Add(new ReportResult { AccountId = "a", Product = "JiraSoftware", Site = "acme", Status = "Removed" });

        Assert.Equal(0, report.Summarize().IdentityProviderSeats);
        Assert.DoesNotContain("identity-provider", ReportSamples.Markdown(report), StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_input_cannot_give_is_a_dash_not_a_number()
    {
        var report = ReportSamples.Report([User("a", 95, moreThan: 90), User("b", 200, moreThan: 90), User("c", 400, moreThan: 90, never: true)]);
        report.Licenses.Add(new ReportLicense { Product = "JiraServiceManagement", Site = "acme", Seats = 40, UsersCounted = 38 });

        var rows = report.Summarize().Rows;

        var software = rows.Single(r => r.Product == "JiraSoftware");
        // A 90-day run lists nobody inactive for 31 to 90 days: the 30-day column cannot be filled.
        Assert.Equal([null, 2, 1, 0], software.InactiveOver);
        Assert.Equal((null, null), (software.Seats, software.Used));
        var licensedOnly = rows.Single(r => r.Product == "JiraServiceManagement");
        Assert.False(licensedOnly.Analysed);
        Assert.Equal((40, 38, null, null), (licensedOnly.Seats, licensedOnly.Used, licensedOnly.Inactive, licensedOnly.NeverUsed));
        Assert.All(licensedOnly.InactiveOver, Assert.Null);
        string html = ReportSamples.Html(report);
        Assert.Contains("<tr data-product=\"JiraServiceManagement\" data-site=\"acme\"><td>Jira Service Management</td><td>acme</td><td class=\"n\">40</td><td class=\"n\">38</td><td class=\"n\">–</td><td class=\"n\">–</td>", html);
        Assert.Contains("<tr data-product=\"JiraSoftware\" data-site=\"acme\"><td>Jira Software</td><td>acme</td><td class=\"n\">–</td><td class=\"n\">–</td><td class=\"n\">3</td><td class=\"n\">–</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">1</td></tr>", html);
        Assert.Contains("| Jira Service Management | acme | 40 | 38 | – | – | – | – | – | – |", ReportSamples.Markdown(report));
    }

    [Fact]
    public void The_heading_states_the_period_the_datas_date_and_that_the_price_is_per_month()
    {
        var report = ReportSamples.Report([User("a", 95, moreThan: 90)], new ReportOptions { PricePerSeat = 8.6m, GeneratedAt = ReportSamples.AsOf });
        report.Users.Add(User("b", 120, moreThan: 90, site: "acme-eu"));
        string html = ReportSamples.Html(report);
        string markdown = ReportSamples.Markdown(report);

        foreach (string sentence in new[]
        {
            "Inactive: no use of the product for more than 90 days.",
            "Judged as of 2026-11-02 00:00 UTC: the data is taken to cover activity up to 2026-11-01 00:00 UTC.",
            "Priced at 8.60 USD per seat per month (103.20 USD a year).",
        })
        {
            Assert.Contains(sentence, html);
            Assert.Contains(MarkdownReportWriter.Escape(sentence), markdown);
        }

        Assert.Contains("<div class=\"card\" data-card=\"cost\"><b>17.20 USD</b><span>a month for those seats (206.40 USD a year)</span></div>", html);
        Assert.Contains("2 inactive users (each counted once) hold 2 seats (per product and site), 17.20 USD a month (206.40 USD a year).", markdown);
    }

    [Fact]
    public void Each_actions_results_have_their_own_section()
    {
        var report = ReportSamples.Report([User("a", 40)]);
        report.Results.Add(new ReportResult { AccountId = "a", Product = "JiraSoftware", Status = "Removed", Kind = ReportResultKind.Removal });
        report.Results.Add(new ReportResult { AccountId = "b", Product = "JiraSoftware", Status = "Restored", Kind = ReportResultKind.Restore });
        report.Results.Add(new ReportResult { AccountId = "c", Status = "Suspended", Kind = ReportResultKind.Suspension });
        report.Results.Add(new ReportResult { AccountId = "d", Status = "Resumed", Kind = ReportResultKind.Resumption });
        report.Results.Add(new ReportResult { AccountId = "e", Status = "Archived", Kind = ReportResultKind.Other });
        string html = ReportSamples.Html(report);
        string markdown = ReportSamples.Markdown(report);

        foreach (var (kind, status) in new[] { ("removal", "Removed"), ("restore", "Restored"), ("suspension", "Suspended"), ("resumption", "Resumed"), ("other", "Archived") })
        {
            var section = Regex.Match(html, $"<section class=\"results\" id=\"results-{kind}\".*?</section>", RegexOptions.Singleline).Value;
            Assert.Contains($"<p class=\"note\">{status}: 1</p>", section);
            Assert.Single(Regex.Matches(section, "<tbody>\n<tr>"));
        }

        Assert.Contains("## Restores \\(Restore-JiraProductAccess\\)\n\n| Status | Users |\n|---|---:|\n| Restored | 1 |", markdown);
        Assert.Contains("## Suspensions \\(Suspend-JiraUser\\)\n\n| Status | Users |\n|---|---:|\n| Suspended | 1 |", markdown);
        // Only removals free seats.
        Assert.Equal(1, report.Summarize().FreedSeats);
    }

    [Fact]
    public void The_view_by_group_counts_inactive_users_and_their_seats_and_names_the_products_a_group_grants()
    {
        var report = ReportSamples.Report([
            User("a", 40, groups: ["jira-software-users", "all-staff"]), User("a", 40, site: "acme-eu", groups: ["jira-software-users", "all-staff"]),
            User("b", 40, never: true, groups: ["jira-software-users"]), User("c", 40, product: "JiraServiceManagement", groups: ["jsm-agents", "all-staff"]),
            User("d", 40),
        ]);
        report.Licenses.Add(new ReportLicense { Product = "JiraSoftware", Site = "acme", Seats = 10, UsersCounted = 9, Groups = ["jira-software-users"] });
        report.Licenses.Add(new ReportLicense { Product = "JiraServiceManagement", Site = "acme", Seats = 10, UsersCounted = 9, Groups = ["jsm-agents", "jira-software-users"] });

        var (groups, without) = report.SummarizeGroups();

        Assert.Equal(1, without);
        Assert.Equal(
            [("all-staff", "", 2, 3, 0), ("jira-software-users", "Jira Service Management, Jira Software", 2, 3, 1), ("jsm-agents", "Jira Service Management", 1, 1, 0)],
            groups.Select(g => (g.Name, string.Join(", ", g.Grants), g.Users, g.Seats, g.NeverUsed)));
        string html = ReportSamples.Html(report);
        Assert.Contains("<tr><td>all-staff</td><td>–</td><td class=\"n\">2</td><td class=\"n\">3</td><td class=\"n\">0</td></tr>", html);
        Assert.Contains("| jsm-agents | Jira Service Management | 1 | 1 | 0 |", ReportSamples.Markdown(report));
    }

    [Fact]
    public void The_plan_values_go_into_the_page_as_the_input_had_them()
    {
        var plan = new Dictionary<string, string?> { ["AccountId"] = "712020:a", ["Product"] = "JiraSoftware", ["Site"] = "acme", ["Judgment"] = "v1.<tok>\"\u2028", ["MoreThan"] = "90", ["Email"] = null };
        var report = ReportSamples.Report([User("712020:a", 95, moreThan: 90) with { Plan = plan }, User("b", 95, moreThan: 90) with { Plan = new Dictionary<string, string?> { ["AccountId"] = "b", ["AsOf"] = "2026-11-02T00:00:00.0000000Z" } }]);
        string html = ReportSamples.Html(report);

        using var data = JsonDocument.Parse(s_dataBlock.Match(html).Groups[1].Value);
        var columns = data.RootElement.GetProperty("planColumns").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(["AccountId", "Product", "Site", "Email", "Judgment", "MoreThan", "AsOf"], columns);
        var values = data.RootElement.GetProperty("planValues").EnumerateArray().Select(v => v.GetString()).ToList();
        string? Cell(int row, string column) => data.RootElement.GetProperty("rows")[row][8][columns.IndexOf(column)].GetInt32() is var i and >= 0 ? values[i] : null;
        Assert.Equal(("712020:a", "JiraSoftware", "acme", null, "v1.<tok>\"\u2028", "90", null), (Cell(0, "AccountId"), Cell(0, "Product"), Cell(0, "Site"), Cell(0, "Email"), Cell(0, "Judgment"), Cell(0, "MoreThan"), Cell(0, "AsOf")));
        Assert.Equal(("b", null, "2026-11-02T00:00:00.0000000Z"), (Cell(1, "AccountId"), Cell(1, "Judgment"), Cell(1, "AsOf")));
        Assert.Contains("id=\"download\"", html);
        Assert.DoesNotContain("id=\"download\"", ReportSamples.Html(ReportSamples.Report([User("c", 40)])));
    }

    [Fact]
    public void Names_and_emails_that_start_like_a_formula_are_neutralized_in_the_plan_and_nothing_else_is()
    {
        var plan = new Dictionary<string, string?>
        {
            ["AccountId"] = "712020:a",
            ["Product"] = "JiraSoftware",
            ["DisplayName"] = "=HYPERLINK(\"http://evil.example\",\"x\")",
            ["Email"] = "@sum(1+1)@acme.example",
            ["OrgRole"] = "-2+3",
            ["Judgment"] = "-v1.tok+=",
            ["MoreThan"] = "90",
        };
        var second = new Dictionary<string, string?> { ["AccountId"] = "b", ["DisplayName"] = "+1 555", ["Email"] = "-b@acme.example", ["Site"] = "acme" };
        var report = ReportSamples.Report([User("712020:a", 95, moreThan: 90) with { Plan = plan }, User("b", 95, moreThan: 90) with { Plan = second }]);

        using var data = JsonDocument.Parse(s_dataBlock.Match(ReportSamples.Html(report)).Groups[1].Value);
        var columns = data.RootElement.GetProperty("planColumns").EnumerateArray().Select(c => c.GetString()).ToList();
        var values = data.RootElement.GetProperty("planValues").EnumerateArray().Select(v => v.GetString()).ToList();
        string? Cell(int row, string column) => data.RootElement.GetProperty("rows")[row][8][columns.IndexOf(column)].GetInt32() is var i and >= 0 ? values[i] : null;

        Assert.Equal(("'=HYPERLINK(\"http://evil.example\",\"x\")", "'@sum(1+1)@acme.example", "'-2+3"), (Cell(0, "DisplayName"), Cell(0, "Email"), Cell(0, "OrgRole")));
        Assert.Equal(("712020:a", "-v1.tok+=", "90"), (Cell(0, "AccountId"), Cell(0, "Judgment"), Cell(0, "MoreThan")));
        Assert.Equal(("'+1 555", "'-b@acme.example", "acme"), (Cell(1, "DisplayName"), Cell(1, "Email"), Cell(1, "Site")));
    }

    [Fact]
    public void Without_prices_or_results_the_summary_leaves_cost_and_freed_out()
    {
        var report = ReportSamples.Report([User("a", 40)]);
        var only = Assert.Single(report.Summarize().Rows);
        Assert.Equal((null, null, null), (only.Freed, only.CostAtStake, only.CostFreed));
        string html = ReportSamples.Html(report);
        Assert.DoesNotContain("Cost of the inactive seats", html);
        Assert.DoesNotContain("Seats freed", html);
        Assert.DoesNotContain("class=\"results\"", html);
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

    private static ReportUser User(string id, int days, string product = "JiraSoftware", string site = "acme", bool never = false, DateTime? lastActive = null, int moreThan = 30, string[]? groups = null) => new()
    {
        AccountId = id,
        MoreThan = moreThan,
        AsOf = ReportSamples.AsOf,
        Groups = groups ?? [],
        Product = product,
        Site = site,
        DaysInactive = days,
        NeverActive = never,
        LastActive = never ? null : lastActive ?? ReportSamples.AsOf.AddDays(-1 - days),
    };

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
