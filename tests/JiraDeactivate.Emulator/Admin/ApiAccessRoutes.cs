using System.Globalization;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Admin;

/// <summary>The API key and API token inventories with their expiry dates (contract §1.3; one page).</summary>
internal static class ApiAccessRoutes
{
    public static void Map(IEndpointRouteBuilder app, OrgState state)
    {
        var group = app.MapGroup("/admin/api-access/v1").RequireAdminApiKey(state);
        group.MapGet("/orgs/{orgId}/api-keys", (string orgId) => List(state, orgId, tokens: false));
        group.MapGet("/orgs/{orgId}/api-tokens", (string orgId) => List(state, orgId, tokens: true));
    }

    private static IResult List(OrgState state, string orgId, bool tokens)
    {
        if (state.ListOrgs().All(o => o.Id != orgId))
        {
            return AdminErrors.OrgNotFound(orgId);
        }

        var entries = state.CredentialInventory(tokens).Select(e => new Dictionary<string, object?>
        {
            ["id"] = e.Id,
            [tokens ? "label" : "name"] = e.Name,
            ["accountId"] = e.AccountId,
            ["expiresAt"] = e.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["scopes"] = e.Scopes,
        });
        return Results.Json(new Dictionary<string, object> { ["data"] = entries.ToList(), ["links"] = new Dictionary<string, string>() });
    }
}
