using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.Http;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Admin;

/// <summary>The organization Admin API routes (v1 orgs, users, last-active dates, suspend/restore; v2 directories and user search).</summary>
internal static class AdminRoutes
{
    public static void Map(IEndpointRouteBuilder app, OrgState state, ConfigStore config)
    {
        var v1 = app.MapGroup("/admin/v1").RequireAdminApiKey(state);
        v1.MapGet("/orgs", (HttpContext http) => ListOrgs(http, state, config.Current));
        v1.MapGet("/orgs/{orgId}", (HttpContext http, string orgId) =>
            state.ListOrgs().FirstOrDefault(o => o.Id == orgId) is { } org
                ? V1Json(new AdminOrgSingle(Representations(http, state).Org(org)))
                : AdminErrors.OrgNotFound(orgId));
        v1.MapGet("/orgs/{orgId}/users", (HttpContext http, string orgId) => ListUsers(http, state, config.Current, orgId));
        v1.MapGet("/orgs/{orgId}/directory/users/{accountId}/last-active-dates", (HttpContext http, string orgId, string accountId) =>
            LastActiveDates(http, state, config.Current, orgId, accountId));
        v1.MapPost("/orgs/{orgId}/directory/users/{accountId}/suspend-access", (string orgId, string accountId) =>
            config.Current.V1LifecycleRoutes ? SetSuspended(state, orgId, accountId, suspended: true) : AdminLifecycleRoutes.RetiredV1());
        v1.MapPost("/orgs/{orgId}/directory/users/{accountId}/restore-access", (string orgId, string accountId) =>
            config.Current.V1LifecycleRoutes ? SetSuspended(state, orgId, accountId, suspended: false) : AdminLifecycleRoutes.RetiredV1());

        var v2 = app.MapGroup("/admin/v2").RequireAdminApiKey(state);
        var failures = new SearchPageFailures(config);
        v2.MapGet("/orgs/{orgId}/directories", (string orgId) => AdminUserSearch.Directories(state, config.Current, orgId));
        v2.MapPost("/orgs/{orgId}/directories/{directoryId}/users/search", (HttpContext http, string orgId, string directoryId) =>
            AdminUserSearch.HandleAsync(http, state, config.Current, failures, orgId, directoryId));
        AdminLifecycleRoutes.Map(v2, state, config);
        AccessPathRoutes.Map(v1, v2, state, config);
    }

    private static IResult ListOrgs(HttpContext http, OrgState state, EmulatorConfig config)
    {
        if (AdminCursor.Decode(QueryValues.String(http.Request, "cursor")) is not { } offset)
        {
            return AdminErrors.InvalidCursor();
        }

        var representations = Representations(http, state);
        var (orgs, prev, next) = AdminCursor.Page(state.ListOrgs(), offset, config.AdminPageSize);
        return V1Json(new AdminOrgPage([.. orgs.Select(representations.Org)], PageLinks(http.Request, prev, next)));
    }

    private static IResult ListUsers(HttpContext http, OrgState state, EmulatorConfig config, string orgId)
    {
        if (AdminCursor.Decode(QueryValues.String(http.Request, "cursor")) is not { } offset)
        {
            return AdminErrors.InvalidCursor();
        }

        if (state.ListOrgUsers(orgId) is not { } users)
        {
            return AdminErrors.OrgNotFound(orgId);
        }

        // v1 lists managed accounts only (AX-673): no app accounts, no external users.
        var managed = users.Where(u => u.Managed && !u.IsApp).ToList();
        var (page, prev, next) = AdminCursor.Page(managed, offset, config.AdminPageSize);
        var representations = Representations(http, state);
        var siteUrl = RequestUrls.BaseUrl(http.Request);
        var products = state.Products;
        return V1Json(new AdminUserPage(
            [.. page.Select(u => representations.User(u, products, siteUrl))],
            new AdminMeta(managed.Count),
            PageLinks(http.Request, prev, next)));
    }

    private static IResult LastActiveDates(HttpContext http, OrgState state, EmulatorConfig config, string orgId, string accountId)
    {
        if (AdminCursor.Decode(QueryValues.String(http.Request, "cursor")) is null)
        {
            return AdminErrors.InvalidCursor();
        }

        if (state.ListOrgs().All(o => o.Id != orgId))
        {
            return AdminErrors.OrgNotFound(orgId);
        }

        if (state.Site.OrgId != orgId || state.FindUser(accountId) is not { } user)
        {
            return AdminErrors.UserNotFound(accountId);
        }

        return V1Json(Representations(http, state).LastActiveDates(user, state.Products, config));
    }

    private static IResult SetSuspended(OrgState state, string orgId, string accountId, bool suspended) =>
        state.SetSuspended(orgId, accountId, suspended) switch
        {
            AccessOutcome.Changed => V1Json(new AdminMessage(
                $"Access to organization {orgId} was {(suspended ? "suspended" : "restored")} for user {accountId}")),
            AccessOutcome.OrgNotFound => AdminErrors.OrgNotFound(orgId),
            AccessOutcome.UserNotFound => AdminErrors.UserNotFound(accountId),
            _ => AdminErrors.Application(StatusCodes.Status400BadRequest, "ADMIN-400-4", "Bad Request",
                $"User {accountId} is an app account; its access cannot be {(suspended ? "suspended" : "restored")}."),
        };

    // links.self is the URL asked for; prev and next are full URLs the client follows as they are.
    private static AdminLinks PageLinks(HttpRequest request, string? prevCursor, string? nextCursor) => new(
        RequestUrls.BaseUrl(request) + request.Path + request.QueryString,
        prevCursor is null ? null : RequestUrls.Build(request, request.Path, ("cursor", prevCursor)),
        nextCursor is null ? null : RequestUrls.Build(request, request.Path, ("cursor", nextCursor)));

    private static AdminRepresentations Representations(HttpContext http, OrgState state) => new(http.Request, state.Site.CloudId);

    private static IResult V1Json<T>(T body) => Results.Json(body, EmulatorJson.SnakeCase);
}
