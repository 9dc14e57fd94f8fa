using JiraDeactivate.Core.Reports;

namespace JiraDeactivate.Core.Tests.Reports;

/// <summary>Reports made of generated users, and the hostile names every renderer must keep as text.</summary>
internal static class ReportSamples
{
    public static readonly DateTime AsOf = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);

    public static readonly string[] HostileNames =
    [
        "<img src=x onerror=\"window.__pwned='img';alert('img')\">",
        "</script><script>window.__pwned='script';alert('script')</script>",
        "\"Quoted\" & 'single' <b>bold</b> & &amp;",
        "\u202Eevil\u202C שלום עליכם مرحبا",
        "👩‍💻 Dev 🚀 | pipe * star _under_ `code` [link](http://x) $x$",
        "line\u2028separator\u2029paragraph <!-- comment",
    ];

    /// <summary><paramref name="count"/> users, the same for the same seed; the hostile names first when asked.</summary>
    public static List<ReportUser> Users(int count, int seed = 1, bool hostile = false)
    {
        var random = new Random(seed);
        var users = new List<ReportUser>(count);
        for (int i = 0; i < count; i++)
        {
            string name = hostile && i < HostileNames.Length ? HostileNames[i] : $"User {i:D6} {(char)('A' + random.Next(26))}{(char)('a' + random.Next(26))}";
            bool never = random.Next(5) == 0;
            int days = 31 + random.Next(1500);
            users.Add(new ReportUser
            {
                AccountId = $"712020:{i:x8}-{seed:x4}",
                DisplayName = name,
                Email = $"user{i}@acme.example",
                Product = random.Next(3) == 0 ? "JiraServiceManagement" : "JiraSoftware",
                Site = random.Next(2) == 0 ? "acme" : "acme-eu",
                LastActive = never ? null : AsOf.AddDays(-1 - days).Date,
                DaysInactive = days,
                NeverActive = never,
                Source = "Csv",
            });
        }

        return users;
    }

    /// <summary>The columns Remove-JiraProductAccess binds, as the report's plan file carries them.</summary>
    public static readonly string[] PlanColumns = ["AccountId", "Product", "Site", "DisplayName", "Email", "MoreThan", "AsOf", "OrgRole", "Judgment"];

    /// <summary>The users with the plan values an input object would give, hostile text, quotes, commas and line breaks included.</summary>
    public static List<ReportUser> WithPlans(List<ReportUser> users) => users.Select((user, i) => user with
    {
        MoreThan = 90,
        AsOf = AsOf,
        Plan = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AccountId"] = user.AccountId,
            ["Product"] = user.Product,
            ["Site"] = user.Site,
            ["DisplayName"] = user.DisplayName,
            ["Email"] = i % 7 == 0 ? null : user.Email,
            ["MoreThan"] = "90",
            ["AsOf"] = "2026-11-02T00:00:00.0000000Z",
            ["OrgRole"] = i % 5 == 0 ? "=HYPERLINK(\"x\"),\"a\nb\"" : string.Empty,
            ["Judgment"] = $"v1.{i:x4}.{Convert.ToBase64String(BitConverter.GetBytes(i * 7919L))}==",
        },
    }).ToList();

    public static InactivityReport Report(IEnumerable<ReportUser> users, ReportOptions? options = null)
    {
        var report = new InactivityReport(options ?? new ReportOptions { GeneratedAt = AsOf });
        report.Users.AddRange(users);
        return report;
    }

    public static string Html(InactivityReport report)
    {
        using var stream = new MemoryStream();
        HtmlReportWriter.Write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Markdown(InactivityReport report)
    {
        using var writer = new StringWriter();
        MarkdownReportWriter.Write(report, writer);
        return writer.ToString();
    }

    /// <summary>Writes the report as HTML into a new temporary file and returns its path.</summary>
    public static string WriteHtmlFile(InactivityReport report)
    {
        string path = Path.Combine(Path.GetTempPath(), $"jiradeactivate-report-{Guid.NewGuid():N}.html");
        using var stream = File.Create(path);
        HtmlReportWriter.Write(report, stream);
        return path;
    }
}
