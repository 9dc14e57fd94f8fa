using System.Text;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Jira;

/// <summary>
/// Authentication for /rest/api/3; the caller is kept on the request. Classic API tokens (Basic) work at the site
/// and through the gateway; scoped tokens (Basic, or a service account's as Bearer) and OAuth access tokens (Bearer)
/// only through the gateway, and only for routes their scopes reach.
/// </summary>
internal static class JiraAuthentication
{
    private const string CallerItem = "JiraDeactivate.Emulator.JiraCaller";
    private const string ApiPrefix = "/rest/api/3";

    public static RouteGroupBuilder RequireJiraAuthentication(this RouteGroupBuilder group, OrgState state, ConfigStore config, OAuthTokenStore tokens) =>
        group.AddEndpointFilter((context, next) =>
        {
            var http = context.HttpContext;
            var request = http.Request;
            var header = request.Headers.Authorization.ToString();
            if (header.Length == 0)
            {
                return ValueTask.FromResult<object?>(JiraErrors.Unauthorized(request, credentialsSupplied: false));
            }

            ScopedCaller? scoped = null;
            JiraCaller? caller = null;
            if (TryReadBasic(header) is var (email, token))
            {
                caller = state.AuthenticateJira(email, token);
                scoped = caller is null ? state.AuthenticateScoped(email, token) : null;
            }
            else if (TryReadBearer(header) is { } bearer && http.ViaGateway())
            {
                scoped = state.AuthenticateServiceAccountBearer(bearer) ?? tokens.Find(bearer);
            }

            if (scoped is not null)
            {
                if (!http.ViaGateway())
                {
                    // A scoped token at the site's own address: refused like a wrong one (CLOUD-12617).
                    return ValueTask.FromResult<object?>(JiraErrors.Unauthorized(request, credentialsSupplied: true));
                }

                string path = request.Path.Value is { } p && p.StartsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase) ? p[ApiPrefix.Length..] : request.Path.Value ?? "";
                if (!JiraScopes.Allows(request.Method, path, scoped.Scopes))
                {
                    int status = config.Current.ScopeMismatchStatus;
                    return ValueTask.FromResult<object?>(Results.Json(new { code = status, message = "Unauthorized; scope does not match" }, statusCode: status));
                }

                caller = scoped.Caller;
            }

            if (caller is null)
            {
                return ValueTask.FromResult<object?>(JiraErrors.Unauthorized(request, credentialsSupplied: true));
            }

            http.Items[CallerItem] = caller;
            return next(context);
        });

    public static JiraCaller Caller(this HttpContext context) =>
        context.Items[CallerItem] as JiraCaller ?? throw new InvalidOperationException("The route is not behind Jira authentication.");

    private static string? TryReadBearer(string header)
    {
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header[Scheme.Length..].Trim() is { Length: > 0 } token ? token : null;
    }

    public static (string Email, string Token)? TryReadBasic(string header)
    {
        const string Scheme = "Basic ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[Scheme.Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? null : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
