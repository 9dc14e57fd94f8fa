using JiraDeactivate.Emulator.Configuration;

namespace JiraDeactivate.Emulator.Traffic;

/// <summary>The outcome of asking for one request's worth of budget.</summary>
public sealed record RateDecision(bool Allowed, int Limit, int Remaining, int RetryAfterSeconds, DateTimeOffset ResetAt)
{
    public static RateDecision Unlimited { get; } = new(true, 0, 0, 0, default);

    public bool IsLimited => Limit > 0;
}

/// <summary>
/// A token bucket per credential (the Authorization header): refills at the configured rate per second (the Admin
/// API's own rate when one is set) and holds at most one second's worth (burst = the rate), or for the Admin API its
/// window's worth. Changing the rate starts every bucket full again.
/// </summary>
public sealed class RateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly ConfigStore _config;
    private readonly TimeProvider _clock;

    public RateLimiter(ConfigStore config, TimeProvider clock)
    {
        _config = config;
        _clock = clock;
        config.Changed += (previous, current) =>
        {
            if (previous.RateLimit != current.RateLimit || previous.AdminRateLimit != current.AdminRateLimit || previous.AdminRateLimitWindow != current.AdminRateLimitWindow)
            {
                Reset();
            }
        };
    }

    public RateDecision TryAcquire(string credential, bool adminApi = false)
    {
        var config = _config.Current;
        var rate = adminApi && config.AdminRateLimit > 0 ? config.AdminRateLimit : config.RateLimit;
        if (rate <= 0)
        {
            return RateDecision.Unlimited;
        }

        var capacity = Math.Max(1.0, adminApi && config.AdminRateLimit > 0 ? rate * config.AdminRateLimitWindow : rate);
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(credential, out var bucket))
            {
                bucket = new Bucket(capacity, now);
                _buckets[credential] = bucket;
            }

            var elapsed = Math.Max(0, (now - bucket.UpdatedAt).TotalSeconds);
            bucket.Tokens = Math.Min(capacity, bucket.Tokens + (elapsed * rate));
            bucket.UpdatedAt = now;
            var limit = (int)Math.Ceiling(capacity);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                var secondsToFull = (capacity - bucket.Tokens) / rate;
                return new RateDecision(true, limit, (int)Math.Floor(bucket.Tokens), 0, now.AddSeconds(secondsToFull));
            }

            // Retry-After is whole seconds, so never promise a token earlier than it really comes back.
            var retryAfter = Math.Max(1, (int)Math.Ceiling((1 - bucket.Tokens) / rate));
            return new RateDecision(false, limit, 0, retryAfter, now.AddSeconds(retryAfter));
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _buckets.Clear();
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset updatedAt)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset UpdatedAt { get; set; } = updatedAt;
    }
}
