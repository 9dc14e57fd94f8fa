using System.Security;
using JiraDeactivate.Core.Http;
using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate.Core.Tests.Runs;

/// <summary>The session's connect checks against a fake Jira and Admin API behind an HttpMessageHandler (issue 16).</summary>
public sealed class ConnectCheckTests
{
    private const string Token = "token-that-must-not-show";
    private const string Myself = """{"accountId":"me","accountType":"atlassian","active":true,"displayName":"Admin","emailAddress":"admin@acme.example"}""";
    private const string Administrator = """{"permissions":{"ADMINISTER":{"havePermission":true}}}""";
    private const string NotAdministrator = """{"permissions":{"ADMINISTER":{"havePermission":false}}}""";
    private const string OneOrg = """{"data":[{"id":"org-1","type":"orgs","attributes":{"name":"Acme"}}],"links":{}}""";
    private const string TwoOrgs = """{"data":[{"id":"org-1","type":"orgs","attributes":{"name":"Acme"}},{"id":"org-2","type":"orgs","attributes":{"name":"Other"}}],"links":{}}""";

    private static SecureString Secret(string text)
    {
        var secret = new SecureString();
        foreach (char c in text)
        {
            secret.AppendChar(c);
        }

        return secret;
    }

    private static Task<JiraAdminSession> ConnectAsync(FakeAtlassian fake, bool site = true, bool admin = false) =>
        SessionConnector.ConnectAsync(new ConnectRequest
        {
            Site = site ? new Uri("https://acme.atlassian.net") : null,
            SiteCredential = site ? ApiCredential.Basic("admin@acme.example", Secret(Token)) : null,
            AdminApiKey = admin ? ApiCredential.Bearer(Secret("key-that-must-not-show")) : null,
            AdminApiUri = new Uri("https://api.atlassian.com"),
            Http = new HttpClientOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(2), Network = fake },
        }, CancellationToken.None);

    private static FakeAtlassian Fake(int myself = 200, string permissions = Administrator, int orgs = 200, string orgBody = OneOrg) => new((_, path, _) => path switch
    {
        _ when path.Contains("/myself", StringComparison.Ordinal) => (myself, myself == 200 ? Myself : """{"errorMessages":["Client must be authenticated"]}"""),
        _ when path.Contains("/mypermissions", StringComparison.Ordinal) => (200, permissions),
        _ when path.Contains("/serverInfo", StringComparison.Ordinal) => (200, """{"baseUrl":"https://acme.atlassian.net"}"""),
        _ when path.StartsWith("/admin/v1/orgs", StringComparison.Ordinal) => (orgs, orgs == 200 ? orgBody : """{"code":401,"message":"Unauthorized"}"""),
        _ => (404, "{}"),
    });

    [Fact]
    public async Task A_refused_token_is_BadToken_and_the_message_holds_no_secret()
    {
        var error = await Assert.ThrowsAsync<ConnectException>(() => ConnectAsync(Fake(myself: 401)));

        Assert.Equal(ConnectFailure.BadToken, error.Failure);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_without_Administer_Jira_is_NotAdministrator()
    {
        var error = await Assert.ThrowsAsync<ConnectException>(() => ConnectAsync(Fake(permissions: NotAdministrator)));

        Assert.Equal(ConnectFailure.NotAdministrator, error.Failure);
    }

    [Fact]
    public async Task A_refused_API_key_is_BadApiKey_and_two_organizations_need_OrganizationId()
    {
        var refused = await Assert.ThrowsAsync<ConnectException>(() => ConnectAsync(Fake(orgs: 401), site: false, admin: true));
        var two = await Assert.ThrowsAsync<ConnectException>(() => ConnectAsync(Fake(orgBody: TwoOrgs), site: false, admin: true));

        Assert.Equal(ConnectFailure.BadApiKey, refused.Failure);
        Assert.DoesNotContain("key-that-must-not-show", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(ConnectFailure.WrongOrganization, two.Failure);
        Assert.Contains("-OrganizationId", two.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_connection_checks_each_credential_with_a_real_call_and_holds_both_clients()
    {
        var fake = Fake();

        using var session = await ConnectAsync(fake, site: true, admin: true);

        Assert.Equal("acme", session.SiteName);
        Assert.Equal("org-1", session.Organization!.Id);
        Assert.NotNull(session.Lifecycle);
        Assert.Single(fake.CallsTo("GET", "/rest/api/3/myself"));
        Assert.Single(fake.CallsTo("GET", "/rest/api/3/mypermissions"));
        Assert.Single(fake.CallsTo("GET", "/admin/v1/orgs"));
        Assert.Equal(0, session.Fuse.Changed);
    }

    [Fact]
    public async Task A_Jira_administrator_who_is_not_a_site_administrator_connects_with_a_warning_that_removals_need_site_admin()
    {
        using var session = await ConnectAsync(Fake(permissions: """{"permissions":{"ADMINISTER":{"havePermission":true},"SYSTEM_ADMIN":{"havePermission":false}}}"""));

        Assert.Contains(session.Warnings, w => w.Contains("not a site administrator", StringComparison.Ordinal) && w.Contains("Remove-JiraProductAccess", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_site_administrator_connects_without_a_warning()
    {
        using var session = await ConnectAsync(Fake(permissions: """{"permissions":{"ADMINISTER":{"havePermission":true},"SYSTEM_ADMIN":{"havePermission":true}}}"""));

        Assert.Empty(session.Warnings);
    }
}
