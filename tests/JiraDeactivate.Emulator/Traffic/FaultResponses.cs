using System.Globalization;
using JiraDeactivate.Emulator.Admin;
using JiraDeactivate.Emulator.Http;
using JiraDeactivate.Emulator.Jira;

namespace JiraDeactivate.Emulator.Traffic;

/// <summary>The 429 and 5xx answers in each API's own dialect and headers.</summary>
internal static class FaultResponses
{
    public static IResult TooManyRequests(ApiArea area, RateDecision decision, bool adminRetryAfter)
    {
        var limit = ("X-RateLimit-Limit", decision.Limit.ToString(CultureInfo.InvariantCulture));
        var remaining = ("X-RateLimit-Remaining", "0");
        var retryAfter = ("Retry-After", decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
        if (area == ApiArea.Admin)
        {
            var reset = ("X-RateLimit-Reset", decision.ResetAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            var body = AdminErrors.Proxy(StatusCodes.Status429TooManyRequests, "Too many requests; rate limit exceeded");
            return adminRetryAfter ? body.WithHeaders(limit, remaining, reset, retryAfter) : body.WithHeaders(limit, remaining, reset);
        }

        // Jira's X-RateLimit-Reset has minute precision (request time + Retry-After), unlike the admin gateway's.
        return JiraErrors.Messages(StatusCodes.Status429TooManyRequests, "Rate limit exceeded.").WithHeaders(
            retryAfter,
            ("X-RateLimit-Reset", decision.ResetAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)),
            limit,
            remaining,
            ("RateLimit-Reason", "jira-burst-based"));
    }

    public static IResult ServerError(ApiArea area, int statusCode)
    {
        var title = statusCode switch
        {
            StatusCodes.Status502BadGateway => "Bad Gateway",
            StatusCodes.Status503ServiceUnavailable => "Service Unavailable",
            _ => "Internal Server Error",
        };
        var body = area == ApiArea.Admin
            ? statusCode == StatusCodes.Status500InternalServerError
                ? AdminErrors.Application(statusCode, "ADMIN-500-1", title, "An internal error occurred (injected by the emulator).")
                : AdminErrors.Proxy(statusCode, title)
            : JiraErrors.Messages(statusCode, $"{title} (injected by the emulator).");
        return statusCode == StatusCodes.Status503ServiceUnavailable ? body.WithHeaders(("Retry-After", "1")) : body;
    }
}
