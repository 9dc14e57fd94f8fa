using System.Globalization;

namespace JiraDeactivate.Emulator.Admin;

/// <summary>The Admin API's error answers: ProxyError from the gateway, ApplicationErrors from the service.</summary>
internal static class AdminErrors
{
    public static IResult Proxy(int statusCode, string message) =>
        Results.Json(new AdminProxyError(statusCode, message), EmulatorJson.SnakeCase, statusCode: statusCode);

    public static IResult Application(int statusCode, string code, string title, string detail) =>
        Results.Json(
            new AdminApplicationErrors([new AdminApplicationError(Guid.NewGuid().ToString(), statusCode.ToString(CultureInfo.InvariantCulture), code, title, detail)]),
            EmulatorJson.SnakeCase,
            statusCode: statusCode);

    public static IResult OrgNotFound(string orgId) =>
        Application(StatusCodes.Status404NotFound, "ADMIN-404-2", "Not Found", $"Organization {orgId} was not found.");

    public static IResult UserNotFound(string accountId) =>
        Application(StatusCodes.Status404NotFound, "ADMIN-404-8", "Not Found", $"User {accountId} was not found in the organization.");

    public static IResult InvalidCursor(string code = "ADMIN-400-1") =>
        Application(StatusCodes.Status400BadRequest, code, "Bad Request", "The page cursor is invalid.");
}
