using JiraDeactivate.Emulator.Http;

namespace JiraDeactivate.Emulator.Traffic;

/// <summary>Middleware feeding <see cref="RequestStats"/> for every API request (control requests are not counted).</summary>
internal static class RequestTracking
{
    /// <summary>Set by fault injection on a request whose connection it aborted.</summary>
    public const string DroppedItem = "JiraDeactivate.Emulator.Dropped";

    /// <summary>Nginx's code for "the client closed the request", recorded when a client gives up mid-delay.</summary>
    public const int ClientClosedStatus = 499;

    public static IApplicationBuilder UseRequestTracking(this IApplicationBuilder app, RequestStats stats) =>
        app.Use(async (context, next) =>
        {
            if (ApiAreas.Of(context.Request.Path) == ApiArea.Control)
            {
                await next(context);
                return;
            }

            using var inFlight = stats.Begin();
            var failed = false;
            try
            {
                await next(context);
            }
            catch
            {
                failed = true;
                throw;
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
                var status = context.Items.ContainsKey(DroppedItem) ? RequestStats.DroppedStatus
                    : failed ? StatusCodes.Status500InternalServerError
                    : context.Response.StatusCode;
                stats.Record(context.Request.Method, route, status);
            }
        });
}
