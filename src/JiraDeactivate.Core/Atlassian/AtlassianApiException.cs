using System.Net;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>An Atlassian API answered with an error, an unexpected body, or not at all. The message never holds a secret.</summary>
public sealed class AtlassianApiException : Exception
{
    public AtlassianApiException(AtlassianApi api, string method, string path, HttpStatusCode? status, string detail, Exception? inner = null)
        : base(Describe(api, method, path, status, detail), inner)
    {
        Api = api;
        Method = method;
        Path = path;
        StatusCode = status;
        Detail = detail;
    }

    public AtlassianApi Api { get; }

    public string Method { get; }

    /// <summary>The path and query called.</summary>
    public string Path { get; }

    /// <summary>The HTTP status, or null when no answer came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>What the server said (its error messages), or what went wrong.</summary>
    public string Detail { get; }

    private static string Describe(AtlassianApi api, string method, string path, HttpStatusCode? status, string detail)
    {
        string name = api switch
        {
            AtlassianApi.Jira => "Jira REST API",
            AtlassianApi.Admin => "Admin API",
            _ => "OAuth token endpoint",
        };
        string answer = status is { } s ? $"answered {(int)s} {s}" : "did not answer";
        return $"The {name} {answer} to {method} {path}: {detail}";
    }
}
