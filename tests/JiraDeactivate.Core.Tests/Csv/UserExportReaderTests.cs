using System.Globalization;
using System.Text;
using JiraDeactivate.Core.Csv;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Core.Tests.Csv;

public class UserExportReaderTests
{
    private const string CurrentHeader =
        "User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Last seen in Jira Service Management - acme,Last seen in Confluence - acme,Jira - acme,Jira Service Management - acme,Confluence - acme,Group name";

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Reads_the_current_format()
    {
        var users = ExportText.Users($"""
            {CurrentHeader}
            712020:aaaa,Ann Lee,ann@acme.example,Active,3 Jan 2024,Organization admin,28 Apr 2024,Never accessed,12 May 2024,User,User,,"jira-software-users, jsm-agents"
            """);

        var ann = Assert.Single(users);
        Assert.Equal("712020:aaaa", ann.AccountId);
        Assert.Equal("Ann Lee", ann.DisplayName);
        Assert.Equal("ann@acme.example", ann.Email);
        Assert.Equal(AccountStatus.Active, ann.StatusValue);
        Assert.Equal(Utc(2024, 1, 3), ann.AddedToOrg);
        Assert.Equal("Organization admin", ann.OrgRole);
        Assert.Equal(["jira-software-users", "jsm-agents"], ann.Groups);
        var jira = Assert.Single(ann.Products, p => p.ProductValue == JiraProduct.JiraSoftware);
        Assert.Equal(("Jira", "acme", true, Utc(2024, 4, 28)), (jira.ProductName, jira.Site, jira.HasAccess, jira.LastSeen));
        var jsm = Assert.Single(ann.Products, p => p.ProductValue == JiraProduct.JiraServiceManagement);
        Assert.True(jsm.NeverAccessed);
        Assert.True(jsm.HasAccess);
        var confluence = Assert.Single(ann.Products, p => p.ProductName == "Confluence");
        Assert.Null(confluence.Product);
        Assert.False(confluence.HasAccess);
        Assert.Equal(2, ann.LineNumber);
    }

    [Fact]
    public void Jira_Software_and_Jira_are_the_same_product()
    {
        var users = ExportText.Users("""
            User id,User name,email,User status,Added to org,Org role,Last seen in Jira Software - old,Jira Software - old,Last seen in Jira - new,Jira - new
            a1,A,a@x.example,Active,1 Jan 2024,,5 Feb 2024,User,6 Mar 2024,User
            """);

        var products = Assert.Single(users).Products.Where(p => p.ProductValue == JiraProduct.JiraSoftware).OrderBy(p => p.Site).ToList();
        Assert.Equal(["new", "old"], products.Select(p => p.Site));
        Assert.Equal([Utc(2024, 3, 6), Utc(2024, 2, 5)], products.Select(p => p.LastSeen!.Value));
    }

    [Fact]
    public void Headers_are_case_insensitive_and_a_missing_site_suffix_is_accepted()
    {
        var users = ExportText.Users("""
            USER ID,user name,EMAIL,user status,ADDED TO ORG,org role,last seen in jira service management
            a1,A,a@x.example,active,1 Jan 2024,,7 Jul 2024
            """);

        var jsm = Assert.Single(Assert.Single(users).Products);
        Assert.Equal(JiraProduct.JiraServiceManagement, jsm.ProductValue);
        Assert.Null(jsm.Site);
        Assert.Null(jsm.HasAccess);
        Assert.Equal(Utc(2024, 7, 7), jsm.LastSeen);
    }

    [Fact]
    public void One_row_per_group_is_merged_into_one_user()
    {
        var users = ExportText.Users("""
            User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Jira - acme,Group id,Group name
            a1,A,a@x.example,Active,1 Jan 2024,,5 Feb 2024,User,g1,jira-software-users
            a1,A,a@x.example,Active,1 Jan 2024,,5 Feb 2024,User,g2,jira-developers
            b2,B,b@x.example,Active,1 Jan 2024,,Never accessed,,g3,confluence-users
            """);

        Assert.Equal(["a1", "b2"], users.Select(u => u.AccountId));
        Assert.Equal(["jira-software-users", "jira-developers"], users[0].Groups);
        Assert.Equal(2, users[0].LineNumber);
        Assert.Equal(4, users[1].LineNumber);
    }

