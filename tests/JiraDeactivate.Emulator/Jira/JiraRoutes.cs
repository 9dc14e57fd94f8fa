using System.Text.Json;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.Http;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Jira;

/// <summary>The Jira Cloud REST v3 routes the module uses, plus the site's tenant_info.</summary>
internal static class JiraRoutes
{
    private const string MissingGroupMessage = "Either the 'groupId' or the 'groupname' query parameter needs to be provided";
    private const string MissingAccountIdMessage = "The 'accountId' query parameter needs to be provided";
    private const string NotSiteAdminMessage = "You do not have permission to change group membership: only site administrators can.";

    private static readonly string[] s_accessTypes = ["site-admin", "admin", "user"];

    public static void Map(IEndpointRouteBuilder app, OrgState state, ConfigStore config, OAuthTokenStore tokens)
    {
        app.MapGet("/_edge/tenant_info", () => Json(new JiraTenantInfo(state.Site.CloudId)));

        var api = app.MapGroup("/rest/api/3").RequireJiraAuthentication(state, config, tokens);
        api.MapGet("/myself", (HttpContext http) => UserAnswer(http, state, config.Current, http.Caller().User));
        api.MapGet("/mypermissions", MyPermissions);
        api.MapGet("/serverInfo", () => Json(new JiraServerInfo($"https://{state.Site.Name}.atlassian.net", "Jira", "Cloud")));
        api.MapGet("/user", (HttpContext http) => UserByAccountId(http, state, config.Current));
        api.MapGet("/applicationrole", (HttpContext http) => ApplicationRoles(http, state, config.Current, key: null));
        api.MapGet("/applicationrole/{key}", (HttpContext http, string key) => ApplicationRoles(http, state, config.Current, key));
        api.MapGet("/group/bulk", (HttpContext http) => GroupBulk(http, state));
        api.MapGet("/group/member", (HttpContext http) => GroupMembers(http, state));
        api.MapDelete("/group/user", (HttpContext http) => RemoveUserFromGroup(http, state, config.Current));
        api.MapPost("/group/user", (Func<HttpContext, Task<IResult>>)(http => AddUserToGroup(http, state)));
    }

    private static IResult UserAnswer(HttpContext http, OrgState state, EmulatorConfig config, UserView user)
    {
        var expand = QueryValues.List(http.Request, "expand");
        var roles = user.JiraActive
            ? state.ListApplicationRoles().Where(r => user.HasAccessTo(r.Product)).ToList()
            : [];
        return Json(new JiraRepresentations(http.Request).User(
            user,
            roles,
            expandGroups: expand.Contains("groups", StringComparer.OrdinalIgnoreCase),
            expandRoles: expand.Contains("applicationRoles", StringComparer.OrdinalIgnoreCase),
            config.FullApplicationRoles,
            config.UnlimitedSeats));
    }

    private static IResult UserByAccountId(HttpContext http, OrgState state, EmulatorConfig config)
    {
        if (QueryValues.String(http.Request, "accountId") is not { } accountId)
        {
            return JiraErrors.Messages(StatusCodes.Status400BadRequest, MissingAccountIdMessage);
        }

        return state.FindUser(accountId) is { } user ? UserAnswer(http, state, config, user) : JiraErrors.UserNotFound();
    }

    private static IResult MyPermissions(HttpContext http)
    {
        var keys = QueryValues.List(http.Request, "permissions");
        if (keys.Count == 0)
        {
            return JiraErrors.Messages(StatusCodes.Status400BadRequest, "The 'permissions' query parameter is required.");
        }

        var unknown = keys.Where(k => !JiraPermissionCatalog.IsKnown(k)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return JiraErrors.Fields(StatusCodes.Status400BadRequest, unknown.ToDictionary(k => k, _ => "Unrecognized permission"));
        }

        var caller = http.Caller();
        return Json(new JiraPermissions(keys.Distinct().ToDictionary(k => k, k => JiraPermissionCatalog.Evaluate(k, caller))));
    }

