using System.Globalization;
using System.Net;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// Spaces requests to stay just under the rate the server announces (X-RateLimit-Limit, taken per second, as
/// Jira's burst limits are; learned from any answer that carries it, 429s included, and kept). The Admin API does not
/// say its unit (its pace is about 200 a minute): while 429s keep coming at the per-second reading, it slows down
/// further, as far as reading the limit per minute, and holds
/// back every request, not only the one that got it, while a 429 or a rate-limit 503 says to wait (Retry-After,
/// X-RateLimit-Reset) or the announced budget is spent. Polly's rate limiter
/// cannot change its rate while running, which this needs: the limit is only known from the answers.
/// One per client: <see cref="PacingHandler"/> waits for its slots, <see cref="RateLimitObserver"/> feeds it every answer.
/// </summary>
internal sealed class RateLimitPacer(TimeProvider time)
{
    // Aim below the announced limit, so that clock skew and bursts at the server do not turn into 429s.
    private const double Headroom = 0.9;

    // After a 429, slow down by this factor, then speed back up slowly while answers are good.
    private const double BackOffFactor = 1.5;
    private const double RecoveryFactor = 0.99;
    // The slowest reading of an announced limit: per minute instead of per second.
    private const double MaxSlowdown = 60;
    private const double MaxIntervalWithoutLimit = 0.5;
    private static readonly TimeSpan s_backOffQuietPeriod = TimeSpan.FromSeconds(1);

    private readonly object _lock = new();
    private double _announcedInterval;
    private double _interval;
    private long _nextSlot;
    private long _pausedUntil;
    private long _lastBackOff;

    /// <summary>Waits until this request's turn.</summary>
    public async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Reserve()
    {
        long now = time.GetTimestamp();
        lock (_lock)
        {
            long slot = Math.Max(now, Math.Max(_nextSlot, _pausedUntil));
            _nextSlot = slot + (long)(_interval * time.TimestampFrequency);
            return time.GetElapsedTime(now, slot);
        }
    }

    /// <summary>Learns from an answer: the announced limit, a pause to respect, whether to slow down.</summary>
    public void Observe(HttpResponseMessage response)
    {
        var headers = response.Headers;
        long now = time.GetTimestamp();
        lock (_lock)
        {
            bool firstLearned = false;
            if (Header(headers, "X-RateLimit-Limit") is { } limitText && double.TryParse(limitText, NumberStyles.Float, CultureInfo.InvariantCulture, out double limit) && limit > 0)
            {
                firstLearned = _announcedInterval == 0;
                _announcedInterval = 1.0 / (limit * Headroom);
                _interval = Math.Max(_interval, _announcedInterval);
            }

            var pause = PauseFor(response, headers);
            if (pause > TimeSpan.Zero)
            {
                _pausedUntil = Math.Max(_pausedUntil, now + (long)(pause.TotalSeconds * time.TimestampFrequency));
            }

            // Requests in flight together all get their 429 at once: that is one signal to slow down, not many. The
            // 429 that first announces the limit only says the unpaced start was too fast: pacing under the limit
            // from then on is the answer to it, without slowing down further.
            if (firstLearned && response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                _lastBackOff = now;
            }
            else if (response.StatusCode == HttpStatusCode.TooManyRequests && time.GetElapsedTime(_lastBackOff, now) > s_backOffQuietPeriod)
            {
                double slowest = _announcedInterval > 0 ? _announcedInterval * MaxSlowdown : MaxIntervalWithoutLimit;
                _interval = Math.Min(slowest, Math.Max(_interval, _announcedInterval) * BackOffFactor);
                _lastBackOff = now;
            }
            else if (_interval > _announcedInterval)
            {
                _interval = Math.Max(_announcedInterval, _interval * RecoveryFactor);
            }
        }
    }

    private TimeSpan PauseFor(HttpResponseMessage response, System.Net.Http.Headers.HttpResponseHeaders headers)
    {
        // A 503 holds everyone back only when it is about the rate limit; a plain 503 (one node failing) delays just
        // its own retry, which the retry strategy does from the same Retry-After.
        bool told = response.StatusCode == HttpStatusCode.TooManyRequests
            || (response.StatusCode == HttpStatusCode.ServiceUnavailable && IsAboutRateLimit(headers));
        if (told && headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : TimeSpan.Zero);
        }

        bool spent = Header(headers, "X-RateLimit-Remaining") is { } remaining && remaining.Trim() == "0";
        if ((told || spent) && Header(headers, "X-RateLimit-Reset") is { } resetText
            && DateTimeOffset.TryParse(resetText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset))
        {
            return reset - time.GetUtcNow();
        }

        return TimeSpan.Zero;
    }

    private static bool IsAboutRateLimit(System.Net.Http.Headers.HttpResponseHeaders headers) =>
        headers.Contains("X-RateLimit-Limit") || headers.Contains("X-RateLimit-Remaining") || headers.Contains("X-RateLimit-Reset") || headers.Contains("RateLimit-Reason");

    private static string? Header(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
