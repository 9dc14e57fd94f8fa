namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Splits each distinct group cell once: a site has few group combinations, so most rows repeat a cell seen before.
/// Each user still gets an array of its own (callers may change it); the names in it are shared.
/// </summary>
internal sealed class GroupListCache
{
    // Enough for every combination of a real site's groups; past it, cells are split without being kept.
    private const int MaxCells = 4096;
    private readonly Dictionary<string, string[]> _split = new(StringComparer.Ordinal);

    public string[] Split(string cell)
    {
        if (!_split.TryGetValue(cell, out var names))
        {
            names = Distinct(ExportValues.SplitGroups(cell));
            if (_split.Count < MaxCells)
            {
                _split[cell] = names;
            }
        }

        return names.Length == 0 ? [] : (string[])names.Clone();
    }

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
}
