using JiraDeactivate.Emulator.Configuration;

namespace JiraDeactivate.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Every_knob_is_an_option_in_kebab_case()
    {
        var options = EmulatorCommandLine.Parse(
        [
            "--port", "0", "--users", "25", "--seed", "9", "--as-of", "2026-11-01", "--site-name", "globex", "--orgs", "2",
            "--latency-ms", "50", "--rate-limit", "100", "--error-rate", "0.1", "--drop-rate=0.05", "--slow-rate", "0",
            "--slow-ms", "5000", "--not-member-status", "200", "--unlimited-seats", "--full-application-roles", "true",
            "--list-undated-products", "false", "--admin-retry-after", "false", "--admin-page-size", "7",
        ])!;

        Assert.Equal((25, 9, new DateOnly(2026, 11, 1), "globex", 2), (options.Users, options.Seed, options.AsOf!.Value, options.SiteName, options.Orgs));
        Assert.Equal(
            new EmulatorConfig
            {
                LatencyMs = 50,
                RateLimit = 100,
                ErrorRate = 0.1,
                DropRate = 0.05,
                SlowRate = 0,
                SlowMs = 5000,
                NotMemberStatus = 200,
                UnlimitedSeats = true,
                FullApplicationRoles = true,
                ListUndatedProducts = false,
                AdminRetryAfter = false,
                AdminPageSize = 7,
            },
            options.Config);
    }

    [Theory]
    [InlineData("--bogus", "1")]
    [InlineData("--users", "many")]
    [InlineData("--error-rate", "2")]
    [InlineData("--not-member-status", "404")]
    [InlineData("--as-of", "01/11/2026")]
    [InlineData("--latency-ms", "0.5")]
    [InlineData("--developers-overlap", "much")]
    [InlineData("stray")]
    public void Invalid_arguments_are_refused(params string[] args) =>
        Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(args));

    [Fact]
    public void Help_returns_no_options_and_the_usage_lists_the_knobs()
    {
        Assert.Null(EmulatorCommandLine.Parse(["--help"]));
        Assert.Contains("--not-member-status", EmulatorCommandLine.Usage);
        Assert.Contains("--admin-retry-after", EmulatorCommandLine.Usage);
    }

    [Fact]
    public void Start_options_are_validated()
    {
        Assert.NotEmpty(new EmulatorOptions { Users = 1 }.Validate());
        Assert.NotEmpty(new EmulatorOptions { SiteName = "Not A Host" }.Validate());
        Assert.NotEmpty(new EmulatorOptions { StateFile = "/nonexistent/state.json" }.Validate());
        Assert.NotEmpty(EmulatorCommandLine.Parse(["--developers-overlap", "1.5"])!.Validate());
        Assert.Equal(0.25, EmulatorCommandLine.Parse(["--developers-overlap", "0.25"])!.DevelopersOverlap);
        Assert.Empty(new EmulatorOptions().Validate());
    }
}
