using System.Net.Http.Json;

namespace JiraDeactivate.Emulator.Tests.Infrastructure;

/// <summary>The v2 suspend and restore calls, as a client makes them (with the {} body Atlassian requires).</summary>
public static class LifecycleCalls
{
    public static string UserPath(TestEmulator emu, string accountId) =>
        $"admin/v2/orgs/{emu.OrgId}/directories/{emu.Host.State.ListOrgs().Single(o => o.Id == emu.OrgId).DirectoryId}/users/{Uri.EscapeDataString(accountId)}";

    public static Task<HttpResponseMessage> SuspendAsync(this TestEmulator emu, string accountId) =>
        emu.OrgAdmin.PostAsJsonAsync($"{UserPath(emu, accountId)}/suspend", new { });

    public static Task<HttpResponseMessage> RestoreAsync(this TestEmulator emu, string accountId) =>
        emu.OrgAdmin.PostAsJsonAsync($"{UserPath(emu, accountId)}/restore", new { });
}