    [Fact]
    public void Conflicting_rows_of_one_user_keep_access_and_the_latest_activity()
    {
        var users = ExportText.Users("""
            User id,User name,email,User status,Added to org,Org role,Last seen in Jira - acme,Jira - acme,Group name
            a1,A,a@x.example,Active,9 Jan 2024,,5 Feb 2024,,g1
            a1,A,a@x.example,Active,1 Jan 2024,,Never accessed,User,g2
            a1,A,a@x.example,Active,5 Jan 2024,,3 Mar 2024,,g3
            """);

        var user = Assert.Single(users);
        var jira = Assert.Single(user.Products);
        Assert.True(jira.HasAccess);
        Assert.Equal(Utc(2024, 3, 3), jira.LastSeen);
        Assert.Equal(Utc(2024, 1, 1), user.AddedToOrg);
    }

    [Fact]
    public void Pivoted_group_columns_are_read()
    {
        var users = ExportText.Users("""
            User id,User name,email,User status,Added to org,Org role,Group 1,Group 2,Group 3
            a1,A,a@x.example,Active,1 Jan 2024,,jira-software-users,jsm-agents,
            """);

        Assert.Equal(["jira-software-users", "jsm-agents"], Assert.Single(users).Groups);
    }

    [Fact]
    public void Reads_the_pre_2021_format_with_yes_no_product_columns()
    {
        var users = ExportText.Users("""
            group_name,username,full_name,email,active,last_login,last_session,Jira Service Desk,Jira Software,Jira Core,Confluence
            group1,fgambale,Frank Gambale,frank@ggam.test,Yes,14 Dec 2012 15:31:57,,Yes,Yes,No,Yes
            group2,fgambale,Frank Gambale,frank@ggam.test,Yes,14 Dec 2012 15:31:57,,Yes,Yes,No,Yes
            group1,jdoe,Jane Doe,jane@ggam.test,No,Never logged in,,No,Yes,No,No
            """);

        Assert.Equal(2, users.Count);
        var frank = users[0];
        Assert.Equal(("fgambale", "Frank Gambale", AccountStatus.Active), (frank.AccountId, frank.DisplayName, frank.StatusValue));
        Assert.Equal(["group1", "group2"], frank.Groups);
        var jsw = Assert.Single(frank.Products, p => p.ProductValue == JiraProduct.JiraSoftware);
        Assert.Equal((true, Utc(2012, 12, 14)), (jsw.HasAccess, jsw.LastSeen));
        Assert.Equal(Utc(2012, 12, 14), Assert.Single(frank.Products, p => p.ProductValue == JiraProduct.JiraServiceManagement).LastSeen);
        Assert.False(Assert.Single(frank.Products, p => p.ProductName == "Confluence").LastSeenReported);
        Assert.Equal(AccountStatus.Deactivated, users[1].StatusValue);
        Assert.True(Assert.Single(users[1].Products, p => p.ProductValue == JiraProduct.JiraSoftware).NeverAccessed);
    }

    [Fact]
    public void Reads_the_intermediate_format_with_last_active_in_jira()
    {
        var users = ExportText.Users("""
            group_name,username,full_name,email,active,created,Last active in Jira,Jira Software,Jira Work Management
            g,u1,U One,u1@x.example,Yes,2 Feb 2020,3 Mar 2021,Yes,No
            """);

        var user = Assert.Single(users);
        Assert.Equal(Utc(2020, 2, 2), user.AddedToOrg);
        var jsw = Assert.Single(user.Products, p => p.ProductValue == JiraProduct.JiraSoftware);
        Assert.Equal((true, Utc(2021, 3, 3)), (jsw.HasAccess, jsw.LastSeen));
    }

