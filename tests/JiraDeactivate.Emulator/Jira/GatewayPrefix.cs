using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Jira;

/// <summary>
/// Serves the gateway's per-site prefix, /ex/jira/&lt;cloudId&gt;/rest/api/3/..., on the emulator's own host: the prefix
/// moves into PathBase, so every Jira route answers behind it with the same shape. An unknown cloud ID is a 404.
/// </summary>
internal static class GatewayPrefix
{
    public const string Prefix = "/ex/jira";
    private const string GatewayItem = "JiraDeactivate.Emulator.ViaGateway";

    public static IApplicationBuilder UseGatewayPrefix(this IApplicationBuilder app, OrgState state) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase, out var rest))
            {
                var segments = rest.Value?.Split('/', 3, StringSplitOptions.None) ?? [];
                string cloudId = segments.Length > 1 ? segments[1] : "";
                if (!string.Equals(cloudId, state.Site.CloudId, StringComparison.OrdinalIgnoreCase) || segments.Length < 3)
                {
                    await Results.Json(new { code = 404, message = "Site not found" }, statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context);
                    return;
                }

                request.PathBase = request.PathBase.Add($"{Prefix}/{cloudId}");
                request.Path = "/" + segments[2];
                context.Items[GatewayItem] = true;
            }

            await next(context);
        });

    public static bool ViaGateway(this HttpContext context) => context.Items.ContainsKey(GatewayItem);
}
