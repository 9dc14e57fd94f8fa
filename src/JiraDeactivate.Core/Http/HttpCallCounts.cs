namespace JiraDeactivate.Core.Http;

/// <summary>A snapshot of <see cref="HttpCallStats"/>; the difference of two is what happened between them (one run).</summary>
public readonly record struct HttpCallCounts(long Requests, long RateLimited, long Retries, long Failures)
{
    public static HttpCallCounts Of(HttpCallStats? stats) =>
        stats is null ? default : new(stats.Requests, stats.RateLimited, stats.Retries, stats.Failures);

    public static HttpCallCounts operator -(HttpCallCounts after, HttpCallCounts before) =>
        new(after.Requests - before.Requests, after.RateLimited - before.RateLimited, after.Retries - before.Retries, after.Failures - before.Failures);

    public override string ToString() => $"{Requests} requests, {RateLimited} answered 429, {Retries} retries, {Failures} without answer";
}
