using System.Text.RegularExpressions;
using JiraDeactivate.Core.Reports;

namespace JiraDeactivate.Core.Tests.Reports;

/// <summary>-History: a summary file per run, read back as untrusted input, and the trend drawn from the runs.</summary>
public sealed class ReportHistoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jiradeactivate-history-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Three_runs_are_kept_and_the_third_report_draws_all_three_oldest_first()
    {
        var inactive = new[] { 40, 25, 12 };
        var freed = new int?[] { null, 15, 10 };
        string html = string.Empty;
        for (int run = 0; run < 3; run++)
        {
            var report = Report(run, inactive[run], freed[run]);
            report.History.AddRange(ReportHistory.Load(_folder, warning => Assert.Fail(warning)));
            Assert.Equal(run, report.History.Count);
            html = ReportSamples.Html(report);
            ReportHistory.Save(_folder, ReportSnapshot.Of(report));
        }

        Assert.Equal(3, Directory.GetFiles(_folder, ReportHistory.FilePattern).Length);
        var runs = ReportHistory.Load(_folder, warning => Assert.Fail(warning));
        Assert.Equal(inactive, runs.Select(r => r.InactiveSeats));
        Assert.Equal(freed, runs.Select(r => r.FreedSeats));
        Assert.All(runs, r => Assert.Equal((90, ReportSamples.AsOf), (r.MoreThan!.Value, r.AsOf!.Value)));

        string trend = Regex.Match(html, "<section class=\"chart\" id=\"trend\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Equal(["40", "25", "12"], Values(trend, "t-inactive"));
        Assert.Equal(["15", "10"], Values(trend, "t-freed"));
        Assert.Contains("2026-09-01 00:00 UTC: 40 inactive seats", trend);
        Assert.Contains("2026-11-01 00:00 UTC: 10 seats freed", trend);
        // Later runs lie further right.
        var x = Regex.Matches(Regex.Match(trend, "<g class=\"t-inactive\".*?</g>").Value, "<circle cx=\"([0-9.]+)\"").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(x.Order(), x);
        Assert.Equal(3, x.Distinct().Count());
        string markdown = ReportSamples.Markdown(WithHistory(Report(3, 5, null), runs));
        Assert.Equal(4, Regex.Matches(markdown, @"^\| 2026-\d\d-\d\d 00:00 UTC \| 2026-11-02 00:00 UTC \| 90 \|", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void Files_that_are_not_a_runs_summary_are_skipped_with_a_warning_and_never_drawn()
    {
        ReportHistory.Save(_folder, new ReportSnapshot { GeneratedAt = ReportSamples.AsOf, InactiveSeats = 7, DistinctInactiveUsers = 6 });
        File.WriteAllText(Path.Combine(_folder, "jira-inactivity-broken.json"), "{ not json");
        File.WriteAllText(Path.Combine(_folder, "jira-inactivity-negative.json"), "{\"version\":1,\"generatedAt\":\"2026-10-01T00:00:00Z\",\"inactiveSeats\":-5,\"distinctInactiveUsers\":1}");
        File.WriteAllText(Path.Combine(_folder, "jira-inactivity-text.json"), "{\"version\":1,\"generatedAt\":\"2026-10-01T00:00:00Z\",\"inactiveSeats\":\"<script>\",\"distinctInactiveUsers\":1}");
        File.WriteAllText(Path.Combine(_folder, "jira-inactivity-version.json"), "{\"version\":2,\"generatedAt\":\"2026-10-01T00:00:00Z\",\"inactiveSeats\":1,\"distinctInactiveUsers\":1}");
        File.WriteAllText(Path.Combine(_folder, "jira-inactivity-huge.json"), new string(' ', 70_000) + "{}");
        File.WriteAllText(Path.Combine(_folder, "unrelated.json"), "{}");
        var warnings = new List<string>();

        var runs = ReportHistory.Load(_folder, warnings.Add);

        Assert.Equal(7, Assert.Single(runs).InactiveSeats);
        Assert.Equal(5, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("jira-inactivity-broken.json", StringComparison.Ordinal) && w.Contains("not JSON", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("jira-inactivity-negative.json", StringComparison.Ordinal) && w.Contains("'inactiveSeats' is not a count", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("jira-inactivity-huge.json", StringComparison.Ordinal) && w.Contains("bytes", StringComparison.Ordinal));
        Assert.Empty(ReportHistory.Load(Path.Combine(_folder, "missing"), warnings.Add));
    }

    private static InactivityReport Report(int run, int inactive, int? freed)
    {
        var report = new InactivityReport(new ReportOptions { GeneratedAt = new DateTime(2026, 9 + run, 1, 0, 0, 0, DateTimeKind.Utc), Trend = true });
        for (int i = 0; i < inactive; i++)
        {
            report.Users.Add(new ReportUser { AccountId = $"u{i}", Product = "JiraSoftware", Site = "acme", DaysInactive = 100, MoreThan = 90, AsOf = ReportSamples.AsOf });
        }

        for (int i = 0; i < (freed ?? 0); i++)
        {
            report.Results.Add(new ReportResult { AccountId = $"u{i}", Product = "JiraSoftware", Site = "acme", Status = "Removed" });
        }

        return report;
    }

    private static InactivityReport WithHistory(InactivityReport report, IEnumerable<ReportSnapshot> runs)
    {
        report.History.AddRange(runs);
        return report;
    }

    private static List<string> Values(string svg, string series) =>
        Regex.Matches(Regex.Match(svg, $"<g class=\"{series}\".*?</g>").Value, "data-value=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
}
