using System.Text.Json;
using System.Text.Json.Nodes;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.Http;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Admin;

/// <summary>
/// The Admin API routes of how a user holds a product (contract §2.6b): workspaces (the resource ids), a user's role
/// assignments, Revoke and Grant user access, and the v2 group search with the signals of a synced group.
/// </summary>
internal static class AccessPathRoutes
{
    public const string UserRole = "atlassian/user";
    private const int DefaultWorkspaceLimit = 20;
    private const int DefaultGroupLimit = 20;

    public static void Map(RouteGroupBuilder v1, RouteGroupBuilder v2, OrgState state, ConfigStore config)
    {
        v2.MapPost("/orgs/{orgId}/workspaces", (HttpContext http, string orgId) => WorkspacesAsync(http, state, config.Current, orgId));
        v2.MapGet("/orgs/{orgId}/directories/{directoryId}/users/{accountId}/role-assignments", (HttpContext http, string orgId, string directoryId, string accountId) =>
            RoleAssignments(http, state, config.Current, orgId, directoryId, accountId));
        v2.MapPost("/orgs/{orgId}/directories/{directoryId}/groups/search", (HttpContext http, string orgId, string directoryId) =>
            SearchGroupsAsync(http, state, config.Current, orgId, directoryId));
        v1.MapPost("/orgs/{orgId}/users/{accountId}/roles/revoke", (HttpContext http, string orgId, string accountId) =>
            ChangeRoleAsync(http, state, config.Current, orgId, accountId, revoke: true));
        v1.MapPost("/orgs/{orgId}/users/{accountId}/roles/assign", (HttpContext http, string orgId, string accountId) =>
            ChangeRoleAsync(http, state, config.Current, orgId, accountId, revoke: false));
    }

    /// <summary>The workspace id (site ARI) of a product on the site: its owner is a knob for Jira Software.</summary>
    public static string WorkspaceId(ProductView product, string cloudId, EmulatorConfig config) => $"ari:cloud:{Owner(product, config)}::site/{cloudId}";

    /// <summary>A group's id in the Admin API: an identity ARI whose uuid is Jira's groupId.</summary>
    public static string GroupAri(string groupId) => $"ari:cloud:identity::group/{groupId}";

    private static string Owner(ProductView product, EmulatorConfig config) => product.Key == StateGenerator.JiraSoftwareKey ? config.WorkspaceAriOwner : product.Key;

    private static async Task<IResult> WorkspacesAsync(HttpContext http, OrgState state, EmulatorConfig config, string orgId)
    {
        if (await ReadBodyAsync(http) is not { } body)
        {
            return BadRequest("ADMIN-400-24", "The request body is not a JSON object.");
        }

        // A later page sends its cursor alone: a cursor with other properties is a 400.
        string? cursor = body["cursor"]?.GetValue<string>();
        if (cursor is not null && body.Count > 1)
        {
            return BadRequest("ADMIN-400-24", "A request with a cursor must not carry other properties.");
        }

        if (state.ListOrgs().All(o => o.Id != orgId))
        {
            return AdminErrors.OrgNotFound(orgId);
        }

        int limit = body["limit"]?.GetValue<int>() ?? DefaultWorkspaceLimit;
        int? offset = cursor is null ? 0 : WorkspaceCursor.Decode(cursor);
        if (offset is null)
        {
            return AdminErrors.InvalidCursor();
        }

        if (cursor is not null)
        {
            limit = WorkspaceCursor.LimitOf(cursor);
        }

        if (limit is < 1 or > 1000)
        {
            return BadRequest("ADMIN-400-24", "limit must be between 1 and 1000.");
        }

        var site = state.Site;
        string hostUrl = RequestUrls.BaseUrl(http.Request);
        var all = state.Products.Select(p => new WorkspaceBody(WorkspaceId(p, site.CloudId, config), "workspace",
            new WorkspaceAttributes($"{site.Name} {p.Name}", Owner(p, config), "site", Owner(p, config), "online", hostUrl))).ToList();
        var page = all.Skip(offset.Value).Take(limit).ToList();
        string? next = offset.Value + limit < all.Count ? WorkspaceCursor.Encode(offset.Value + limit, limit) : null;
        return Results.Json(new WorkspacePage(page, new AdminLinks(cursor, null, next)), EmulatorJson.CamelCase);
    }

