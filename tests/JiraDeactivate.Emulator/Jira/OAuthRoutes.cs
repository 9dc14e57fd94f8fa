using System.Text.Json;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Jira;

/// <summary>
/// POST /oauth/token, as auth.atlassian.com answers a service account's client credentials: the client ID and
/// secret in a JSON body, a form body or HTTP Basic (all measured to work); no refresh token.
/// </summary>
internal static class OAuthRoutes
{
    public static void Map(IEndpointRouteBuilder app, OrgState state, ConfigStore config, OAuthTokenStore tokens) =>
        app.MapPost("/oauth/token", (Func<HttpContext, Task<IResult>>)(http => IssueAsync(http, state, config.Current, tokens)));

    private static async Task<IResult> IssueAsync(HttpContext http, OrgState state, EmulatorConfig config, OAuthTokenStore tokens)
    {
        var fields = await ReadFieldsAsync(http.Request);
        if (fields is null || !fields.TryGetValue("grant_type", out var grant) || grant != "client_credentials")
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant_type must be client_credentials.");
        }

        var (clientId, clientSecret) = BasicClient(http.Request) ?? (fields.GetValueOrDefault("client_id") ?? "", fields.GetValueOrDefault("client_secret") ?? "");
        if (state.AuthenticateClient(clientId, clientSecret) is not { } caller)
        {
            return Error(StatusCodes.Status401Unauthorized, "access_denied", "Unauthorized");
        }

        var lifetime = config.OAuthTokenLifetimeSeconds;
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = tokens.Issue(caller, TimeSpan.FromSeconds(lifetime)),
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["scope"] = string.Join(' ', caller.Scopes),
        });
    }

    private static async Task<Dictionary<string, string>?> ReadFieldsAsync(HttpRequest request)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync();
                return form.ToDictionary(f => f.Key, f => f.Value.ToString());
            }

            using var document = await JsonDocument.ParseAsync(request.Body);
            return document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or InvalidDataException)
        {
            return null;
        }
    }

    // HTTP Basic client authentication, read as Jira's Basic is.
    private static (string, string)? BasicClient(HttpRequest request) => JiraAuthentication.TryReadBasic(request.Headers.Authorization.ToString());

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
