using System.Text.RegularExpressions;

namespace JiraDeactivate.Emulator.Configuration;

/// <summary>Everything fixed at start: where to listen, which state to serve, and the initial knobs.</summary>
public sealed partial record EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Number of accounts to generate (admin and non-admin included).</summary>
    public int Users { get; init; } = 500;

    /// <summary>
    /// Seeds the generated state (1 when null), the fault decisions and the credentials.
    /// Without a seed the credentials are random per run.
    /// </summary>
    public int? Seed { get; init; }

    /// <summary>The date every generated date is relative to; today's UTC date when null.</summary>
    public DateOnly? AsOf { get; init; }

    public string SiteName { get; init; } = "acme";

    public int Orgs { get; init; } = 1;

    /// <summary>Users per access path besides local groups (<see cref="State.StateRecipe.AccessPaths"/>); 0 none.</summary>
    public int AccessPaths { get; init; }

    /// <summary>The chance a jira-software-users member is also in jira-developers (<see cref="State.StateRecipe.DevelopersOverlap"/>).</summary>
    public double DevelopersOverlap { get; init; } = State.StateRecipe.DefaultDevelopersOverlap;

    /// <summary>A state JSON file (the format of GET /_emulator/state) to serve instead of a generated state.</summary>
    public string? StateFile { get; init; }

    public EmulatorConfig Config { get; init; } = new();

    /// <summary>The clock of rate limits and statistics; tests pass a manual one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public int StateSeed => Seed ?? 1;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Config.Validate());
        if (Port is < 0 or > 65535)
        {
            errors.Add("port must be between 0 and 65535.");
        }

        if (Users is < 2 or > 200_000)
        {
            errors.Add("users must be between 2 and 200000.");
        }

        if (AccessPaths is < 0 or > 10_000)
        {
            errors.Add("access-paths must be between 0 and 10000.");
        }

        if (DevelopersOverlap is < 0 or > 1 || double.IsNaN(DevelopersOverlap))
        {
            errors.Add("developers-overlap must be between 0 and 1.");
        }

        if (Orgs is < 1 or > 1000)
        {
            errors.Add("orgs must be between 1 and 1000.");
        }

        if (!SiteNamePattern().IsMatch(SiteName))
        {
            errors.Add("site-name must be a sub-domain: lower-case letters, digits and '-'.");
        }

        if (StateFile is not null && !File.Exists(StateFile))
        {
            errors.Add($"state file not found: {StateFile}");
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex SiteNamePattern();
}
