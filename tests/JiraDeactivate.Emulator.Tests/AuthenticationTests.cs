using System.Net;
using System.Net.Http.Headers;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Jira_without_credentials_is_401_with_the_documented_body_and_challenge()
    {
        await using var emu = await TestEmulator.StartAsync();

        using var response = await emu.Anonymous.GetAsync("rest/api/3/myself");

        var body = await TestEmulator.ReadJsonAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Client must be authenticated to access this resource.", body.GetProperty("message").GetString());
        Assert.Equal(401, body.GetProperty("status-code").GetInt32());
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.False(response.Headers.Contains("X-Seraph-LoginReason"));
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData("")]
    public async Task Jira_with_a_wrong_token_is_401_with_a_login_reason(string token)
    {
        await using var emu = await TestEmulator.StartAsync();
        using var client = emu.CreateClient(TestEmulator.BasicAuth(emu.Info.Email, token));

        using var response = await client.GetAsync("rest/api/3/myself");

        await TestEmulator.ReadJsonAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("AUTHENTICATED_FAILED", response.Headers.GetValues("X-Seraph-LoginReason").Single());
    }

    [Fact]
    public async Task Jira_rejects_malformed_basic_headers_and_bearer_keys()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var garbage = emu.CreateClient(new AuthenticationHeaderValue("Basic", "%%%not-base64"));
        using var bearer = emu.CreateClient(new AuthenticationHeaderValue("Bearer", emu.Info.AdminApiKey));

        using var garbageResponse = await garbage.GetAsync("rest/api/3/group/member?groupname=jira-testers");
        using var bearerResponse = await bearer.DeleteAsync("rest/api/3/group/user?groupname=jira-testers&accountId=x");

        Assert.Equal(HttpStatusCode.Unauthorized, garbageResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bearerResponse.StatusCode);
    }

    [Fact]
    public async Task Jira_rejects_the_token_of_a_suspended_user()
    {
        await using var emu = await TestEmulator.StartAsync();
        var nonAdmin = emu.Host.State.GetCredentials().NonAdminEmail;
        var accountId = emu.Host.State.ListOrgUsers(emu.OrgId)!.Single(u => u.Email == nonAdmin).AccountId;
        (await emu.SuspendAsync(accountId)).Dispose();

        using var response = await emu.NonAdmin.GetAsync("rest/api/3/myself");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-the-key")]
    [InlineData("Basic")]
    public async Task Admin_api_without_a_valid_key_is_401_ProxyError(string? authorization)
    {
        await using var emu = await TestEmulator.StartAsync();
        using var client = emu.CreateClient(authorization switch
        {
            null => null,
            "Basic" => TestEmulator.BasicAuth(emu.Info.Email, emu.Info.ApiToken),
            _ => AuthenticationHeaderValue.Parse(authorization),
        });

        using var response = await client.GetAsync("admin/v1/orgs");

        var body = await TestEmulator.ReadJsonAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(401, body.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }
}
