using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.Http;

namespace JiraDeactivate.Emulator.Traffic;

/// <summary>
/// Middleware in front of the API routes: latency, the rate limit (429), dropped connections, injected 5xx, broken
/// answers (invalid JSON, HTML, truncated, redirects) and slow answers, in that order. Everything happens before the
/// route runs, so a dropped or failed request never changes state; except dropAfterRate, which lets the route change
/// the state and then loses its answer. Control routes are never touched.
/// </summary>
public sealed class FaultInjection(ConfigStore config, RateLimiter limiter, RequestStats stats, int seed)
{
    private static readonly int[] s_serverErrors = [StatusCodes.Status500InternalServerError, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable];

    private readonly Lock _gate = new();
    private readonly Random _random = new(seed);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var area = ApiAreas.Of(context.Request.Path);
        if (area == ApiArea.Control)
        {
            await next(context);
            return;
        }

        var settings = config.Current;
        var dice = Roll();
        var aborted = context.RequestAborted;
        try
        {
            if (settings.LatencyMs > 0)
            {
                await Task.Delay(settings.LatencyMs, aborted);
            }

            var decision = limiter.TryAcquire(context.Request.Headers.Authorization.ToString(), area == ApiArea.Admin);
            if (!decision.Allowed)
            {
                await FaultResponses.TooManyRequests(area, decision, settings.AdminRetryAfter).ExecuteAsync(context);
                return;
            }

            if (area == ApiArea.Jira && decision.IsLimited && decision.Remaining < decision.Limit * 0.2)
            {
                context.Response.Headers["X-RateLimit-NearLimit"] = "true";
            }

            if (dice.Drop < settings.DropRate)
            {
                context.Items[RequestTracking.DroppedItem] = true;
                context.Abort();
                return;
            }

            if (dice.Error < settings.ErrorRate)
            {
                await FaultResponses.ServerError(area, dice.ErrorStatus).ExecuteAsync(context);
                return;
            }

            if (settings.AnswerFault.Length > 0)
            {
                await FaultResponses.BrokenAnswer(context, settings);
                return;
            }

            if (dice.Slow < settings.SlowRate && (settings.SlowArea.Length == 0 || settings.SlowArea == (area == ApiArea.Admin ? "admin" : "jira")))
            {
                stats.RecordSlowAnswer();
                await Task.Delay(settings.SlowMs, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            context.Response.StatusCode = RequestTracking.ClientClosedStatus;
            return;
        }

        if (dice.DropAfter < settings.DropAfterRate)
        {
            // The route runs and changes the state, but its answer never leaves: nothing is written to the client.
            context.Response.Body = Stream.Null;
            await next(context);
            context.Items[RequestTracking.DroppedItem] = true;
            context.Abort();
            return;
        }

        await next(context);
    }

    // Every request draws the same numbers whatever the settings, so a seed replays the same fault sequence.
    private Dice Roll()
    {
        lock (_gate)
        {
            return new Dice(_random.NextDouble(), _random.NextDouble(), _random.NextDouble(), s_serverErrors[_random.Next(s_serverErrors.Length)], _random.NextDouble());
        }
    }

    private readonly record struct Dice(double Drop, double Error, double Slow, int ErrorStatus, double DropAfter);
}