    private static IResult RoleAssignments(HttpContext http, OrgState state, EmulatorConfig config, string orgId, string directoryId, string accountId)
    {
        if (state.ListOrgs().FirstOrDefault(o => o.Id == orgId) is not { } org)
        {
            return AdminErrors.OrgNotFound(orgId);
        }

        if (directoryId != "-" && directoryId != org.DirectoryId)
        {
            return AdminErrors.Application(StatusCodes.Status404NotFound, "ADMIN-UAM-404-1", "Not Found", $"Directory {directoryId} was not found.");
        }

        if (state.FindUser(accountId) is not { } user || state.RoleAssignments(accountId) is not { } held)
        {
            return AdminErrors.UserNotFound(accountId);
        }

        var resourceIds = QueryValues.List(http.Request, "resourceIds");
        var roleIds = QueryValues.List(http.Request, "roleIds");
        string cloudId = state.Site.CloudId;
        string status = user.Suspended ? "suspended" : "active";
        var data = held
            .Select(r => new RoleAssignmentBody(WorkspaceId(r.Product, cloudId, config), Owner(r.Product, config), org.DirectoryId, status,
                [new RoleAssignment(UserRole, [.. r.ByGroup ? new[] { "group_direct" } : [], .. r.Direct ? new[] { "direct" } : []])]))
            .Where(r => resourceIds.Count == 0 || resourceIds.Contains(r.ResourceId))
            .Where(_ => roleIds.Count == 0 || roleIds.Contains(UserRole))
            .ToList();
        if (user.OrgAdmin && (roleIds.Count == 0 || roleIds.Contains("atlassian/org-admin")) && resourceIds.Count == 0)
        {
            data.Add(new RoleAssignmentBody($"ari:cloud:platform::org/{orgId}", "platform", null, status, [new RoleAssignment("atlassian/org-admin", ["direct"])]));
        }

        return Results.Json(new RoleAssignmentPage(data, new AdminLinks()), EmulatorJson.CamelCase);
    }

    private static async Task<IResult> ChangeRoleAsync(HttpContext http, OrgState state, EmulatorConfig config, string orgId, string accountId, bool revoke)
    {
        var body = await ReadBodyAsync(http);
        string? role = body?["role"]?.GetValue<string>();
        string? resource = body?["resource"]?.GetValue<string>();
        if (role is null || resource is null)
        {
            return BadRequest("ADMIN-400-24", "The body must name a role and a resource.");
        }

        if (state.ListOrgs().All(o => o.Id != orgId) || state.Site.OrgId != orgId)
        {
            return AdminErrors.OrgNotFound(orgId);
        }

        // The resource must be a workspace id exactly as the workspaces API gives it.
        var product = state.Products.FirstOrDefault(p => p.ApplicationRole && WorkspaceId(p, state.Site.CloudId, config) == resource);
        if (role != UserRole || product is null)
        {
            return BadRequest("ADMIN-UAM-400-3", $"Role '{role}' is not valid for resource '{resource}'.");
        }

        var outcome = revoke ? state.RevokeRole(accountId, product.Key, config.RevokeStripsGroups) : state.AssignRole(accountId, product.Key);
        return outcome switch
        {
            AccessOutcome.Changed => Results.StatusCode(config.RoleChangeStatus),
            AccessOutcome.UserNotFound => AdminErrors.UserNotFound(accountId),
            _ => AdminErrors.Application(StatusCodes.Status403Forbidden, "ADMIN-403-3", "Forbidden",
                $"User {accountId} is an organization admin: remove the organization admin role first."),
        };
    }

