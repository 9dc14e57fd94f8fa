using System.Text;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Jira;

/// <summary>Basic email:apiToken authentication for /rest/api/3; the caller is kept on the request.</summary>
internal static class JiraAuthentication
{
    private const string CallerItem = "JiraDeactivate.Emulator.JiraCaller";

    public static RouteGroupBuilder RequireJiraAuthentication(this RouteGroupBuilder group, OrgState state) =>
        group.AddEndpointFilter((context, next) =>
        {
            var request = context.HttpContext.Request;
            var header = request.Headers.Authorization.ToString();
            if (header.Length == 0)
            {
                return ValueTask.FromResult<object?>(JiraErrors.Unauthorized(request, credentialsSupplied: false));
            }

            var caller = TryReadBasic(header) is var (email, token) ? state.AuthenticateJira(email, token) : null;
            if (caller is null)
            {
                return ValueTask.FromResult<object?>(JiraErrors.Unauthorized(request, credentialsSupplied: true));
            }

            context.HttpContext.Items[CallerItem] = caller;
            return next(context);
        });

    public static JiraCaller Caller(this HttpContext context) =>
        context.Items[CallerItem] as JiraCaller ?? throw new InvalidOperationException("The route is not behind Jira authentication.");

    private static (string Email, string Token)? TryReadBasic(string header)
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
