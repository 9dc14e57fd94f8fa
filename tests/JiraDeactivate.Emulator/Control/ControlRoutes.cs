using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.Export;
using JiraDeactivate.Emulator.Http;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Control;

/// <summary>/_emulator: knobs, statistics, state dump/load/reset and the CSV export. No auth, no faults.</summary>
internal static class ControlRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorHost host)
    {
        var control = app.MapGroup(ApiAreas.ControlPrefix);
        control.MapGet("/info", () => Json(host.Info));
        control.MapGet("/config", () => Json(host.Config.Current));
        control.MapPost("/config", (Func<HttpContext, Task<IResult>>)(http => UpdateConfigAsync(http, host.Config)));
        control.MapGet("/stats", () => Json(host.Stats.Snapshot()));
        control.MapPost("/stats/reset", () =>
        {
            host.Stats.Reset();
            return Results.NoContent();
        });
        control.MapGet("/state", () => Results.Json(host.State.ToDocument(), EmulatorJson.StateFile));
        control.MapPut("/state", (Func<HttpContext, Task<IResult>>)(http => LoadStateAsync(http, host.State)));
        control.MapPost("/reset", () =>
        {
            host.ResetState();
            return Results.NoContent();
        });
        // Plays the identity provider's next sync: synced groups get back the members it has.
        control.MapPost("/identity-provider/sync", () => Json(new { restored = host.State.SyncIdentityProvider() }));
        control.MapPost("/activity", (Func<HttpContext, Task<IResult>>)(http => RecordActivityAsync(http, host.State)));
        control.MapGet("/export.csv", () =>
            Results.Text(ExportCsvWriter.Write(host.State), "text/csv; charset=utf-8", Encoding.UTF8));
    }

    private static async Task<IResult> UpdateConfigAsync(HttpContext http, ConfigStore config)
    {
        try
        {
            var patch = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
                ?? throw new ArgumentException("The body must be a JSON object of settings.");
            return Json(config.Update(current => EmulatorConfigPatch.Apply(current, patch)));
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            return Error(e.Message);
        }
    }

    private static async Task<IResult> LoadStateAsync(HttpContext http, OrgState state)
    {
        try
        {
            var document = await JsonSerializer.DeserializeAsync<StateDocument>(http.Request.Body, EmulatorJson.StateFile, http.RequestAborted)
                ?? throw new InvalidDataException("The body must be a state document.");
            state.Load(document);
            return Results.NoContent();
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            return Error(e.Message);
        }
    }

    // {"accountId": "...", "product": "jira-software", "date": "2026-11-01"} (date optional: the state's as-of day).
    private static async Task<IResult> RecordActivityAsync(HttpContext http, OrgState state)
    {
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
                ?? throw new ArgumentException("The body must be a JSON object: accountId, product and an optional date.");
            string accountId = body["accountId"]?.GetValue<string>() ?? throw new ArgumentException("accountId is missing.");
            string product = body["product"]?.GetValue<string>() ?? throw new ArgumentException("product is missing (an Admin API key such as jira-software).");
            DateOnly? day = body["date"]?.GetValue<string>() is { } text ? DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
            return state.RecordActivity(accountId, product, day)
                ? Results.NoContent()
                : Results.Json(new { error = $"No user '{accountId}' or no product '{product}'." }, EmulatorJson.CamelCase, statusCode: StatusCodes.Status404NotFound);
        }
        catch (Exception e) when (e is ArgumentException or JsonException or FormatException or InvalidOperationException)
        {
            return Error(e.Message);
        }
    }

    private static IResult Error(string message) =>
        Results.Json(new { error = message }, EmulatorJson.CamelCase, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Json<T>(T body) => Results.Json(body, EmulatorJson.CamelCase);
}