    private static async Task<IResult> SearchGroupsAsync(HttpContext http, OrgState state, EmulatorConfig config, string orgId, string directoryId)
    {
        if (await ReadBodyAsync(http) is not { } body)
        {
            return BadRequest("ADMIN-UAM-400-1", "The request body is not a JSON object.");
        }

        var groupIds = Strings(body, "groupIds");
        var groupNames = Strings(body, "groupNames");
        if (groupIds is not null && groupNames is not null)
        {
            return BadRequest("ADMIN-UAM-400-1", "groupIds and groupNames cannot be used together.");
        }

        if (state.ListOrgs().FirstOrDefault(o => o.Id == orgId) is not { } org)
        {
            return AdminErrors.OrgNotFound(orgId);
        }

        if (directoryId != "-" && directoryId != org.DirectoryId)
        {
            return AdminErrors.Application(StatusCodes.Status404NotFound, "ADMIN-UAM-404-1", "Not Found", $"Directory {directoryId} was not found.");
        }

        if (AdminCursor.Decode(body["cursor"]?.GetValue<string>()) is not { } offset)
        {
            return AdminErrors.InvalidCursor("ADMIN-UAM-400-1");
        }

        int limit = body["limit"]?.GetValue<int>() ?? DefaultGroupLimit;
        var accountIds = Strings(body, "accountIds");
        var resourceIds = Strings(body, "resourceIds");
        string cloudId = state.Site.CloudId;
        var granting = resourceIds is null ? null
            : state.Products.Where(p => resourceIds.Contains(WorkspaceId(p, cloudId, config))).SelectMany(p => p.Groups).Select(g => g.GroupId).ToHashSet(StringComparer.Ordinal);
        var members = accountIds is null ? null
            : accountIds.Select(state.FindUser).OfType<UserView>().SelectMany(u => u.Groups).Select(g => g.GroupId).ToHashSet(StringComparer.Ordinal);
        var groups = state.ListGroups()
            .Where(g => groupIds is null || groupIds.Contains(g.Group.GroupId) || groupIds.Contains(GroupAri(g.Group.GroupId)))
            .Where(g => groupNames is null || groupNames.Contains(g.Group.Name, StringComparer.OrdinalIgnoreCase))
            .Where(g => granting is null || granting.Contains(g.Group.GroupId))
            .Where(g => members is null || members.Contains(g.Group.GroupId))
            .ToList();
        var (page, prev, next) = AdminCursor.Page(groups, offset, limit);
        var flags = config.SyncedGroupFlags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var data = page.Select(g =>
        {
            bool synced(string flag) => g.Synced && flags.Contains(flag);
            return new GroupBody(GroupAri(g.Group.GroupId), g.Group.Name, synced("externalSynced"), synced("managedBy") ? "external" : "admins",
                new ManagementAccess(Deletable: !synced("modifiable"), Modifiable: !synced("modifiable"), Readable: true));
        }).ToList();
        return Results.Json(new GroupPage(data, new AdminLinks(body["cursor"]?.GetValue<string>(), prev, next)), EmulatorJson.CamelCase);
    }

    private static async Task<JsonObject?> ReadBodyAsync(HttpContext http)
    {
        try
        {
            return http.Request.ContentLength is 0 ? null : await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string>? Strings(JsonObject body, string name) =>
        body[name] is JsonArray array ? [.. array.Select(v => v?.GetValue<string>()).OfType<string>()] : null;

    private static IResult BadRequest(string code, string detail) => AdminErrors.Application(StatusCodes.Status400BadRequest, code, "Bad Request", detail);

    private sealed record WorkspaceAttributes(string Name, string TypeKey, string Type, string Owner, string Status, string HostUrl);

    private sealed record WorkspaceBody(string Id, string Type, WorkspaceAttributes Attributes);

    private sealed record WorkspacePage(IReadOnlyList<WorkspaceBody> Data, AdminLinks Links);

    private sealed record RoleAssignment(string Role, IReadOnlyList<string> RoleAssignmentMethods);

    private sealed record RoleAssignmentBody(string ResourceId, string ResourceOwner, string? DirectoryId, string UserDirectoryStatus, IReadOnlyList<RoleAssignment> RoleAssignments);

    private sealed record RoleAssignmentPage(IReadOnlyList<RoleAssignmentBody> Data, AdminLinks Links);

    private sealed record ManagementAccess(bool Deletable, bool Modifiable, bool Readable);

    private sealed record GroupBody(string Id, string Name, bool ExternalSynced, string ManagedBy, ManagementAccess ManagementAccess);

    private sealed record GroupPage(IReadOnlyList<GroupBody> Data, AdminLinks Links);

    // The workspaces cursor carries the page size, since later pages send the cursor alone.
    private static class WorkspaceCursor
    {
        public static string Encode(int offset, int limit) => AdminCursor.Encode((offset * 10_000) + limit);

        public static int? Decode(string cursor) => AdminCursor.Decode(cursor) is { } value ? value / 10_000 : null;

        public static int LimitOf(string cursor) => AdminCursor.Decode(cursor) is { } value ? value % 10_000 : DefaultWorkspaceLimit;
    }
}
