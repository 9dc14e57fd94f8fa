using System.Text.Json;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Admin;

/// <summary>POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search: filters, cursor paging, expand.</summary>
internal static class AdminUserSearch
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 100;

    public static async Task<IResult> HandleAsync(HttpContext http, OrgState state, string orgId, string directoryId)
    {
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

        if (body.Limit is < 1 or > MaxLimit)
        {
            return BadRequest($"limit must be between 1 and {MaxLimit}.");
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

        var representations = new AdminRepresentations(http.Request, state.Site.CloudId);
        var products = state.Products;
        var expand = body.Expand ?? [];
        var users = (state.ListOrgUsers(orgId) ?? [])
            .Select(u => representations.V2User(u, products, expand.Contains("productAccess"), expand.Contains("groups")))
            .Where(u => body.AccountIds is null || body.AccountIds.Contains(u.AccountId))
            .Where(u => body.Emails is null || body.Emails.Contains(u.Email ?? "", StringComparer.OrdinalIgnoreCase))
            .Where(u => body.Status is null || body.Status.Contains(u.Status))
            .Where(u => body.SearchTerm is null
                || u.Name.Contains(body.SearchTerm, StringComparison.OrdinalIgnoreCase)
                || (u.Email?.Contains(body.SearchTerm, StringComparison.OrdinalIgnoreCase) ?? false))
            .ToList();
        var (page, prev, next) = AdminCursor.Page(users, offset, body.Limit ?? DefaultLimit);
        return Results.Json(new AdminV2UserPage(page, new AdminLinks(body.Cursor, prev, next)), EmulatorJson.CamelCase);
    }

    private static IResult BadRequest(string detail) =>
        AdminErrors.Application(StatusCodes.Status400BadRequest, "ADMIN-UAM-400-1", "Bad Request", detail);
}
