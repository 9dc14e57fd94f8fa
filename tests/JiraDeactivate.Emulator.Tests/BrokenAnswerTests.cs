using System.Net;
using System.Text.Json;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

public sealed class BrokenAnswerTests
{
    [Fact]
    public async Task Invalid_json_is_a_200_whose_body_does_not_parse()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { AnswerFault = "invalidJson" });

        using var response = await emu.SiteAdmin.GetAsync("rest/api/3/myself");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task An_html_page_comes_with_the_status_asked_for()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { AnswerFault = "htmlPage", AnswerFaultStatus = 403 });

        using var response = await emu.OrgAdmin.GetAsync($"admin/v1/orgs/{emu.OrgId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_body_is_well_framed_json_cut_half_way()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { AnswerFault = "truncatedBody" });

        using var response = await emu.SiteAdmin.GetAsync("rest/api/3/myself");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{\"accountId\"", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task A_redirect_points_to_another_host_with_the_same_path_and_changes_nothing()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { AnswerFault = "redirect" });
        var user = emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), false)![3];
        var version = emu.Host.State.Version;
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = emu.Host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = TestEmulator.BasicAuth(emu.Info.Email, emu.Info.ApiToken);

        using var response = await client.DeleteAsync($"rest/api/3/group/user?groupname=jira-software-users&accountId={Uri.EscapeDataString(user.AccountId)}");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("localhost", location.Host);
        Assert.Equal(emu.Host.BaseAddress.Port, location.Port);
        Assert.Equal("/rest/api/3/group/user", location.AbsolutePath);
        Assert.Equal(version, emu.Host.State.Version);
    }

    [Fact]
    public async Task A_redirect_goes_where_redirectTo_says()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { AnswerFault = "redirect", AnswerFaultStatus = 307, RedirectTo = "https://elsewhere.example/base/" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = emu.Host.BaseAddress };

        using var response = await client.GetAsync("rest/api/3/myself?x=1");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://elsewhere.example/base/rest/api/3/myself?x=1"), response.Headers.Location);
    }

    [Fact]
    public async Task Broken_answers_never_touch_control_routes_and_can_be_switched_off()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { AnswerFault = "htmlPage" });

        var config = await TestEmulator.GetJsonAsync(emu.Anonymous, "_emulator/config");
        Assert.Equal("htmlPage", config.GetProperty("answerFault").GetString());
        await emu.ConfigureAsync(new { answerFault = "" });

        var me = await TestEmulator.GetJsonAsync(emu.SiteAdmin, "rest/api/3/myself");
        Assert.Equal(emu.Info.Email, me.GetProperty("emailAddress").GetString());
    }

    [Fact]
    public async Task Drop_after_changes_the_state_and_loses_the_answer()
    {
        await using var emu = await TestEmulator.StartAsync(config: new EmulatorConfig { DropAfterRate = 1 });
        var user = emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), false)![3];
        var version = emu.Host.State.Version;

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            emu.SiteAdmin.DeleteAsync($"rest/api/3/group/user?groupname=jira-software-users&accountId={Uri.EscapeDataString(user.AccountId)}"));

        Assert.NotEqual(version, emu.Host.State.Version);
        Assert.DoesNotContain(user.AccountId, emu.Host.State.ListMembers(new GroupSelector(null, StateGenerator.JiraSoftwareUsersGroup), false)!.Select(u => u.AccountId));
    }

    [Theory]
    [InlineData("answerFault", "gibberish")]
    [InlineData("answerFaultStatus", 99)]
    [InlineData("redirectTo", "not a url")]
    [InlineData("dropAfterRate", 1.5)]
    public void Invalid_values_are_refused(string knob, object value)
    {
        var patch = new System.Text.Json.Nodes.JsonObject { [knob] = System.Text.Json.Nodes.JsonValue.Create(value) };

        Assert.Throws<ArgumentException>(() => EmulatorConfigPatch.Apply(new EmulatorConfig(), patch));
    }
}
