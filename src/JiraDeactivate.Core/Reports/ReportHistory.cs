using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace JiraDeactivate.Core.Reports;

/// <summary>
/// The folder of -History: one small JSON file per run. The files are read back as untrusted input: a file that is
/// too large, not JSON, or has a value out of range is skipped with a warning, never drawn.
/// </summary>
public static class ReportHistory
{
    /// <summary>Files are named like this (and only such files are read).</summary>
    public const string FilePattern = "jira-inactivity-*.json";

    /// <summary>The most runs drawn (the newest): ten years of monthly runs.</summary>
    public const int MaxRuns = 120;

    private const int FormatVersion = 1;
    private const long MaxFileBytes = 64 * 1024;

    /// <summary>The runs kept in <paramref name="folder"/>, oldest first; a missing folder has none.</summary>
    public static IReadOnlyList<ReportSnapshot> Load(string folder, Action<string> warn)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var runs = new List<ReportSnapshot>();
        foreach (string file in Directory.EnumerateFiles(folder, FilePattern))
        {
            if (Read(file, out string? problem) is { } run)
            {
                runs.Add(run);
            }
            else
            {
                warn($"The report's history file '{file}' is skipped: {problem}");
            }
        }

        return runs.OrderBy(r => r.GeneratedAt).TakeLast(MaxRuns).ToArray();
    }

    /// <summary>Writes <paramref name="run"/> as a new file in <paramref name="folder"/> (created when missing) and returns its path.</summary>
    public static string Save(string folder, ReportSnapshot run)
    {
        Directory.CreateDirectory(folder);
        string name = $"jira-inactivity-{run.GeneratedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}.json";
        string path = Path.Combine(folder, name);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("version", FormatVersion);
        json.WriteString("generatedAt", run.GeneratedAt.ToUniversalTime());
        if (run.AsOf is { } asOf)
        {
            json.WriteString("asOf", asOf.ToUniversalTime());
        }

        if (run.MoreThan is { } moreThan)
        {
            json.WriteNumber("moreThan", moreThan);
        }

        json.WriteNumber("inactiveSeats", run.InactiveSeats);
        json.WriteNumber("distinctInactiveUsers", run.DistinctInactiveUsers);
        if (run.FreedSeats is { } freed)
        {
            json.WriteNumber("freedSeats", freed);
        }

        json.WriteEndObject();
        return path;
    }

    private static ReportSnapshot? Read(string file, out string? problem)
    {
        problem = null;
        try
        {
            var info = new FileInfo(file);
            if (info.Length > MaxFileBytes)
            {
                problem = $"it has {info.Length:N0} bytes, more than a run's summary ({MaxFileBytes:N0}).";
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || !version.TryGetInt32(out int v) || v != FormatVersion)
            {
                problem = $"it is not a version {FormatVersion} summary of a report.";
                return null;
            }

            if (!root.TryGetProperty("generatedAt", out var generated) || generated.ValueKind != JsonValueKind.String || !generated.TryGetDateTime(out var generatedAt))
            {
                problem = "it has no readable 'generatedAt'.";
                return null;
            }

            int? seats = Count(root, "inactiveSeats", ref problem, required: true);
            int? users = Count(root, "distinctInactiveUsers", ref problem, required: true);
            int? freed = Count(root, "freedSeats", ref problem, required: false);
            int? moreThan = Count(root, "moreThan", ref problem, required: false);
            DateTime? asOf = root.TryGetProperty("asOf", out var a) && a.ValueKind == JsonValueKind.String && a.TryGetDateTime(out var at) ? at.ToUniversalTime() : null;
            if (problem is not null)
            {
                return null;
            }

            return new ReportSnapshot
            {
                GeneratedAt = generatedAt.ToUniversalTime(),
                AsOf = asOf,
                MoreThan = moreThan,
                InactiveSeats = seats!.Value,
                DistinctInactiveUsers = users!.Value,
                FreedSeats = freed,
            };
        }
        catch (JsonException e)
        {
            problem = $"it is not JSON ({e.Message}).";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"it cannot be read ({e.Message}).";
        }

        return null;
    }

    private static int? Count(JsonElement root, string name, ref string? problem, bool required)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            if (required)
            {
                problem ??= $"it has no '{name}'.";
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int count) || count < 0)
        {
            problem ??= $"its '{name}' is not a count.";
            return null;
        }

        return count;
    }
}
