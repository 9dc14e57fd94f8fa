using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraDeactivate.Emulator;

/// <summary>The serializer settings of each JSON dialect the emulator speaks.</summary>
public static class EmulatorJson
{
    /// <summary>Jira REST, Admin API v2, the control endpoint and the state file.</summary>
    public static JsonSerializerOptions CamelCase { get; } = Create(JsonNamingPolicy.CamelCase);

    /// <summary>Admin API v1 bodies (account_id, product_access, last_active, ...).</summary>
    public static JsonSerializerOptions SnakeCase { get; } = Create(JsonNamingPolicy.SnakeCaseLower);

    /// <summary>The state document, indented for people reading dumps.</summary>
    public static JsonSerializerOptions StateFile { get; } = new(CamelCase)
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static JsonSerializerOptions Create(JsonNamingPolicy naming)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = naming,
            // Real Atlassian bodies carry '&' and '+' unescaped inside URLs.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
