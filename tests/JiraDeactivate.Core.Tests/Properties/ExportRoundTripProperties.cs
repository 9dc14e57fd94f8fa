using System.Text;
using FsCheck;
using FsCheck.Fluent;
using JiraDeactivate.Core.Csv;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Tests.Properties;

/// <summary>Generated "Export users" files read back to the users they were written from.</summary>
public class ExportRoundTripProperties
{
    private const string Header =
        "User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Last seen in Jira Service Management - acme,Jira - acme,Jira Service Management - acme,Group name";

    // Pieces of text that trouble CSV readers and spreadsheets: delimiters, quotes, line breaks, formula starts,
    // characters outside ASCII and outside the BMP.
    private static readonly string[] s_atoms =
    [
        "a", "Zoë", "Müller", "O'Brien", "李", "🙂", " ", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "=", "+", "-", "@", "=HYPERLINK(\"http://x\")", "Ĳ", "ß", "#", "'", "|", ":",
    ];

    private static readonly string[] s_statuses = ["Active", "Suspended", "Deactivated"];

    public sealed record GeneratedUser(string AccountId, string Name, string? Email, string Status, DateTime? Added, string? OrgRole,
        DateTime? JiraSeen, bool JiraAccess, DateTime? JsmSeen, bool JsmAccess, string[] Groups);

    private static Gen<string> Text(int min, int max) =>
        from count in Gen.Choose(min, max)
        from atoms in Gen.Elements(s_atoms).ListOf(count)
        select string.Concat(atoms);

    private static Gen<DateTime?> Date() =>
        Gen.OneOf(
            Gen.Constant<DateTime?>(null),
            from day in Gen.Choose(0, 365 * 12) select (DateTime?)new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(day));

    // A name may hold a few line breaks, as an export can; more, or a line that looks like a row, is a stray quote.
    private static bool IsExportableName(string name) =>
        name.Trim().Length > 0
        && name.Count(c => c == '\n') <= UserExportReader.MaxLineBreaksInName
        && name.Split('\n').Skip(1).All(line => line.Count(c => c == ',') < 5);

    private static Gen<GeneratedUser> User(int index) =>
        from name in Text(1, 8).Where(IsExportableName)
        from hasEmail in Gen.Elements(true, false)
        from status in Gen.Elements(s_statuses)
        from added in Date()
        from admin in Gen.Elements(true, false, false)
        from jiraSeen in Date()
        from jiraAccess in Gen.Elements(true, false)
        from jsmSeen in Date()
        from jsmAccess in Gen.Elements(true, false)
        from groups in Gen.Elements("jira-software-users", "jsm-agents", "=cmd|' /C calc'!A0", "+grp", "-grp", "@grp", "grp \"quoted\"").ListOf()
        select new GeneratedUser(
            $"712020:{index:D4}-{Math.Abs(name.GetHashCode()) % 1000}", name, hasEmail ? $"u{index}@x.example" : null, status, added,
            admin ? "Organization admin" : null, jiraSeen, jiraAccess, jsmSeen, jsmAccess, groups.Distinct().ToArray());

    private static Gen<GeneratedUser[]> Users() =>
        from count in Gen.Choose(1, 25)
        from users in Gen.CollectToArray(Enumerable.Range(0, count), User)
        select users;

    private static string Quote(string value) =>
        value.Length > 0 && value.IndexOfAny([',', '"', '\n', '\r', ';', '\t']) < 0 && value.Trim() == value ? value : $"\"{value.Replace("\"", "\"\"")}\"";

    private static string Day(DateTime? date, string none) =>
        date is { } d ? d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) : none;

    private static string Write(IEnumerable<GeneratedUser> users)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var u in users)
        {
            string[] fields =
            [
                u.AccountId, u.Name, u.Email ?? "", u.Status, Day(u.Added, ""), u.OrgRole ?? "", Day(u.JiraSeen, "Never accessed"), Day(u.JsmSeen, "Never accessed"),
                u.JiraAccess ? "User" : "", u.JsmAccess ? "User" : "", string.Join(", ", u.Groups),
            ];
            text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return text.ToString();
    }

    private static bool ReadsBack(GeneratedUser[] users, Encoding encoding)
    {
        using var stream = new MemoryStream(encoding.GetPreamble().Concat(encoding.GetBytes(Write(users))).ToArray());
        var records = UserExportReader.Read(stream, "generated.csv").ToList();
        var read = records.Select(r => r.User).OfType<JiraUserActivity>().ToList();
        if (records.Any(r => r.Issue is not null) || read.Count != users.Length)
        {
            return false;
        }

        for (int i = 0; i < users.Length; i++)
        {
            var (u, r) = (users[i], read[i]);
            var jira = r.Products.Single(p => p.ProductValue == JiraProduct.JiraSoftware);
            var jsm = r.Products.Single(p => p.ProductValue == JiraProduct.JiraServiceManagement);
            bool same = r.AccountId == u.AccountId
                && r.DisplayName == u.Name.Trim()
                && r.Email == u.Email
                && r.Status.ToString() == u.Status
                && r.AddedToOrg == u.Added
                && r.OrgRole == u.OrgRole
                && jira.LastSeen == u.JiraSeen && jira.NeverAccessed == (u.JiraSeen is null) && jira.HasAccess == u.JiraAccess && jira.Site == "acme"
                && jsm.LastSeen == u.JsmSeen && jsm.NeverAccessed == (u.JsmSeen is null) && jsm.HasAccess == u.JsmAccess
                && r.Groups.SequenceEqual(u.Groups.SelectMany(g => g.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Generated_exports_read_back_to_the_same_users_in_utf8() =>
        Prop.ForAll(Users().ToArbitrary(), users => ReadsBack(users, new UTF8Encoding(false))).QuickCheckThrowOnFailure();

    [Fact]
    public void Generated_exports_read_back_to_the_same_users_in_utf16_with_a_byte_order_mark() =>
        Prop.ForAll(Users().ToArbitrary(), users => ReadsBack(users, Encoding.Unicode)).QuickCheckThrowOnFailure();
}
