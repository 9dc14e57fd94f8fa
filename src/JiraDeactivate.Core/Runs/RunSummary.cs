namespace JiraDeactivate.Core.Runs;

/// <summary>
/// The one-line account of a run or a preview, for every kind of change: how many users change, how many do not and
/// why, what else the kind counts (<see cref="SummaryTally"/>), and what failed, so a preview can be reviewed and a
/// run's log read at a glance. Each kind maps its outcomes onto these counts (RemovalCounts, LifecycleCounts).
/// </summary>
/// <param name="verb">The preview's verb ("would suspend").</param>
/// <param name="pastVerb">The run's verb ("suspended").</param>
/// <param name="unchangedName">What the users left unchanged are called ("skipped", "not changed").</param>
/// <param name="tallies">The kind's own counts, in the order they are shown, between the unchanged and the failed.</param>
public sealed class RunSummary(string verb, string pastVerb, string unchangedName, params SummaryTally[] tallies)
{
    private readonly object _lock = new();
    private readonly SortedDictionary<string, int> _unchanged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tallies = new(StringComparer.Ordinal);
    private int _changed;
    private int _failed;
    private int _notJudged;

    public int Changed => _changed;

    public void CountChanged() => Interlocked.Increment(ref _changed);

    public void CountFailed() => Interlocked.Increment(ref _failed);

    public void AddNotJudged() => Interlocked.Increment(ref _notJudged);

    /// <summary>Counts a user left unchanged, grouped by <paramref name="label"/> ("protected group").</summary>
    public void CountUnchanged(string label)
    {
        lock (_lock)
        {
            _unchanged[label] = _unchanged.GetValueOrDefault(label) + 1;
        }
    }

    /// <summary>Counts one of the kind's own tallies (<paramref name="name"/> as given to the constructor).</summary>
    public void Count(string name)
    {
        lock (_lock)
        {
            _tallies[name] = _tallies.GetValueOrDefault(name) + 1;
        }
    }

    /// <summary>"would remove the access of 12 users; skipped 3 (protected group: 2, excluded: 1); no access 1; failed 0".</summary>
    public string Describe(bool preview)
    {
        lock (_lock)
        {
            int unchanged = _unchanged.Values.Sum();
            var parts = new List<string>
            {
                $"{(preview ? verb : pastVerb)} {_changed} {(_changed == 1 ? "user" : "users")}",
                unchanged == 0 ? $"{unchangedName} 0" : $"{unchangedName} {unchanged} ({string.Join(", ", _unchanged.Select(s => $"{s.Key}: {s.Value}"))})",
            };
            foreach (var tally in tallies)
            {
                int count = _tallies.GetValueOrDefault(tally.Name);
                if (count > 0 || tally.ShownWhenZero)
                {
                    parts.Add($"{tally.Name} {count}");
                }
            }

            parts.Add($"failed {_failed}");
            if (_notJudged > 0)
            {
                parts.Add($"refused (not judged) {_notJudged}");
            }

            return string.Join("; ", parts) + ".";
        }
    }
}

/// <summary>A count a kind of change shows in its summary ("no access 1"); one that is zero is left out unless <paramref name="ShownWhenZero"/>.</summary>
public sealed record SummaryTally(string Name, bool ShownWhenZero = false);
