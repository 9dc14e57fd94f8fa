using System.Security;
using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Http;
using JiraDeactivate.Core.Tests.Http;

namespace JiraDeactivate.Core.Tests.Atlassian;

/// <summary>The Admin API client on shapes the emulator does not give: the array form of one organization, odd pages.</summary>
public sealed class AdminApiClientTests
{
    private static AtlassianHttpClient Client(Uri baseAddress)
    {
        using var key = new SecureString();
        foreach (char c in "key-0123456789")
        {
            key.AppendChar(c);
        }

        var options = new HttpClientOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(20) };
        return AtlassianHttpClientFactory.Create(baseAddress, ApiCredential.Bearer(key), options, new HttpCallStats());
    }

    [Theory]
    [InlineData("""{"data":{"id":"org-1","type":"orgs","attributes":{"name":"Acme"},"links":{"self":"x"}}}""")]
    [InlineData("""{"data":[{"id":"org-1","type":"orgs","attributes":{"name":"Acme"}}],"links":{}}""")]
    public async Task One_organization_is_read_as_an_object_or_as_a_list_of_one(string body)
    {
        await using var server = new LoopbackServer((_, _) => LoopbackServer.Answer(200, "OK", body));
        using var http = Client(server.BaseAddress);

        var organization = await new AdminApiClient(http.Client).GetOrganizationAsync("org-1", CancellationToken.None);

        Assert.Equal(new Organization("org-1", "Acme"), organization);
        Assert.StartsWith("GET /admin/v1/orgs/org-1 ", server.Requests.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_page_without_a_list_of_users_is_an_error_not_an_empty_org()
    {
        await using var server = new LoopbackServer((_, _) => LoopbackServer.Answer(200, "OK", """{"links":{}}"""));
        using var http = Client(server.BaseAddress);
        var client = new AdminApiClient(http.Client);

        var error = await Assert.ThrowsAsync<AtlassianApiException>(async () =>
        {
            await foreach (var _ in client.SearchUsersAsync("org-1", ["productAccess"], null, CancellationToken.None))
            {
            }
        });

        Assert.Contains("no list of users", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_that_repeats_its_cursor_stops_instead_of_looping()
    {
        await using var server = new LoopbackServer((_, _) => LoopbackServer.Answer(200, "OK", """{"data":[{"accountId":"a1"}],"links":{"next":"same"}}"""));
        using var http = Client(server.BaseAddress);
        var client = new AdminApiClient(http.Client);
        var pages = 0;

        var error = await Assert.ThrowsAsync<AtlassianApiException>(async () =>
        {
            await foreach (var _ in client.SearchUsersAsync("org-1", ["productAccess"], null, CancellationToken.None))
            {
                pages++;
            }
        });

        Assert.Equal(2, pages);
        Assert.Contains("same page cursor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organization_admins_are_those_the_role_filter_returns_unless_their_roles_say_otherwise()
    {
        await using var server = new LoopbackServer((_, _) => LoopbackServer.Answer(200, "OK",
            """{"data":[{"accountId":"admin-1","platformRoles":["atlassian/org-admin"]},{"accountId":"admin-2"},{"accountId":"user-1","platformRoles":[]}],"links":{}}"""));
        using var http = Client(server.BaseAddress);

        var admins = await new AdminApiClient(http.Client).GetOrganizationAdminsAsync("org-1", CancellationToken.None);

        Assert.Equal(["admin-1", "admin-2"], admins.Order(StringComparer.Ordinal));
        Assert.StartsWith("POST /admin/v2/orgs/org-1/directories/-/users/search ", server.Requests.Single(), StringComparison.Ordinal);
    }
}
