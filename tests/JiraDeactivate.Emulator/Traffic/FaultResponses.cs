using System.Globalization;
using JiraDeactivate.Emulator.Admin;
using JiraDeactivate.Emulator.Configuration;
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

    /// <summary>The broken answer <see cref="EmulatorConfig.AnswerFault"/> asks for, written straight to the response.</summary>
    public static async Task BrokenAnswer(HttpContext context, EmulatorConfig settings)
    {
        var response = context.Response;
        var usual = settings.AnswerFault switch
        {
            "redirect" => StatusCodes.Status302Found,
            "echoHeaders" => StatusCodes.Status502BadGateway,
            _ => StatusCodes.Status200OK,
        };
        response.StatusCode = settings.AnswerFaultStatus == 0 ? usual : settings.AnswerFaultStatus;
        switch (settings.AnswerFault)
        {
            case "redirect":
                var request = context.Request;
                var target = settings.RedirectTo.Length > 0
                    ? settings.RedirectTo.TrimEnd('/')
                    : $"{request.Scheme}://localhost:{request.Host.Port}";
                response.Headers.Location = target + request.PathBase + request.Path + request.QueryString;
                return;
            case "echoHeaders":
                // As a proxy that reports the request it could not forward: the headers as text and as JSON.
                var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString());
                var text = string.Join("; ", headers.Select(h => $"{h.Key}: {h.Value}"));
                response.ContentType = "application/json";
                await response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["code"] = response.StatusCode,
                    ["message"] = $"Upstream request failed; request was {context.Request.Method} {context.Request.Path} with headers {text}",
                    ["errorMessages"] = new[] { $"proxy error for Authorization={context.Request.Headers.Authorization}" },
                    ["headers"] = headers,
                }));
                return;
            case "htmlPage":
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync("<!DOCTYPE html><html><head><title>Log in</title></head><body><h1>Log in to continue</h1></body></html>");
                return;
            case "invalidJson":
                response.ContentType = "application/json";
                await response.WriteAsync("{\"values\": [ {\"accountId\": 'single-quoted', } ]");
                return;
            default:
                // A whole HTTP answer whose JSON stops half-way, as when a proxy cuts it.
                response.ContentType = "application/json";
                await response.WriteAsync("{\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Mi");
                return;
        }
    }
}
