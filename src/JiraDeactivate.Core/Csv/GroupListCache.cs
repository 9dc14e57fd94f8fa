using System.IO.Hashing;
using CsvHelper;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Splits each distinct group cell once: a site has few group combinations, so most rows repeat a cell seen before,
/// and such a cell is found by its bytes, without making a string of it. Each user still gets an array of its own
/// (callers may change it); the names in it are shared.
/// </summary>
internal sealed class GroupListCache
{
    // Enough for every combination of a real site's groups; past it, cells are split without being kept.
    private const int MaxCells = 4096;
    private readonly Dictionary<ulong, Entry> _split = [];

    /// <summary>The group names of field <paramref name="column"/> of the reader's current record.</summary>
    public string[] Split(CsvReader row, int column)
    {
        var cell = row.GetSpan(column);
        ulong hash = XxHash3.HashToUInt64(cell);
        if (!_split.TryGetValue(hash, out var entry) || !cell.SequenceEqual(entry.Utf8))
        {
            entry = new Entry(cell.ToArray(), Split(row.GetString(column)));
            if (_split.Count < MaxCells)
            {
                _split[hash] = entry;
            }
        }

        return entry.Names.Length == 0 ? [] : (string[])entry.Names.Clone();
    }

    private static string[] Split(string cell) => Distinct(ExportValues.SplitGroups(cell));

    // A name listed twice in one cell counts once, in the order first seen.
    private static string[] Distinct(string[] names)
    {
        var kept = new List<string>(names.Length);
        foreach (string name in names)
        {
            if (!kept.Contains(name))
            {
                kept.Add(name);
            }
        }

        return kept.Count == names.Length ? names : [.. kept];
    }

    private sealed record Entry(byte[] Utf8, string[] Names);
}
