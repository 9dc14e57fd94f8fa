using System.Text.Json;
using JiraDeactivate.Core.Reports;
using Xunit.Abstractions;

namespace JiraDeactivate.Core.Tests.Reports;

/// <summary>One Chromium for the browser tests (they run one after another).</summary>
public sealed class ChromiumFixture : IDisposable
{
    private readonly Lazy<HeadlessChromium> _browser = new(() => new HeadlessChromium());

    public HeadlessChromium Browser => _browser.Value;

    public void Dispose()
    {
        if (_browser.IsValueCreated)
        {
            _browser.Value.Dispose();
        }
    }
}

/// <summary>
/// The browser tests run alone, after the others: Chromium rendering 100,000 rows takes both cores of a small CI
/// machine, which tests of timeouts and pacing running beside it do not need.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// The HTML report in a real browser: no script errors, the rows are there, sorting and filtering work (run in the
/// page, read back from the DOM), hostile names stay text, 100,000 rows stay usable.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportBrowserTests : IDisposable
{
    private const string RowsScript = "Array.from(document.querySelectorAll('#rows tr.r')).map(tr => Array.from(tr.cells).filter(td => !td.classList.contains('pick')).map(td => td.textContent))";
    private readonly HeadlessChromium _browser;
    private readonly ITestOutputHelper _output;
    private readonly List<string> _files = [];

    public ReportBrowserTests(ChromiumFixture fixture, ITestOutputHelper output)
    {
        _browser = fixture.Browser;
        _output = output;
    }

    public void Dispose()
    {
        foreach (string file in _files)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Renders_the_rows_without_script_errors_or_any_request_but_the_file()
    {
        var users = ReportSamples.Users(500, seed: 3);
        var report = ReportSamples.Report(users);
        report.Licenses.Add(new ReportLicense { Product = "JiraSoftware", Site = "acme", Seats = 400, UsersCounted = 390 });
        report.Results.Add(new ReportResult { AccountId = users[0].AccountId, DisplayName = users[0].DisplayName, Product = users[0].Product, Status = "Removed" });
        Open(report);

        Assert.Equal("true", _browser.Evaluate<string>("document.documentElement.getAttribute('data-ready')"));
        Assert.Equal("500 of 500 users", Count());
        var rows = Rows();
        Assert.InRange(rows.Count, 10, 100);
        Assert.Equal(Cells(users[0]), rows[0]);
        Assert.Equal(Cells(users[rows.Count - 1]), rows[^1]);
        Assert.Equal(1, _browser.Evaluate<int>("document.querySelectorAll('#results-removal details[data-status=Removed] tbody tr').length"));
        AssertNoErrors();
        Assert.All(_browser.Requests, url => Assert.StartsWith("file:", url));
    }

    [Theory]
    [InlineData(0, "Name")]
    [InlineData(1, "Email")]
    [InlineData(3, "Site")]
    [InlineData(4, "Last active")]
    [InlineData(5, "Days")]
    [InlineData(7, "Account ID")]
    public void Sorting_by_a_column_orders_every_row_and_a_second_click_reverses_it(int column, string header)
    {
        var users = ReportSamples.Users(300, seed: 5);
        Open(ReportSamples.Report(users));
        Assert.Equal(header, _browser.Evaluate<string>($"document.querySelectorAll('#users thead th')[{column}].textContent"));

        _browser.Evaluate($"document.querySelectorAll('#users thead th button')[{column}].click()");
        // Days sort longest-inactive first on the first click; every other column A to Z.
        bool descending = column == 5;
        Assert.Equal(descending ? "descending" : "ascending", _browser.Evaluate<string>($"document.querySelectorAll('#users thead th')[{column}].getAttribute('aria-sort')"));
        Assert.Equal(Expected(users, column, descending), AllRows());

        _browser.Evaluate($"document.querySelectorAll('#users thead th button')[{column}].click()");
        Assert.Equal(Expected(users, column, !descending), AllRows());
        AssertNoErrors();
    }

    [Fact]
    public void Filtering_as_you_type_keeps_the_rows_that_match_every_word()
    {
        var users = ReportSamples.Users(400, seed: 7);
        Open(ReportSamples.Report(users));

        Type("user123@");
        var rows = AllRows();
        Assert.Equal([Cells(users[123])], rows);
        Assert.Equal("1 of 400 users", Count());

        Type("ACME-EU never");
        var expected = users.Where(u => u.Site == "acme-eu" && u.LastActive is null).Select(Cells).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, AllRows());

        Type("no such user anywhere");
        Assert.Empty(Rows());
        Assert.Equal("No user matches the filter.", _browser.Evaluate<string>("document.querySelector('#rows td.empty').textContent"));

        Type(string.Empty);
        Assert.Equal("400 of 400 users", Count());
        AssertNoErrors();
    }

    [Fact]
    public void Hostile_names_titles_and_messages_stay_text_even_without_the_content_security_policy()
    {
        var users = ReportSamples.Users(40, hostile: true);
        string hostileTitle = ReportSamples.HostileNames[0] + " report";
        var report = ReportSamples.Report(users, new ReportOptions { Title = hostileTitle, Currency = ReportSamples.HostileNames[2], PricePerSeat = 1 });
        report.Results.Add(new ReportResult { AccountId = "x<y>", DisplayName = ReportSamples.HostileNames[1], Status = "Skipped", Message = ReportSamples.HostileNames[0] });
        report.Results.Add(new ReportResult { AccountId = "z", DisplayName = "z", Status = "<svg onload=alert(1)>", Message = "&lt;" });
        // The policy alone would block an injected script: turning it off tests that nothing is injected in the first place.
        Open(report, bypassCsp: true);

        Assert.Equal(0, _browser.Evaluate<int>("document.querySelectorAll('img, h1 *, title *, .results td *, .results summary *, #rows td *').length"));
        Assert.Equal(0, _browser.Evaluate<int>("Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length"));
        Assert.Equal(2, _browser.Evaluate<int>("document.scripts.length"));
        Assert.Equal(1, _browser.Evaluate<int>("document.querySelectorAll('svg').length"));
        Assert.Equal("undefined", _browser.Evaluate<string>("typeof window.__pwned"));
        Assert.Empty(_browser.Dialogs);
        Assert.Equal(hostileTitle, _browser.Evaluate<string>("document.title"));
        Assert.Equal(hostileTitle, _browser.Evaluate<string>("document.querySelector('h1').textContent"));
        for (int i = 0; i < ReportSamples.HostileNames.Length; i++)
        {
            Type(users[i].AccountId);
            Assert.Equal([Cells(users[i])], AllRows());
        }

        var resultCells = _browser.Evaluate("Array.from(document.querySelectorAll('.results td')).map(td => td.textContent)")!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains(ReportSamples.HostileNames[0], resultCells);
        Assert.Contains(ReportSamples.HostileNames[1], resultCells);
        Assert.Contains("&lt;", resultCells);
        Assert.Equal("<svg onload=alert(1)> (1)", _browser.Evaluate<string>("document.querySelector('.results details:last-of-type summary').textContent"));
        AssertNoErrors();
    }

    [Fact]
    public void A_hundred_thousand_rows_load_sort_filter_and_scroll()
    {
        var users = ReportSamples.Users(100_000, seed: 11);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Open(ReportSamples.Report(users));
        _output.WriteLine($"load: {clock.ElapsedMilliseconds} ms (information, not asserted)");

        Assert.Equal("100,000 of 100,000 users", Count());
        Assert.InRange(Rows().Count, 10, 200);

        clock.Restart();
        _browser.Evaluate("document.querySelectorAll('#users thead th button')[5].click()");
        _output.WriteLine($"sort by days: {clock.ElapsedMilliseconds} ms");
        Assert.Equal(Expected(users, 5, descending: true).Take(10), Rows().Take(10));

        clock.Restart();
        Type(users[76_543].AccountId);
        _output.WriteLine($"filter: {clock.ElapsedMilliseconds} ms");
        Assert.Equal([Cells(users[76_543])], AllRows());

        Type(string.Empty);
        _browser.Evaluate("(() => { const v = document.getElementById('viewport'); v.scrollTop = v.scrollHeight; v.dispatchEvent(new Event('scroll')); })()");
        Assert.Equal(Expected(users, 5, descending: true)[^1], Rows()[^1]);
        AssertNoErrors();
    }

    [Fact]
    public void Follows_the_dark_colour_scheme_and_prints_every_row_without_the_controls()
    {
        Open(ReportSamples.Report(ReportSamples.Users(120, seed: 2)));
        string light = _browser.Evaluate<string>("getComputedStyle(document.body).backgroundColor");
        try
        {
            _browser.EmulateMedia("screen", "dark");
            string dark = _browser.Evaluate<string>("getComputedStyle(document.body).backgroundColor");
            Assert.NotEqual(light, dark);

            _browser.EmulateMedia("print", "light");
            Assert.Equal("none", _browser.Evaluate<string>("getComputedStyle(document.getElementById('filter')).display"));
            Assert.Equal("visible", _browser.Evaluate<string>("getComputedStyle(document.getElementById('viewport')).overflowY"));
            _browser.Evaluate("window.dispatchEvent(new Event('beforeprint'))");
            Assert.Equal(120, Rows().Count);
            _browser.Evaluate("window.dispatchEvent(new Event('afterprint'))");
        }
        finally
        {
            _browser.EmulateMedia(string.Empty, "light");
        }

        AssertNoErrors();
    }

    [Fact]
    public void The_chart_has_a_bar_per_month_and_the_never_used_apart()
    {
        var users = ReportSamples.Users(250, seed: 9);
        var histogram = ActivityHistogram.From(users);
        Open(ReportSamples.Report(users));

        int bars = histogram.Months.Count + (histogram.Earlier > 0 ? 1 : 0) + 1;
        Assert.Equal(bars, _browser.Evaluate<int>("document.querySelectorAll('#activity svg rect').length"));
        Assert.Equal($"Never used: {users.Count(u => u.NeverActive)} users", _browser.Evaluate<string>("document.querySelector('#activity svg rect.never title').textContent"));
        Assert.Equal(histogram.Months.Sum(m => m.Users) + histogram.Earlier + histogram.NeverActive, users.Count);
        AssertNoErrors();
    }

    [Fact]
    public void The_reviewer_unticks_users_to_keep_and_downloads_the_rest_as_the_plan_file_with_their_values_unchanged_but_formulas_as_text()
    {
        var users = ReportSamples.WithPlans(ReportSamples.Users(60, seed: 13, hostile: true));
        string folder = Directory.CreateTempSubdirectory("jiradeactivate-download-").FullName;
        try
        {
            Open(ReportSamples.Report(users));
            _browser.AllowDownloads(folder);
            Assert.Equal("60 of 60 ticked", Selected());

            // One by one, and every user the filter shows at once.
            Pick(3);
            Pick(10);
            Type("acme-eu never");
            var hidden = users.Select((u, i) => (u, i)).Where(p => p.u.Site == "acme-eu" && p.u.LastActive is null).Select(p => p.i).ToList();
            Assert.NotEmpty(hidden);
            _browser.Evaluate("document.getElementById('pick-all').click()");
            Assert.False(_browser.Evaluate<bool>("document.getElementById('pick-all').checked"));
            Type(string.Empty);
            var kept = new HashSet<int>(hidden) { 3, 10 };
            Assert.Equal($"{60 - kept.Count} of 60 ticked", Selected());
            Assert.True(_browser.Evaluate<bool>("document.getElementById('pick-all').indeterminate"));
            Assert.False(_browser.Evaluate<bool>("document.querySelector('#rows input[data-row=\"3\"]').checked"));

            _browser.Evaluate("document.getElementById('download').click()");
            string file = Path.Combine(folder, $"removal-plan-{ReportSamples.AsOf:yyyy-MM-dd}.csv");
            _browser.WaitForDownload(file);

            var (header, rows) = ReadCsv(file);
            var expected = users.Where((_, i) => !kept.Contains(i)).ToList();
            Assert.Equal(ReportSamples.PlanColumns, header);
            Assert.Equal(expected.Count, rows.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Equal(ReportSamples.PlanColumns.Select(c => AsDownloaded(c, expected[i].Plan[c])), rows[i]);
            }

            Assert.Equal($"Downloaded {expected.Count} rows as removal-plan-{ReportSamples.AsOf:yyyy-MM-dd}.csv", Selected());
            AssertNoErrors();
            Assert.All(_browser.Requests, url => Assert.Matches("^(file|blob):", url));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Names, emails and org roles that start like a formula are text in a spreadsheet (a leading apostrophe); the rest as given.
    private static string AsDownloaded(string column, string? value) =>
        column is "DisplayName" or "Email" or "OrgRole" && value is ['=' or '+' or '-' or '@', ..] ? "'" + value : value ?? string.Empty;

    private void Pick(int row) => _browser.Evaluate($"(() => {{ const box = document.querySelector('#rows input[data-row=\"{row}\"]'); box.click(); }})()");

    private string Selected() => _browser.Evaluate<string>("document.getElementById('selected').textContent");

    /// <summary>The downloaded file as Import-Csv reads it: a header, then fields per row (CsvHelper, RFC 4180).</summary>
    private static (List<string> Header, List<List<string>> Rows) ReadCsv(string file)
    {
        byte[] bytes = File.ReadAllBytes(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        using var csv = CsvHelper.CsvReader.FromText(System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), null);
        var header = csv.Headers!.ToList();
        var rows = new List<List<string>>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, header.Count).Select(i => csv.GetString(i)).ToList());
        }

        return (header, rows);
    }

    private void Open(InactivityReport report, bool bypassCsp = false)
    {
        string file = ReportSamples.WriteHtmlFile(report);
        _files.Add(file);
        _browser.Open(file, bypassCsp);
    }

    private void Type(string text) =>
        _browser.Evaluate($"(() => {{ const f = document.getElementById('filter'); f.value = {JsonSerializer.Serialize(text)}; f.dispatchEvent(new Event('input')); }})()");

    private string Count() => _browser.Evaluate<string>("document.getElementById('count').textContent");

    private List<List<string>> Rows() => _browser.Evaluate(RowsScript)!.AsArray()
        .Select(row => row!.AsArray().Select(cell => cell!.GetValue<string>()).ToList()).ToList();

    /// <summary>Every row of the current view: the print rendering lists them all (the screen shows a window of them).</summary>
    private List<List<string>> AllRows()
    {
        _browser.Evaluate("window.dispatchEvent(new Event('beforeprint'))");
        var rows = Rows();
        _browser.Evaluate("window.dispatchEvent(new Event('afterprint'))");
        return rows;
    }

    private void AssertNoErrors()
    {
        Assert.Empty(_browser.Exceptions);
        Assert.Empty(_browser.LogErrors);
    }

    private static List<string> Cells(ReportUser user) =>
    [
        user.DisplayName ?? string.Empty,
        user.Email ?? string.Empty,
        InactivityReport.ProductDisplayName(user.Product),
        user.Site ?? string.Empty,
        user.LastActive is { } last ? last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "never",
        user.DaysInactive?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        user.Source ?? string.Empty,
        user.AccountId,
    ];

    /// <summary>The rows in the order the page must show them: by the column's value, ties in input order.</summary>
    private static List<List<string>> Expected(List<ReportUser> users, int column, bool descending)
    {
        var indexed = users.Select((user, index) => (Cells: Cells(user), User: user, Index: index)).ToList();
        Comparison<(List<string> Cells, ReportUser User, int Index)> compare = column == 5
            ? (a, b) => (a.User.DaysInactive ?? 0).CompareTo(b.User.DaysInactive ?? 0)
            : column == 4
                ? (a, b) => string.CompareOrdinal(a.User.LastActive is null ? string.Empty : a.Cells[4], b.User.LastActive is null ? string.Empty : b.Cells[4])
                : (a, b) => string.CompareOrdinal(a.Cells[column].ToLowerInvariant(), b.Cells[column].ToLowerInvariant());
        indexed.Sort((a, b) =>
        {
            int order = compare(a, b);
            return order != 0 ? (descending ? -order : order) : a.Index.CompareTo(b.Index);
        });
        return indexed.Select(i => i.Cells).ToList();
    }
}
