using System.Diagnostics;
using System.Net;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// Traces each attempt as "GET /rest/api/3/myself -> 200 OK in 52 ms (attempt 2)". It writes the method, path and
/// query only: never a header, so the Authorization value cannot leak into -Verbose or -Debug output.
/// </summary>
internal sealed class HttpTraceHandler(Func<IHttpTrace?> trace, HttpCallStats stats) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int attempt = RequestAttempt.Of(request);
        stats.CountRequest();
        if (attempt > 1)
        {
            stats.CountRetry();
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                // The body is read within the attempt, so an answer that breaks off or stalls mid-body is retried and
                // timed out like one that never came, instead of failing at once or hanging.
                await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                stats.CountRateLimited();
            }

            trace()?.Write($"{request.Method} {Describe(request.RequestUri)} -> {(int)response.StatusCode} {response.ReasonPhrase} in {clock.ElapsedMilliseconds} ms{Attempt(attempt)}");
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            stats.CountFailure();
            trace()?.Write($"{request.Method} {Describe(request.RequestUri)} -> no answer after {clock.ElapsedMilliseconds} ms{Attempt(attempt)}: {(cancellationToken.IsCancellationRequested ? "cancelled" : e.Message)}");
            throw;
        }
    }

    private static string Attempt(int attempt) => attempt > 1 ? $" (attempt {attempt})" : string.Empty;

    private static string Describe(Uri? uri) => uri is null ? "?" : uri.PathAndQuery;
}
