using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Admin;

/// <summary>Bearer org-API-key authentication for /admin; a missing or unknown key gets the gateway's 401.</summary>
internal static class AdminAuthentication
{
    public static RouteGroupBuilder RequireAdminApiKey(this RouteGroupBuilder group, OrgState state) =>
        group.AddEndpointFilter((context, next) =>
        {
            const string Scheme = "Bearer ";
            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            var key = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : "";
            return key.Length > 0 && state.IsAdminApiKey(key)
                ? next(context)
                : ValueTask.FromResult<object?>(AdminErrors.Proxy(StatusCodes.Status401Unauthorized, "Unauthorized; API key is missing, invalid or expired"));
        });
}
