using JiraDeactivate.Emulator.Http;

namespace JiraDeactivate.Emulator.Jira;

/// <summary>Jira's startAt/maxResults paging, with maxResults capped at 50 like Cloud.</summary>
internal static class JiraPaging
{
    public const int MaxPageSize = 50;

    /// <returns>A 400 answer for a non-numeric startAt or maxResults, else null.</returns>
    public static IResult? TryRead(HttpRequest request, out int startAt, out int maxResults)
    {
        if (!QueryValues.TryInt(request, "startAt", 0, out startAt))
        {
            maxResults = 0;
            return JiraErrors.Messages(StatusCodes.Status400BadRequest, "The 'startAt' query parameter must be an integer.");
        }

        if (!QueryValues.TryInt(request, "maxResults", MaxPageSize, out maxResults))
        {
            return JiraErrors.Messages(StatusCodes.Status400BadRequest, "The 'maxResults' query parameter must be an integer.");
        }

        startAt = Math.Max(0, startAt);
        maxResults = maxResults < 1 ? MaxPageSize : Math.Min(maxResults, MaxPageSize);
        return null;
    }

    /// <summary>One page of <paramref name="items"/>; urlFor(startAt) gives the absolute URL of a page.</summary>
    public static JiraPage<TOut> Page<TIn, TOut>(
        IReadOnlyList<TIn> items, int startAt, int maxResults, Func<TIn, TOut> map, Func<int, string> urlFor)
    {
        var values = items.Skip(startAt).Take(maxResults).Select(map).ToList();
        var isLast = startAt + values.Count >= items.Count;
        return new JiraPage<TOut>(
            isLast, maxResults, isLast ? null : urlFor(startAt + values.Count), urlFor(startAt), startAt, items.Count, values);
    }
}