    private static IResult ApplicationRoles(HttpContext http, OrgState state, EmulatorConfig config, string? key)
    {
        if (!http.Caller().CanAdminister)
        {
            return JiraErrors.Forbidden("You do not have permission to view application roles: Administer Jira is required.");
        }

        var representations = new JiraRepresentations(http.Request);
        var roles = state.ListApplicationRoles().Select(r => representations.ApplicationRole(r, config.UnlimitedSeats)).ToList();
        if (key is null)
        {
            return Json(roles);
        }

        return roles.FirstOrDefault(r => r.Key == key) is { } role
            ? Json(role)
            : JiraErrors.Messages(StatusCodes.Status404NotFound, $"The application role with key '{key}' does not exist.");
    }

    private static IResult GroupBulk(HttpContext http, OrgState state)
    {
        var request = http.Request;
        if (JiraPaging.TryRead(request, out var startAt, out var maxResults) is { } pagingError)
        {
            return pagingError;
        }

        var groupIds = QueryValues.List(request, "groupId");
        var groupNames = QueryValues.List(request, "groupName");
        var accessType = QueryValues.String(request, "accessType");
        var applicationKey = QueryValues.String(request, "applicationKey");
        if (accessType is not null && !s_accessTypes.Contains(accessType))
        {
            return JiraErrors.Messages(StatusCodes.Status400BadRequest, $"Invalid accessType '{accessType}'. Valid values: {string.Join(", ", s_accessTypes)}.");
        }

        // Jira's access types and application keys concern Jira applications only (not Confluence).
        var jiraApplications = state.Products.Where(p => p.ApplicationRole).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var groups = state.ListGroups()
            .Where(g => groupIds.Count == 0 || groupIds.Contains(g.Group.GroupId))
            .Where(g => groupNames.Count == 0 || groupNames.Contains(g.Group.Name, StringComparer.OrdinalIgnoreCase))
            .Where(g => accessType switch
            {
                "site-admin" => g.IsSiteAdminGroup,
                "admin" => g.IsAdministerGroup,
                "user" => g.ProductKeys.Any(jiraApplications.Contains),
                _ => true,
            })
            .Where(g => applicationKey is null || (jiraApplications.Contains(applicationKey) && g.ProductKeys.Contains(applicationKey)))
            .OrderBy(g => g.Group.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        (string, object?)[] filters =
        [
            .. groupIds.Select(id => ("groupId", (object?)id)),
            .. groupNames.Select(name => ("groupName", (object?)name)),
            ("accessType", accessType),
            ("applicationKey", applicationKey),
        ];
        return Json(JiraPaging.Page(groups, startAt, maxResults, g => new JiraGroupSummary(g.Group.GroupId, g.Group.Name),
            at => RequestUrls.Build(request, "/rest/api/3/group/bulk", [.. filters, ("startAt", at), ("maxResults", maxResults)])));
    }

    private static IResult GroupMembers(HttpContext http, OrgState state)
    {
        var request = http.Request;
        var selector = ReadGroupSelector(request);
        if (selector.IsEmpty)
        {
            return JiraErrors.Messages(StatusCodes.Status400BadRequest, MissingGroupMessage);
        }

        if (JiraPaging.TryRead(request, out var startAt, out var maxResults) is { } pagingError)
        {
            return pagingError;
        }

        var includeInactive = QueryValues.Flag(request, "includeInactiveUsers");
        if (state.ListMembers(selector, includeInactive) is not { } members)
        {
            return JiraErrors.GroupNotFound();
        }

        var representations = new JiraRepresentations(request);
        var groupParameter = selector.GroupId is not null ? ("groupId", selector.GroupId) : ("groupname", selector.GroupName);
        return Json(JiraPaging.Page(members, startAt, maxResults, representations.UserDetails,
            at => RequestUrls.Build(request, "/rest/api/3/group/member",
                groupParameter, ("includeInactiveUsers", includeInactive), ("startAt", at), ("maxResults", maxResults))));
    }

    private static IResult RemoveUserFromGroup(HttpContext http, OrgState state, EmulatorConfig config)
    {
        var accountId = QueryValues.String(http.Request, "accountId");
        if (CheckMembershipRequest(http, accountId) is { } error)
        {
            return error;
        }

        var selector = ReadGroupSelector(http.Request);
        if (config.SyncedGroup.Length > 0 && state.FindGroup(selector) is { } synced
            && string.Equals(synced.Group.Name, config.SyncedGroup, StringComparison.OrdinalIgnoreCase)
            && state.FindUser(accountId!) is not null)
        {
            return Results.Ok();
        }

        if (config.SyncedGroupRemoval == "refuse" && state.FindGroup(selector) is { Synced: true } managed)
        {
            return JiraErrors.Messages(StatusCodes.Status403Forbidden,
                $"Group '{managed.Group.Name}' is synced from an identity provider: its members cannot be changed here. Remove this user in your identity provider instead.");
        }

        var result = state.RemoveMember(selector, accountId!);
        return result.Outcome switch
        {
            MembershipOutcome.Changed => Results.Ok(),
            MembershipOutcome.NotMember when config.NotMemberStatus == StatusCodes.Status200OK => Results.Ok(),
            MembershipOutcome.NotMember => JiraErrors.Messages(StatusCodes.Status400BadRequest,
                $"Cannot remove user '{accountId}' from group '{result.Group!.Group.Name}' since user is not a member of '{result.Group.Group.Name}'"),
            _ => NotFound(result.Outcome),
        };
    }

    private static async Task<IResult> AddUserToGroup(HttpContext http, OrgState state)
    {
        string? accountId;
        try
        {
            accountId = (await http.Request.ReadFromJsonAsync<JiraAddUserRequest>(EmulatorJson.CamelCase, http.RequestAborted))?.AccountId;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return JiraErrors.Messages(StatusCodes.Status400BadRequest, "The request body must be JSON like {\"accountId\":\"...\"}.");
        }

        if (CheckMembershipRequest(http, accountId) is { } error)
        {
            return error;
        }

        var result = state.AddMember(ReadGroupSelector(http.Request), accountId!);
        return result.Outcome switch
        {
            MembershipOutcome.Changed => Json(new JiraRepresentations(http.Request).Group(result.Group!), StatusCodes.Status201Created),
            MembershipOutcome.AlreadyMember => JiraErrors.Messages(StatusCodes.Status400BadRequest,
                $"Cannot add user '{accountId}', user is already a member of '{result.Group!.Group.Name}'"),
            _ => NotFound(result.Outcome),
        };
    }

    /// <summary>The checks DELETE and POST /group/user share: both parameters present (400), a site-admin caller (403).</summary>
    private static IResult? CheckMembershipRequest(HttpContext http, string? accountId)
    {
        var messages = new List<string>();
        if (ReadGroupSelector(http.Request).IsEmpty)
        {
            messages.Add(MissingGroupMessage);
        }

        if (string.IsNullOrEmpty(accountId))
        {
            messages.Add(MissingAccountIdMessage);
        }

        if (messages.Count > 0)
        {
            return JiraErrors.Messages(StatusCodes.Status400BadRequest, [.. messages]);
        }

        return http.Caller().IsSiteAdmin ? null : JiraErrors.Forbidden(NotSiteAdminMessage);
    }

    private static IResult NotFound(MembershipOutcome outcome) =>
        outcome == MembershipOutcome.GroupNotFound ? JiraErrors.GroupNotFound() : JiraErrors.UserNotFound();

    private static GroupSelector ReadGroupSelector(HttpRequest request) =>
        new(QueryValues.String(request, "groupId"), QueryValues.String(request, "groupname"));

    private static IResult Json<T>(T body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, EmulatorJson.CamelCase, statusCode: statusCode);
}
