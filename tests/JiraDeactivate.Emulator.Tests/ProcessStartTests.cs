using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace JiraDeactivate.Emulator.Tests;

/// <summary>The way build.ps1 and Pester use it: the built dll in its own process, one JSON line on stdout.</summary>
public sealed class ProcessStartTests
{
    [Fact]
    public async Task The_built_dll_prints_exactly_one_json_line_and_serves_until_killed()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "JiraDeactivate.Emulator.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--port", "0", "--users", "12", "--seed", "5", "--latency-ms", "1" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.False(string.IsNullOrEmpty(line), "no start-up line; stderr: " + (process.HasExited ? await stderr : ""));
            using var json = JsonDocument.Parse(line!);
            var info = json.RootElement;
            string[] expected =
            [
                "siteUrl", "adminApiUrl", "controlUrl", "email", "apiToken", "adminApiKey", "orgId", "cloudId", "siteName",
                "nonAdminEmail", "nonAdminApiToken", "pid", "gatewayUrl", "gatewaySiteUrl", "tokenUrl", "scopedEmail", "scopedApiToken",
                "serviceAccountEmail", "serviceAccountToken", "clientId", "clientSecret",
            ];
            Assert.Equal(expected, info.EnumerateObject().Select(p => p.Name));
            Assert.Equal(process.Id, info.GetProperty("pid").GetInt32());
            Assert.Matches(@"^http://127\.0\.0\.1:\d+$", info.GetProperty("siteUrl").GetString());

            using var client = new HttpClient { BaseAddress = new Uri(info.GetProperty("siteUrl").GetString()!) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
                Encoding.UTF8.GetBytes($"{info.GetProperty("email").GetString()}:{info.GetProperty("apiToken").GetString()}")));
            using var roles = await client.GetAsync("rest/api/3/applicationrole");
            Assert.True(roles.IsSuccessStatusCode);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
    }
}
