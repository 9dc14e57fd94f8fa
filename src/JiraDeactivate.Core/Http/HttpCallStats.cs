namespace JiraDeactivate.Core.Http;

/// <summary>Counts of one connection's HTTP calls, safe to update from many requests at once.</summary>
public sealed class HttpCallStats
{
    private long _requests;
    private long _rateLimited;
    private long _retries;
    private long _failures;

    /// <summary>Attempts sent, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Answers with status 429.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Attempts that repeated an earlier one.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Attempts that got no answer (connection dropped, timeout).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    internal void CountRequest() => Interlocked.Increment(ref _requests);

    internal void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void CountRetry() => Interlocked.Increment(ref _retries);

    internal void CountFailure() => Interlocked.Increment(ref _failures);

    /// <summary>The counts now, to tell one run's calls from the connection's earlier ones.</summary>
    public HttpCallCounts Snapshot() => new(Requests, RateLimited, Retries, Failures);

    public override string ToString() => Snapshot().ToString();
}

/// <summary>Counts of HTTP calls at one moment, or between two (<c>later - earlier</c>).</summary>
public sealed record HttpCallCounts(long Requests, long RateLimited, long Retries, long Failures)
{
    public static HttpCallCounts operator -(HttpCallCounts later, HttpCallCounts earlier) =>
        new(later.Requests - earlier.Requests, later.RateLimited - earlier.RateLimited, later.Retries - earlier.Retries, later.Failures - earlier.Failures);

    public override string ToString() => $"{Requests} requests, {RateLimited} answered 429, {Retries} retries, {Failures} without answer";
}
