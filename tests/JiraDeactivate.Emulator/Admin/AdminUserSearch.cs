using System.Text.Json;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Admin;

/// <summary>
/// POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search: filters, cursor paging, expand, and the
/// knobs for what Atlassian leaves open (maximum limit, product keys and ids, undated products, the route off).
/// </summary>
internal static class AdminUserSearch
{
    private const int DefaultLimit = 50;

    // The documented maximum of the accountIds filter (contract §2.6a).
    private const int MaxAccountIds = 10;

    public static async Task<IResult> HandleAsync(HttpContext http, OrgState state, EmulatorConfig config, SearchPageFailures failures, string orgId, string directoryId)
    {
        if (Unavailable(config) is { } unavailable)
        {
            return unavailable;
        }

        AdminV2SearchRequest? body;
        try
        {
            body = http.Request.ContentLength is 0 ? null
                : await http.Request.ReadFromJsonAsync<AdminV2SearchRequest>(EmulatorJson.CamelCase, http.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return BadRequest("The request body is not valid JSON.");
        }

        body ??= new AdminV2SearchRequest(null, null, null, null, null, null, null);
        if (body.SearchTerm is not null && body.Emails is not null)
        {
            return BadRequest("searchTerm and emails cannot be used together.");
        }

        if (body.AccountIds is { Count: > MaxAccountIds })
        {
            return BadRequest($"accountIds takes at most {MaxAccountIds} account IDs.");
        }

        if (body.Limit is { } asked && (asked < 1 || asked > config.SearchMaxLimit))
        {
            return BadRequest($"limit must be between 1 and {config.SearchMaxLimit}.");
        }

        var org = state.ListOrgs().FirstOrDefault(o => o.Id == orgId);
        if (org is null)
        {
            return AdminErrors.Application(StatusCodes.Status404NotFound, "ADMIN-UAM-404-2", "Not Found", $"Organization {orgId} was not found.");
        }

        if (directoryId != "-" && directoryId != org.DirectoryId)
        {
            return AdminErrors.Application(StatusCodes.Status404NotFound, "ADMIN-UAM-404-1", "Not Found", $"Directory {directoryId} was not found.");
        }

        if (AdminCursor.Decode(body.Cursor) is not { } offset)
        {
            return AdminErrors.InvalidCursor("ADMIN-UAM-400-1");
        }

        var limit = body.Limit ?? Math.Min(DefaultLimit, config.SearchMaxLimit);
        if (failures.ShouldFail(config, offset, limit))
        {
            return AdminErrors.Application(config.SearchFailStatus, $"ADMIN-UAM-{config.SearchFailStatus}-1", "Injected failure", "The page failed (searchFailPage).");
        }

        var omitted = config.SearchOmits.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        // Filters first, then only the page is turned into bodies: an org of 10,000 users stays cheap to page through.
        var users = (state.ListOrgUsers(orgId) ?? [])
            .Where(u => !omitted.Contains(u.AccountId))
            .Where(u => body.RoleIds is null || body.RoleIds.Intersect(RolesOf(u)).Any())
            .Where(u => body.AccountIds is null || body.AccountIds.Contains(u.AccountId))
            .Where(u => body.Emails is null || body.Emails.Contains(u.VisibleEmail ?? "", StringComparer.OrdinalIgnoreCase))
            .Where(u => body.Status is null || body.Status.Contains(AdminRepresentations.V2Status(u)))
            .Where(u => body.SearchTerm is null
                || u.DisplayName.Contains(body.SearchTerm, StringComparison.OrdinalIgnoreCase)
                || (u.VisibleEmail?.Contains(body.SearchTerm, StringComparison.OrdinalIgnoreCase) ?? false))
            .ToList();
        var (found, prev, next) = AdminCursor.Page(users, offset, limit);
        var representations = new AdminRepresentations(http.Request, state.Site.CloudId);
        var products = state.Products;
        var expand = V2Expand.Of(body.Expand);
        var page = found.Select(u => representations.V2User(u, products, expand, config)).ToList();
        return Results.Json(new AdminV2UserPage(page, new AdminLinks(body.Cursor, prev, next)), EmulatorJson.CamelCase);
    }

    /// <summary>GET /admin/v2/orgs/{orgId}/directories: the org's one directory (centralized user management).</summary>
    public static IResult Directories(OrgState state, EmulatorConfig config, string orgId)
    {
        if (Unavailable(config) is { } unavailable)
        {
            return unavailable;
        }

        return state.ListOrgs().FirstOrDefault(o => o.Id == orgId) is { } org
            ? Results.Json(new AdminV2DirectoryPage([new AdminV2Directory(org.DirectoryId, $"{org.Name} directory")], new AdminLinks()), EmulatorJson.CamelCase)
            : AdminErrors.Application(StatusCodes.Status404NotFound, "ADMIN-UAM-404-2", "Not Found", $"Organization {orgId} was not found.");
    }

    // The role IDs the roleIds filter matches: org admins, and users who hold a product.
    private static IEnumerable<string> RolesOf(UserView user) =>
        [.. AdminRepresentations.PlatformRoles(user), .. user.ProductKeys.Count > 0 ? new[] { "atlassian/user" } : []];

    private static IResult? Unavailable(EmulatorConfig config) => config.SearchFault switch
    {
        "off" => AdminErrors.Application(StatusCodes.Status404NotFound, "ADMIN-404-1", "Not Found", "No route matches this request."),
        "forbidden" => Results.Json(
            new { timestamp = DateTime.UtcNow.ToString("O"), path = "/api/admin/v2/users/search", status = 403, error = "Forbidden", message = "User has no permission to access resource.", requestId = Guid.NewGuid().ToString("N")[..12] },
            EmulatorJson.CamelCase, statusCode: StatusCodes.Status403Forbidden),
        "methodNotAllowed" => Results.StatusCode(StatusCodes.Status405MethodNotAllowed),
        "unreadable" => Results.Text("""{"data":{"users":"not a list"},"links":[]}""", "application/json"),
        _ => null,
    };

    private static IResult BadRequest(string detail) =>
        AdminErrors.Application(StatusCodes.Status400BadRequest, "ADMIN-UAM-400-1", "Bad Request", detail);
}
