using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

/// <summary>The gateway prefix, scoped tokens, service accounts, OAuth client credentials and the inventories (issue 25).</summary>
public sealed class ServiceCredentialTests
{
    [Fact]
    public async Task A_scoped_token_is_refused_at_the_site_and_accepted_through_the_gateway_of_the_right_cloud_ID()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var scoped = emu.CreateClient(TestEmulator.BasicAuth(emu.Info.ScopedEmail, emu.Info.ScopedApiToken));

        using var atSite = await scoped.GetAsync("rest/api/3/myself");
        using var viaGateway = await scoped.GetAsync($"ex/jira/{emu.Info.CloudId}/rest/api/3/myself");
        using var otherSite = await scoped.GetAsync("ex/jira/00000000-0000-0000-0000-000000000000/rest/api/3/myself");

        Assert.Equal(HttpStatusCode.Unauthorized, atSite.StatusCode);
        var me = await TestEmulator.ReadJsonAsync(viaGateway);
        Assert.Equal(emu.Info.Email, me.GetProperty("emailAddress").GetString());
        Assert.Equal(HttpStatusCode.NotFound, otherSite.StatusCode);
    }

    [Fact]
    public async Task A_service_account_token_works_as_Bearer_only_through_the_gateway()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var bearer = emu.CreateClient(new AuthenticationHeaderValue("Bearer", emu.Info.ServiceAccountToken));

        using var atSite = await bearer.GetAsync("rest/api/3/myself");
        using var viaGateway = await bearer.GetAsync($"ex/jira/{emu.Info.CloudId}/rest/api/3/myself");

        Assert.Equal(HttpStatusCode.Unauthorized, atSite.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaGateway.StatusCode);
    }

    [Fact]
    public async Task An_OAuth_access_token_lives_as_long_as_configured_and_a_wrong_secret_gets_none()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var emu = await TestEmulator.StartAsync(clock: clock);
        await emu.ConfigureAsync(new { oAuthTokenLifetimeSeconds = 5 });

        using var refused = await emu.Anonymous.PostAsJsonAsync("oauth/token", new { grant_type = "client_credentials", client_id = emu.Info.ClientId, client_secret = "wrong" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var issued = await emu.Anonymous.PostAsJsonAsync("oauth/token", new { grant_type = "client_credentials", client_id = emu.Info.ClientId, client_secret = emu.Info.ClientSecret });
        var answer = await TestEmulator.ReadJsonAsync(issued);
        Assert.Equal(5, answer.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", answer.GetProperty("token_type").GetString());
        using var client = emu.CreateClient(new AuthenticationHeaderValue("Bearer", answer.GetProperty("access_token").GetString()));
        string path = $"ex/jira/{emu.Info.CloudId}/rest/api/3/myself";

        using var fresh = await client.GetAsync(path);
        clock.Advance(TimeSpan.FromSeconds(6));
        using var expired = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task The_inventories_list_the_keys_and_tokens_with_their_expiry()
    {
        await using var emu = await TestEmulator.StartAsync();

        var keys = await TestEmulator.GetJsonAsync(emu.OrgAdmin, $"admin/api-access/v1/orgs/{emu.OrgId}/api-keys");
        var tokens = await TestEmulator.GetJsonAsync(emu.OrgAdmin, $"admin/api-access/v1/orgs/{emu.OrgId}/api-tokens");

        Assert.Equal("2027-09-30T00:00:00Z", keys.GetProperty("data")[0].GetProperty("expiresAt").GetString());
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("data")[0].GetProperty("accountId").GetString()));
    }
}
