using System.Text.RegularExpressions;
using JiraDeactivate.Emulator.Tests.Infrastructure;

namespace JiraDeactivate.Emulator.Tests;

public sealed partial class DeterminismTests
{
    [Fact]
    public async Task The_same_seed_gives_the_same_state_and_credentials()
    {
        string first, second;
        EmulatorInfo firstInfo, secondInfo;
        await using (var emu = await TestEmulator.StartAsync(users: 150, seed: 11))
        {
            first = await emu.Anonymous.GetStringAsync("_emulator/state");
            firstInfo = emu.Info;
        }

        await using (var emu = await TestEmulator.StartAsync(users: 150, seed: 11))
        {
            second = await emu.Anonymous.GetStringAsync("_emulator/state");
            secondInfo = emu.Info;
        }

        Assert.Equal(first, second);
        Assert.Equal(
            firstInfo with { SiteUrl = "", AdminApiUrl = "", ControlUrl = "", GatewayUrl = "", GatewaySiteUrl = "", TokenUrl = "" },
            secondInfo with { SiteUrl = "", AdminApiUrl = "", ControlUrl = "", GatewayUrl = "", GatewaySiteUrl = "", TokenUrl = "" });
    }

    [Fact]
    public async Task Another_seed_gives_another_state()
    {
        await using var one = await TestEmulator.StartAsync(users: 40, seed: 1);
        await using var two = await TestEmulator.StartAsync(users: 40, seed: 2);

        Assert.NotEqual(await one.Anonymous.GetStringAsync("_emulator/state"), await two.Anonymous.GetStringAsync("_emulator/state"));
        Assert.NotEqual(one.Info.CloudId, two.Info.CloudId);
    }

    [Fact]
    public async Task Without_a_seed_secrets_are_random_and_never_look_like_real_tokens()
    {
        await using var one = await TestEmulator.StartAsync(users: 10, seed: null);
        await using var two = await TestEmulator.StartAsync(users: 10, seed: null);

        Assert.NotEqual(one.Info.ApiToken, two.Info.ApiToken);
        Assert.NotEqual(one.Info.AdminApiKey, two.Info.AdminApiKey);
        foreach (var secret in new[] { one.Info.ApiToken, one.Info.NonAdminApiToken, one.Info.AdminApiKey, two.Info.ApiToken })
        {
            Assert.True(secret.Length >= 40);
            Assert.DoesNotMatch(RealAtlassianToken(), secret);
        }
    }

    [Fact]
    public async Task The_generated_org_has_every_kind_of_user_the_client_must_handle()
    {
        await using var emu = await TestEmulator.StartAsync(users: 300);
        var users = emu.Host.State.ListOrgUsers(emu.OrgId)!;
        var asOf = TestEmulator.AsOf;

        Assert.Equal(300, users.Count);
        Assert.Contains(users, u => u.IsApp);
        Assert.Contains(users, u => u.AccountStatus == "inactive");
        Assert.Contains(users, u => u.Suspended);
        Assert.Contains(users, u => !u.EmailVisible && !u.IsApp);
        Assert.Contains(users, u => u.AccountId.StartsWith("712020:", StringComparison.Ordinal));
        Assert.Contains(users, u => ClassicAccountId().IsMatch(u.AccountId));
        Assert.Contains(users, u => u.LastActive.Values.Any(d => d >= asOf.AddDays(-29)));
        Assert.Contains(users, u => u.LastActive.Values.Any(d => d <= asOf.AddDays(-30) && d >= asOf.AddDays(-400)));
        Assert.Contains(users, u => u.AddedToOrg > asOf.AddDays(-30) && u.LastActive.Count == 0 && u.ProductKeys.Count > 0);
        Assert.Contains(users, u => u.ProductKeys.Count > 0 && u.LastActive.Count == 0);
        Assert.True(users.Count(u => u.Groups.Any(g => g.Name == "site-admins")) >= 2);
        Assert.All(users.Where(u => u.AddedToOrg is not null), u => Assert.All(u.LastActive.Values, d => Assert.True(d >= u.AddedToOrg)));
    }

    [GeneratedRegex("ATATT3[A-Za-z0-9_-]{20,}")]
    private static partial Regex RealAtlassianToken();

    [GeneratedRegex("^[0-9a-f]{24}$")]
    private static partial Regex ClassicAccountId();
}
