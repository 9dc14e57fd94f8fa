using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JiraDeactivate.Emulator.Configuration;

namespace JiraDeactivate.Emulator.Tests.Infrastructure;

/// <summary>An emulator on a real loopback port plus HttpClients for each kind of caller.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    public static readonly DateOnly AsOf = new(2026, 11, 1);

    private TestEmulator(EmulatorHost host)
    {
        Host = host;
        Info = host.Info;
        SiteAdmin = CreateClient(BasicAuth(Info.Email, Info.ApiToken));
        NonAdmin = CreateClient(BasicAuth(Info.NonAdminEmail, Info.NonAdminApiToken));
        OrgAdmin = CreateClient(new AuthenticationHeaderValue("Bearer", Info.AdminApiKey));
        Anonymous = CreateClient(null);
    }

    public EmulatorHost Host { get; }

    public EmulatorInfo Info { get; }

    /// <summary>Jira: the site admin's email and API token.</summary>
    public HttpClient SiteAdmin { get; }

    /// <summary>Jira: a user who is not a site admin.</summary>
    public HttpClient NonAdmin { get; }

    /// <summary>Admin API: the org API key as Bearer.</summary>
    public HttpClient OrgAdmin { get; }

    /// <summary>No credentials (and the client for /_emulator).</summary>
    public HttpClient Anonymous { get; }

    public string OrgId => Info.OrgId;

    public static async Task<TestEmulator> StartAsync(
        int users = 60, int? seed = 7, EmulatorConfig? config = null, TimeProvider? clock = null, int orgs = 1, string? stateFile = null, int accessPaths = 0)
    {
        var options = new EmulatorOptions
        {
            Users = users,
            Seed = seed,
            AsOf = AsOf,
            Orgs = orgs,
            AccessPaths = accessPaths,
            StateFile = stateFile,
            Config = config ?? new EmulatorConfig(),
            Clock = clock ?? TimeProvider.System,
        };
        return new TestEmulator(await EmulatorHost.StartAsync(options));
    }

    public static AuthenticationHeaderValue BasicAuth(string email, string token) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}")));

    public HttpClient CreateClient(AuthenticationHeaderValue? authorization)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }

    /// <summary>GETs a JSON body and checks the status.</summary>
    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        return await ReadJsonAsync(response, expected);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<JsonElement> ConfigureAsync(object settings) => PostControlAsync("config", settings);

    public async Task<JsonElement> PostControlAsync(string path, object? body = null)
    {
        using var response = await Anonymous.PostAsJsonAsync($"_emulator/{path}", body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /_emulator/{path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> StatsAsync() => GetJsonAsync(Anonymous, "_emulator/stats");

    /// <summary>Every member of a group, following nextPage to the last page.</summary>
    public async Task<List<JsonElement>> AllMembersAsync(string groupName, bool includeInactive = false)
    {
        var members = new List<JsonElement>();
        string? url = $"rest/api/3/group/member?groupname={Uri.EscapeDataString(groupName)}&includeInactiveUsers={(includeInactive ? "true" : "false")}";
        while (url is not null)
        {
            var page = await GetJsonAsync(SiteAdmin, url);
            members.AddRange(page.GetProperty("values").EnumerateArray());
            url = page.GetProperty("isLast").GetBoolean() ? null : page.GetProperty("nextPage").GetString();
        }

        return members;
    }

    public async ValueTask DisposeAsync()
    {
        SiteAdmin.Dispose();
        NonAdmin.Dispose();
        OrgAdmin.Dispose();
        Anonymous.Dispose();
        await Host.DisposeAsync();
    }
}
