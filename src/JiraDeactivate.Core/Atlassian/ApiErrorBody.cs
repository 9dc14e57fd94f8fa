using System.Text.Json;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>Pulls the human-readable message out of an Atlassian error body, whichever of its shapes it has.</summary>
internal static class ApiErrorBody
{
    private const int MaxLength = 300;

    /// <summary>
    /// Reads Jira's ErrorCollection ({"errorMessages":[],"errors":{}}), the Admin API's ApplicationErrors
    /// ({"errors":[{"title","detail"}]}), its ProxyError ({"code","message"}), NoPermsError and OAuth's
    /// ({"error","error_description"}); anything else is
    /// described, never echoed in full (an HTML login page, say).
    /// </summary>
    public static string Describe(string body, string? mediaType)
    {
        string text = body.Trim();
        if (text.Length == 0)
        {
            return "the answer had no body.";
        }

        if (text.StartsWith('<'))
        {
            return "the answer was an HTML page, not JSON (is the site URL right?).";
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var messages = new List<string>();
            Collect(document.RootElement, messages);
            if (messages.Count > 0)
            {
                return Shorten(string.Join(" ", messages.Distinct()));
            }
        }
        catch (JsonException)
        {
            return $"the answer was not valid JSON ({mediaType ?? "no content type"}): {Shorten(text)}";
        }

        return Shorten(text);
    }

    private static void Collect(JsonElement root, List<string> messages)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (root.TryGetProperty("errorMessages", out var errorMessages) && errorMessages.ValueKind == JsonValueKind.Array)
        {
            messages.AddRange(errorMessages.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
        }

        if (root.TryGetProperty("errors", out var errors))
        {
            if (errors.ValueKind == JsonValueKind.Object)
            {
                messages.AddRange(errors.EnumerateObject().Select(p => $"{p.Name}: {p.Value}"));
            }
            else if (errors.ValueKind == JsonValueKind.Array)
            {
                messages.AddRange(errors.EnumerateArray().Select(e => string.Join(": ", new[] { Text(e, "code"), Text(e, "title"), Text(e, "detail") }.Where(t => t is not null))));
            }
        }

        if (Text(root, "message") is { } message)
        {
            messages.Add(message);
        }

        // OAuth 2.0 token endpoint errors (RFC 6749 §5.2).
        if (Text(root, "error") is { } error)
        {
            messages.Add(Text(root, "error_description") is { } description ? $"{error}: {description}" : error);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "...";
}
