using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraDeactivate.Emulator.Configuration;

/// <summary>
/// Turns command-line arguments into <see cref="EmulatorOptions"/>. Every knob of <see cref="EmulatorConfig"/>
/// is accepted in kebab-case (latencyMs = --latency-ms), so a new knob needs no parser change.
/// </summary>
public static class EmulatorCommandLine
{
    public static string Usage { get; } = BuildUsage();

    /// <returns>The options, or null when help was asked for.</returns>
    /// <exception cref="ArgumentException">An unknown option or an invalid value.</exception>
    public static EmulatorOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        var knobs = new JsonObject();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitOption(args[i]);
            string NextValue() => inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"--{name} needs a value."));

            switch (name)
            {
                case "help" or "h" or "?":
                    return null;
                case "port":
                    options = options with { Port = ParseInt(name, NextValue()) };
                    break;
                case "users":
                    options = options with { Users = ParseInt(name, NextValue()) };
                    break;
                case "seed":
                    options = options with { Seed = ParseInt(name, NextValue()) };
                    break;
                case "orgs":
                    options = options with { Orgs = ParseInt(name, NextValue()) };
                    break;
                case "access-paths":
                    options = options with { AccessPaths = ParseInt(name, NextValue()) };
                    break;
                case "developers-overlap":
                    options = options with { DevelopersOverlap = (double)ParseNumber(name, NextValue()) };
                    break;
                case "site-name":
                    options = options with { SiteName = NextValue() };
                    break;
                case "state":
                    options = options with { StateFile = Path.GetFullPath(NextValue()) };
                    break;
                case "as-of":
                    var text = NextValue();
                    options = options with
                    {
                        AsOf = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf)
                            ? asOf
                            : throw new ArgumentException($"--as-of must be a date like 2026-11-01, not '{text}'."),
                    };
                    break;
                default:
                    var knob = KebabToCamel(name);
                    knobs[knob] = EmulatorConfigPatch.KindOf(knob) switch
                    {
                        JsonValueKind.Number => JsonValue.Create(ParseNumber(name, NextValue())),
                        JsonValueKind.True or JsonValueKind.False => JsonValue.Create(ParseFlag(args, ref i, inlineValue)),
                        JsonValueKind.String => JsonValue.Create(NextValue()),
                        _ => throw new ArgumentException($"Unknown option '{args[i]}'.{Environment.NewLine}{Usage}"),
                    };
                    break;
            }
        }

        return options with { Config = EmulatorConfigPatch.Apply(options.Config, knobs) };
    }

    private static (string Name, string? InlineValue) SplitOption(string arg)
    {
        if (!arg.StartsWith('-'))
        {
            throw new ArgumentException($"Unexpected argument '{arg}'.");
        }

        var body = arg.TrimStart('-');
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (body.ToLowerInvariant(), null) : (body[..equals].ToLowerInvariant(), body[(equals + 1)..]);
    }

    // A bare flag means true; an explicit true/false that follows is taken as its value.
    private static bool ParseFlag(IReadOnlyList<string> args, ref int i, string? inlineValue)
    {
        if (inlineValue is not null)
        {
            return bool.TryParse(inlineValue, out var inline) ? inline : throw new ArgumentException($"'{inlineValue}' is not true or false.");
        }

        if (i + 1 < args.Count && bool.TryParse(args[i + 1], out var value))
        {
            i++;
            return value;
        }

        return true;
    }

    private static int ParseInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new ArgumentException($"--{name} must be an integer, not '{value}'.");

    private static decimal ParseNumber(string name, string value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new ArgumentException($"--{name} must be a number, not '{value}'.");

    private static string KebabToCamel(string kebab)
    {
        var builder = new StringBuilder(kebab.Length);
        var upperNext = false;
        foreach (var c in kebab)
        {
            if (c == '-')
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return builder.ToString();
    }

    private static string CamelToKebab(string camel) =>
        string.Concat(camel.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    private static string BuildUsage()
    {
        var knobs = string.Join(" ", EmulatorConfigPatch.KnobNames.Select(k => $"[--{CamelToKebab(k)} <value>]"));
        return "Usage: JiraDeactivate.Emulator [--port 0] [--users 500] [--seed <int>] [--as-of yyyy-MM-dd] "
            + "[--site-name acme] [--orgs 1] [--access-paths 0] [--developers-overlap 0.4] [--state <file.json>] " + knobs;
    }
}
