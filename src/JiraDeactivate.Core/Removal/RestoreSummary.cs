namespace JiraDeactivate.Core.Removal;

/// <summary>
/// The one-line account of a restore or its preview, also when there was nothing to do: how many users get their
/// groups back, and how many do not and why.
/// </summary>
public sealed class RestoreSummary
{
    private readonly object _lock = new();
    private int _restored;
    private int _alreadyBack;
    private int _declined;
    private int _refused;
    private int _failed;

    /// <summary>Counts one user's outcome; <paramref name="status"/> null is a restore to come (preview).</summary>
    public void Add(RestoreStatus? status)
    {
        lock (_lock)
        {
            switch (status)
            {
                case null or RestoreStatus.Restored:
                    _restored++;
                    break;
                case RestoreStatus.AlreadyPresent:
                    _alreadyBack++;
                    break;
                case RestoreStatus.Skipped:
                    _declined++;
                    break;
                default:
                    _failed++;
                    break;
            }
        }
    }

    /// <summary>Counts journal lines refused (edited, unsealed, or about a group that now grants admin access).</summary>
    public void AddRefused(int lines)
    {
        lock (_lock)
        {
            _refused += lines;
        }
    }

    /// <summary>"restored 2 users; already back 1; skipped 1 (declined: 1); refused 0 lines; failed 0."</summary>
    public string Describe(bool preview)
    {
        lock (_lock)
        {
            return string.Join("; ",
                $"{(preview ? "would restore" : "restored")} {_restored} {(_restored == 1 ? "user" : "users")}",
                $"already back {_alreadyBack}",
                _declined == 0 ? "skipped 0" : $"skipped {_declined} (declined: {_declined})",
                $"refused {_refused} {(_refused == 1 ? "line" : "lines")}",
                $"failed {_failed}") + ".";
        }
    }
}