    [Fact]
    public void A_file_that_is_not_a_users_export_names_the_missing_columns()
    {
        var error = Assert.Throws<UserExportFormatException>(() => ExportText.Read("""
            id,name,mail
            1,A,a@x.example
            """));

        Assert.Equal(["User id", "User name", "email", "User status"], error.MissingColumns);
        Assert.Contains("test.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("User id, User name, email, User status", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Log in to continue</body></html>")]
    [InlineData("{\"users\": [{\"id\": 1}]}")]
    public void Html_and_json_are_not_users_exports(string content)
    {
        Assert.Throws<UserExportFormatException>(() => ExportText.Read(content));
    }

    [Fact]
    public void An_unparseable_value_reports_file_and_line_and_the_other_rows_still_come_out()
    {
        var records = ExportText.Read($"""
            {CurrentHeader}
            a1,A,a@x.example,Active,3 Jan 2024,,28 Apr 2024,,,User,,,
            a2,B,b@x.example,Active,3 Jan 2024,,yesterday,,,User,,,
            a3,C,c@x.example,Active,3 Jan 2024,,28 Apr 2024,,,User,,,
            """);

        Assert.Equal(["a1", "a3"], records.Where(r => r.User is not null).Select(r => r.User!.AccountId));
        var issue = Assert.Single(records, r => r.Issue is not null).Issue!;
        Assert.Equal((ExportIssueKind.InvalidValue, 3L, "a2"), (issue.Kind, issue.LineNumber, issue.AccountId));
        Assert.Contains("test.csv:3", issue.Message, StringComparison.Ordinal);
        Assert.Contains("'yesterday'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_status_is_an_invalid_value()
    {
        var issue = Assert.Single(ExportText.Issues("""
            User id,User name,email,User status
            a1,A,a@x.example,Pending
            """));

        Assert.Equal(ExportIssueKind.InvalidValue, issue.Kind);
        Assert.Contains("'Pending' is not a user status", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_the_wrong_field_count_is_malformed()
    {
        var records = ExportText.Read("""
            User id,User name,email,User status
            a1,A,a@x.example,Active,extra
            a2,B,b@x.example,Active
            """);

        Assert.Equal(ExportIssueKind.MalformedRow, records[0].Issue!.Kind);
        Assert.Equal(2, records[0].Issue!.LineNumber);
        Assert.Equal("a2", records[1].User!.AccountId);
    }

    [Fact]
    public void A_truncated_quoted_field_does_not_produce_a_user()
    {
        var records = ExportText.Read("User id,User name,email,User status\na1,A,a@x.example,Active\na2,\"B unterminated,b@x.example,Active\n");

        Assert.Equal("a1", Assert.Single(records, r => r.User is not null).User!.AccountId);
        Assert.Equal(ExportIssueKind.MalformedRow, Assert.Single(records, r => r.Issue is not null).Issue!.Kind);
    }

    [Fact]
    public void A_multi_line_quoted_name_keeps_line_numbers_true()
    {
        var records = ExportText.Read("User id,User name,email,User status\na1,\"Two\nLines\",a@x.example,Active\na2,B,b@x.example,Nope\n");

        Assert.Equal("Two\nLines", Assert.Single(records, r => r.User is not null).User!.DisplayName);
        Assert.Equal(4, Assert.Single(records, r => r.Issue is not null).Issue!.LineNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void An_empty_file_is_a_warning_and_no_users(string content)
    {
        var record = Assert.Single(ExportText.Read(content));

        Assert.Equal(ExportIssueKind.EmptyFile, record.Issue!.Kind);
    }

    [Fact]
    public void A_user_whose_rows_are_apart_comes_out_twice_with_a_warning()
    {
        var records = ExportText.Read("""
            User id,User name,email,User status
            a1,A,a@x.example,Active
            b2,B,b@x.example,Active
            a1,A,a@x.example,Active
            """);

        Assert.Equal(3, records.Count(r => r.User is not null));
        Assert.Equal(ExportIssueKind.UserRowsSplit, Assert.Single(records, r => r.Issue is not null).Issue!.Kind);
    }

    [Fact]
    public void Semicolon_separated_exports_are_read()
    {
        var users = ExportText.Users("""
            User id;User name;email;User status;Last seen in Jira - acme
            a1;A, the first;a@x.example;Active;2 Feb 2024
            """);

        Assert.Equal("A, the first", Assert.Single(users).DisplayName);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("latin-1")]
    public void Encodings_are_detected(string encodingName)
    {
        var encoding = encodingName switch
        {
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-8" => new UTF8Encoding(false),
            "utf-16" => Encoding.Unicode,
            _ => Encoding.Latin1,
        };
        string path = Path.Combine(Path.GetTempPath(), $"jd-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "User id,User name,email,User status\na1,Zoë Müller,z@x.example,Active\n", encoding);
        try
        {
            var user = Assert.Single(UserExportReader.Read(path)).User!;

            Assert.Equal("a1", user.AccountId);
            Assert.Equal("Zoë Müller", user.DisplayName);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ja-JP")]
    public void Reading_does_not_depend_on_the_current_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var user = Assert.Single(ExportText.Users("""
                USER ID,User Name,EMAIL,User Status,Added To Org,Last Seen In Jira - acme
                i1,I,i@x.example,ACTIVE,1 Mar 2024,31 Oct 2024
                """));

            Assert.Equal(Utc(2024, 3, 1), user.AddedToOrg);
            Assert.Equal(Utc(2024, 10, 31), user.Products[0].LastSeen);
            Assert.Equal(AccountStatus.Active, user.StatusValue);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void The_shipped_sample_has_every_case()
    {
        var records = UserExportReader.Read(Path.Combine(AppContext.BaseDirectory, "samples", "export-users.csv")).ToList();
        var users = records.Select(r => r.User).OfType<JiraUserActivity>().ToList();

        Assert.DoesNotContain(records, r => r.Issue is not null);
        Assert.Equal(300, users.Count);
        Assert.Equal(300, users.Select(u => u.AccountId).Distinct().Count());
        Assert.Contains(users, u => u.StatusValue == AccountStatus.Suspended);
        Assert.Contains(users, u => u.StatusValue == AccountStatus.Deactivated);
        Assert.Contains(users, u => u.OrgRole is not null);
        Assert.Contains(users, u => u.DisplayName!.Contains(',', StringComparison.Ordinal));
        var jira = users.SelectMany(u => u.Products).Where(p => p.ProductValue == JiraProduct.JiraSoftware).ToList();
        Assert.Equal(["acme", "acme-eu"], jira.Select(p => p.Site!).Distinct().Order());
        Assert.Contains(jira, p => p.HasAccess == true && p.NeverAccessed);
        Assert.Contains(jira, p => p.HasAccess == false);
        Assert.Contains(jira, p => p.HasAccess == true && p.LastSeen is not null);
    }
    [Fact]
    public void Reading_for_one_product_keeps_only_its_activity_and_reads_no_other_column()
    {
        // The JSM and Confluence dates are not dates: read for Jira Software only, they are never looked at.
        string csv = $"""
            {CurrentHeader}
            712020:aaaa,Ann Lee,ann@acme.example,Active,3 Jan 2024,,28 Apr 2024,soon,later,User,User,,jira-software-users
            712020:bbbb,Bo Ng,bo@acme.example,Active,3 Jan 2024,,Never accessed,2 May 2024,12 May 2024,User,User,User,jira-software-users
            """.ReplaceLineEndings("\n");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));

        var records = UserExportReader.Read(stream, "test.csv", onlyProduct: JiraProduct.JiraSoftware).ToList();

        Assert.All(records, record => Assert.Null(record.Issue));
        Assert.Equal(["712020:aaaa", "712020:bbbb"], records.Select(r => r.User!.AccountId));
        var ann = Assert.Single(records[0].User!.Products);
        Assert.Equal((JiraProduct.JiraSoftware, "acme", true, Utc(2024, 4, 28)), (ann.ProductValue, ann.Site, ann.HasAccess, ann.LastSeen));
        Assert.True(Assert.Single(records[1].User!.Products).NeverAccessed);

        // Read whole, the first row's other dates are errors, as Import-CsvExport reports them.
        Assert.Single(ExportText.Issues(csv), issue => issue.Kind == ExportIssueKind.InvalidValue && issue.LineNumber == 2);
    }
}
