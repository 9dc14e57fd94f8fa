namespace JiraDeactivate.Core.Suspension;

/// <summary>
/// The one-line account of a suspend or resume run or preview: how many users change, and how many do not and why.
/// </summary>
public sealed class LifecycleSummary(string verb, string pastVerb)
{
    private readonly object _lock = new();
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _changed;
    private int _failed;
    private int _notJudged;

    /// <summary>Counts a plan: a change to come (preview), or why nothing changes.</summary>
    public void Add(SuspensionPlan plan) => Add(plan.Outcome, plan.Kind);

    /// <summary>Counts an outcome; <paramref name="outcome"/> null is a change to come.</summary>
    public void Add(SuspensionStatus? outcome, string? kind)
    {
        lock (_lock)
        {
            switch (outcome)
            {
                case null or SuspensionStatus.Suspended or SuspensionStatus.Resumed:
                    _changed++;
                    break;
                case SuspensionStatus.Failed or SuspensionStatus.NotVerified:
                    _failed++;
                    break;
                default:
                    string label = kind ?? outcome.ToString()!;
                    _counts[label] = _counts.GetValueOrDefault(label) + 1;
                    break;
            }
        }
    }

    public void AddNotJudged() => Interlocked.Increment(ref _notJudged);

    /// <summary>"would suspend 2 users; not changed 3 (already suspended: 1, recently active: 2); failed 0".</summary>
    public string Describe(bool preview)
    {
        lock (_lock)
        {
            int unchanged = _counts.Values.Sum();
            var parts = new List<string>
            {
                $"{(preview ? verb : pastVerb)} {_changed} {(_changed == 1 ? "user" : "users")}",
                unchanged == 0 ? "not changed 0" : $"not changed {unchanged} ({string.Join(", ", _counts.Select(c => $"{c.Key}: {c.Value}"))})",
                $"failed {_failed}",
            };
            if (_notJudged > 0)
            {
                parts.Add($"refused (not judged) {_notJudged}");
            }

            return string.Join("; ", parts) + ".";
        }
    }
}
