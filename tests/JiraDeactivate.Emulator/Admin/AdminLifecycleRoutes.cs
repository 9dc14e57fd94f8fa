using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Admin;

/// <summary>
/// The v2 user lifecycle routes: POST …/directories/{directoryId}/users/{accountId}/suspend and /restore. Suspended
/// users keep their groups, hold no seat, show status "suspended" in the v2 search and "active": false in Jira.
/// </summary>
internal static class AdminLifecycleRoutes
{
    public static void Map(RouteGroupBuilder v2, OrgState state, ConfigStore config)
    {
        v2.MapPost("/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend", (HttpContext http, string orgId, string directoryId, string accountId) =>
            ChangeAsync(http, state, config.Current, orgId, directoryId, accountId, suspend: true));
        v2.MapPost("/orgs/{orgId}/directories/{directoryId}/users/{accountId}/restore", (HttpContext http, string orgId, string directoryId, string accountId) =>
            ChangeAsync(http, state, config.Current, orgId, directoryId, accountId, suspend: false));
    }

    /// <summary>What Atlassian's v1 suspend-access and restore-access answer since they stopped working (June 30, 2026).</summary>
    public static IResult RetiredV1() =>
        AdminErrors.Application(StatusCodes.Status404NotFound, "ADMIN-404-1", "Not Found", "No route matches this request: use the v2 suspend and restore routes.");

    private static async Task<IResult> ChangeAsync(HttpContext http, OrgState state, EmulatorConfig config, string orgId, string directoryId, string accountId, bool suspend)
    {
        // Atlassian answers a POST without a JSON body with 415.
        using var reader = new StreamReader(http.Request.Body);
        string body = await reader.ReadToEndAsync(http.RequestAborted);
        if (body.Trim().Length == 0 || http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (state.ListOrgs().FirstOrDefault(o => o.Id == orgId) is not { } org)
        {
            return AdminErrors.Application(StatusCodes.Status404NotFound, "ADMIN-UAM-404-2", "Not Found", $"Organization {orgId} was not found.");
        }

        if (directoryId != org.DirectoryId)
        {
            return AdminErrors.Application(StatusCodes.Status404NotFound, "ADMIN-UAM-404-1", "Not Found", $"Directory {directoryId} was not found.");
        }

        if (state.FindUser(accountId) is not { } user)
        {
            return AdminErrors.UserNotFound(accountId);
        }

        if (user.OrgAdmin)
        {
            return AdminErrors.Application(StatusCodes.Status403Forbidden, "ADMIN-403-3", "Forbidden", $"User {accountId} is an organization admin; their access cannot be {(suspend ? "suspended" : "restored")}.");
        }

        if (user.Suspended == suspend)
        {
            return config.LifecycleAlreadyStatus == StatusCodes.Status409Conflict
                ? AdminErrors.Application(StatusCodes.Status409Conflict, "ADMIN-UAM-409-1", "Conflict", $"User {accountId}'s access is {(suspend ? "suspended" : "active")} already.")
                : Results.StatusCode(config.LifecycleAlreadyStatus);
        }

        return state.SetSuspended(orgId, accountId, suspend) switch
        {
            AccessOutcome.Changed => Results.StatusCode(config.LifecycleSuccessStatus),
            AccessOutcome.OrgNotFound => AdminErrors.OrgNotFound(orgId),
            AccessOutcome.UserNotFound => AdminErrors.UserNotFound(accountId),
            _ => AdminErrors.Application(StatusCodes.Status400BadRequest, "ADMIN-UAM-400-1", "Bad Request", $"User {accountId} is an app account; its access cannot be {(suspend ? "suspended" : "restored")}."),
        };
    }
}
