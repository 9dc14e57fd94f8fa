using System.Text;
using JiraDeactivate.Core.Csv;
using JiraDeactivate.Core.Products;

namespace JiraDeactivate.Core.Tests.Csv;

/// <summary>Files that are broken, hostile or from another program (issue 7); see docs/reliability.md.</summary>
public class BadInputTests
{
    private const string Header = "User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Jira - acme";

    private static List<ExportRecord> ReadBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return UserExportReader.Read(stream, "bad.csv").ToList();
    }

    [Fact]
    public void A_binary_file_is_not_a_users_export()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x50; // "PK": a zip (xlsx) file, a common mistake
        bytes[1] = 0x4B;

        var error = Assert.Throws<UserExportFormatException>(() => ReadBytes(bytes));

        Assert.Contains("bad.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_megabyte_field_is_read_whole_and_the_next_rows_still_come_out()
    {
        string huge = new('x', 1 << 20);
        var users = ExportText.Users($"{Header}\na1,\"{huge}\",a@x.example,Active,1 Jan 2024,,2 Feb 2024,User\na2,B,b@x.example,Active,1 Jan 2024,,3 Mar 2024,User\n");

        Assert.Equal(["a1", "a2"], users.Select(u => u.AccountId));
        Assert.Equal(1 << 20, users[0].DisplayName!.Length);
    }

    [Fact]
    public void A_one_megabyte_field_that_is_never_closed_produces_no_user_and_an_issue()
    {
        string huge = new('x', 1 << 20);
        var records = ExportText.Read($"{Header}\na1,A,a@x.example,Active,1 Jan 2024,,2 Feb 2024,User\na2,\"{huge},b@x.example,Active,1 Jan 2024,,3 Mar 2024,User\n");

        Assert.Equal("a1", Assert.Single(records, r => r.User is not null).User!.AccountId);
        Assert.Equal(ExportIssueKind.MalformedRow, Assert.Single(records, r => r.Issue is not null).Issue!.Kind);
    }

    [Theory]
    [InlineData("01/03/2024")]
    [InlineData("2024.01.03")]
    [InlineData("3 janv. 2024")]
    [InlineData("Jan 3, 2024")]
    public void A_date_in_another_format_is_an_invalid_value_naming_the_value(string date)
    {
        var records = ExportText.Read($"{Header}\na1,A,a@x.example,Active,1 Jan 2024,,{(date.Contains(',', StringComparison.Ordinal) ? $"\"{date}\"" : date)},User\na2,B,b@x.example,Active,1 Jan 2024,,3 Mar 2024,User\n");

        var issue = Assert.Single(records, r => r.Issue is not null).Issue!;
        Assert.Equal((ExportIssueKind.InvalidValue, "a1"), (issue.Kind, issue.AccountId));
        Assert.Contains($"'{date}'", issue.Message, StringComparison.Ordinal);
        Assert.Equal("a2", Assert.Single(records, r => r.User is not null).User!.AccountId);
    }

    [Theory]
    [InlineData("2024-01-03")]
    [InlineData("2024-01-03T10:11:12Z")]
    [InlineData("3 January 2024")]
    public void Unambiguous_date_formats_are_read(string date)
    {
        var user = Assert.Single(ExportText.Users($"{Header}\na1,A,a@x.example,Active,1 Jan 2024,,{date},User\n"));

        Assert.Equal(new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc), user.Products.Single(p => p.ProductValue == JiraProduct.JiraSoftware).LastSeen);
    }

    [Fact]
    public void Values_that_start_like_spreadsheet_formulas_are_kept_as_text()
    {
        var user = Assert.Single(ExportText.Users($"{Header},Group name\n" +
            "-a1,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",@x.example,Active,1 Jan 2024,+cmd,2 Feb 2024,User,\"=cmd|' /C calc'!A0, -grp, @grp, +grp\"\n"));

        Assert.Equal("-a1", user.AccountId);
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"x\")", user.DisplayName);
        Assert.Equal("@x.example", user.Email);
        Assert.Equal("+cmd", user.OrgRole);
        Assert.Equal(["=cmd|' /C calc'!A0", "-grp", "@grp", "+grp"], user.Groups);
    }

    [Fact]
    public void Excel_unicode_text_utf16_with_tabs_is_read()
    {
        string text = "User id\tUser name\temail\tUser status\tLast seen in Jira - acme\r\na1\tZoë, Müller\tz@x.example\tActive\t2 Feb 2024\r\n";
        var records = ReadBytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);

        var user = Assert.Single(records).User!;
        Assert.Equal("Zoë, Müller", user.DisplayName);
    }

    [Fact]
    public void Utf16_big_endian_with_a_byte_order_mark_is_read()
    {
        var encoding = Encoding.BigEndianUnicode;
        var records = ReadBytes([.. encoding.GetPreamble(), .. encoding.GetBytes("User id,User name,email,User status\na1,Łukasz,l@x.example,Active\n")]);

        Assert.Equal("Łukasz", Assert.Single(records).User!.DisplayName);
    }

    [Fact]
    public void Latin1_after_a_long_ascii_start_is_still_read_as_latin1()
    {
        // The encoding is guessed from the first 64 KB; a file whose first accent comes later must not turn into U+FFFD.
        var rows = new StringBuilder("User id,User name,email,User status\n");
        for (int i = 0; i < 3000; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"u{i},Plain Name {i},u{i}@x.example,Active\n");
        }

        rows.Append("z1,Zoë Müller,z@x.example,Active\n");
        var records = ReadBytes(Encoding.Latin1.GetBytes(rows.ToString()));

        Assert.Equal("Zoë Müller", records.Last().User!.DisplayName);
    }
}
