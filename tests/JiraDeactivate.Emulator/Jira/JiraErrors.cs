using JiraDeactivate.Emulator.Http;

namespace JiraDeactivate.Emulator.Jira;

/// <summary>Jira's error answers: ErrorCollection bodies and the Basic-auth 401.</summary>
internal static class JiraErrors
{
    private static readonly IReadOnlyDictionary<string, string> s_noFieldErrors = new Dictionary<string, string>();

    public static IResult Messages(int statusCode, params string[] messages) =>
        Results.Json(new JiraErrorCollection(messages, s_noFieldErrors), EmulatorJson.CamelCase, statusCode: statusCode);

    public static IResult Fields(int statusCode, IReadOnlyDictionary<string, string> errors) =>
        Results.Json(new JiraErrorCollection([], errors), EmulatorJson.CamelCase, statusCode: statusCode);

    public static IResult UserNotFound() =>
        Messages(StatusCodes.Status404NotFound, "Specified user does not exist or you do not have required permissions");

    public static IResult GroupNotFound() =>
        Messages(StatusCodes.Status404NotFound, "Specified group does not exist or you do not have required permissions");

    public static IResult Forbidden(string message) => Messages(StatusCodes.Status403Forbidden, message);

    /// <summary>The 401 answer; Jira only says why (X-Seraph-LoginReason) when a login was attempted.</summary>
    public static IResult Unauthorized(HttpRequest request, bool credentialsSupplied)
    {
        var body = Results.Json(new JiraUnauthorized("Client must be authenticated to access this resource.", 401),
            EmulatorJson.CamelCase, statusCode: StatusCodes.Status401Unauthorized);
        var challenge = ("WWW-Authenticate", $"OAuth realm=\"{Uri.EscapeDataString(RequestUrls.BaseUrl(request))}\"");
        return credentialsSupplied
            ? body.WithHeaders(challenge, ("X-Seraph-LoginReason", "AUTHENTICATED_FAILED"))
            : body.WithHeaders(challenge);
    }
}
