namespace JiraDeactivate.Core.Http;

/// <summary>
/// Which attempt of a call a request is, kept in the request's own options by <see cref="ResilienceHandler"/> (the
/// layer that makes the attempts), so whoever reads the answer can tell a retry from a first try without a tracer.
/// </summary>
public static class RequestAttempt
{
    private static readonly HttpRequestOptionsKey<int> s_key = new("JiraDeactivate.Attempt");

    /// <summary>The attempt the request is (1 for the first); 1 when no resilience handler sent it.</summary>
    public static int Of(HttpRequestMessage? request) => request is not null && request.Options.TryGetValue(s_key, out int attempt) ? attempt : 1;

    /// <summary>True when the answer came to a retry: an earlier attempt of the same call may have done the change.</summary>
    public static bool IsRetry(HttpResponseMessage response) => Of(response.RequestMessage) > 1;

    /// <summary>Numbers the request's next attempt; the resilience handler calls it once per attempt.</summary>
    internal static int Next(HttpRequestMessage request)
    {
        int attempt = request.Options.TryGetValue(s_key, out int before) ? before + 1 : 1;
        request.Options.Set(s_key, attempt);
        return attempt;
    }
}
