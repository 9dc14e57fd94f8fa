namespace JiraDeactivate.Emulator.Http;

/// <summary>An <see cref="IResult"/> with extra response headers (401 challenges, 429 and 503 retry hints).</summary>
internal sealed class HeaderResult(IResult inner, IReadOnlyList<KeyValuePair<string, string>> headers) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        foreach (var (name, value) in headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        return inner.ExecuteAsync(httpContext);
    }
}

internal static class HeaderResultExtensions
{
    public static IResult WithHeaders(this IResult result, params (string Name, string Value)[] headers) =>
        new HeaderResult(result, [.. headers.Select(h => KeyValuePair.Create(h.Name, h.Value))]);
}
