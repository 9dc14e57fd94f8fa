namespace JiraDeactivate.Core.Removal;

/// <summary>
/// The one-line account of a run or a preview: how many users change, and how many do not and why, so a preview
/// can be reviewed and a run's log read at a glance.
/// </summary>
public sealed class RunSummary(string verb, string pastVerb)
{
    private readonly object _lock = new();
    private readonly SortedDictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private int _changed;
    private int _noAccess;
    private int _stillHasAccess;
    private int _failed;
    private int _notJudged;

    public int Changed => _changed;

    public void Add(RemovalPlan plan) => Add(plan.ChangesAccess ? null : plan.Outcome, plan.Kind);

    public void Add(RemovalStatus? outcome, string? kind)
    {
        lock (_lock)
        {
            switch (outcome)
            {
                case null or RemovalStatus.Removed:
                    _changed++;
                    break;
                case RemovalStatus.NoAccess:
                    _noAccess++;
                    break;
                case RemovalStatus.StillHasAccess:
                    _stillHasAccess++;
                    break;
                case RemovalStatus.Failed:
                    _failed++;
                    break;
                default:
                    string label = kind ?? "other";
                    _skipped[label] = _skipped.GetValueOrDefault(label) + 1;
                    break;
            }
        }
    }

    public void AddNotJudged() => Interlocked.Increment(ref _notJudged);

    /// <summary>"would remove access of 12 users; skipped 3 (protected group: 2, excluded: 1); no access 1; failed 0".</summary>
    public string Describe(bool preview)
    {
        lock (_lock)
        {
            int skipped = _skipped.Values.Sum();
            var parts = new List<string> { $"{(preview ? verb : pastVerb)} {_changed} {(_changed == 1 ? "user" : "users")}" };
            parts.Add(skipped == 0 ? "skipped 0" : $"skipped {skipped} ({string.Join(", ", _skipped.Select(s => $"{s.Key}: {s.Value}"))})");
            parts.Add($"no access {_noAccess}");
            if (_stillHasAccess > 0)
            {
                parts.Add($"still has access {_stillHasAccess}");
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
