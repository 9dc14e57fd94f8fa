namespace JiraDeactivate.Emulator.Traffic;

public sealed record RouteStatusCount(string Method, string Route, int Status, long Count);

/// <summary>What GET /_emulator/stats returns. Status 0 in <see cref="Routes"/> means the connection was dropped.</summary>
public sealed record StatsSnapshot(
    long TotalRequests,
    long Total429,
    long Total5xx,
    long DroppedConnections,
    long SlowAnswers,
    int MaxConcurrentRequests,
    int CurrentConcurrentRequests,
    DateTimeOffset? FirstRequestUtc,
    DateTimeOffset? LastRequestUtc,
    IReadOnlyList<RouteStatusCount> Routes);

/// <summary>Counts API requests per route template and status, faults, and the most requests in flight at once.</summary>
public sealed class RequestStats(TimeProvider clock)
{
    public const int DroppedStatus = 0;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Method, string Route, int Status), long> _counts = [];
    private long _slowAnswers;
    private int _current;
    private int _maxConcurrent;
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;

    /// <summary>Marks a request as started; dispose the result when it ends.</summary>
    public IDisposable Begin()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            _first ??= now;
            _last = now;
            _current++;
            _maxConcurrent = Math.Max(_maxConcurrent, _current);
        }

        return new InFlight(this);
    }

    public void Record(string method, string route, int status)
    {
        lock (_gate)
        {
            _counts[(method, route, status)] = _counts.GetValueOrDefault((method, route, status)) + 1;
        }
    }

    public void RecordSlowAnswer() => Interlocked.Increment(ref _slowAnswers);

    public StatsSnapshot Snapshot()
    {
        lock (_gate)
        {
            var routes = _counts
                .Select(c => new RouteStatusCount(c.Key.Method, c.Key.Route, c.Key.Status, c.Value))
                .OrderBy(c => c.Route, StringComparer.Ordinal).ThenBy(c => c.Method, StringComparer.Ordinal).ThenBy(c => c.Status)
                .ToList();
            return new StatsSnapshot(
                routes.Sum(r => r.Count),
                routes.Where(r => r.Status == 429).Sum(r => r.Count),
                routes.Where(r => r.Status >= 500).Sum(r => r.Count),
                routes.Where(r => r.Status == DroppedStatus).Sum(r => r.Count),
                Interlocked.Read(ref _slowAnswers),
                _maxConcurrent,
                _current,
                _first,
                _last,
                routes);
        }
    }

    /// <summary>Clears every counter; requests still in flight stay counted as in flight.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _counts.Clear();
            Interlocked.Exchange(ref _slowAnswers, 0);
            _maxConcurrent = _current;
            _first = null;
            _last = null;
        }
    }

    private void End()
    {
        lock (_gate)
        {
            _current--;
        }
    }

    private sealed class InFlight(RequestStats owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.End();
            }
        }
    }
}
