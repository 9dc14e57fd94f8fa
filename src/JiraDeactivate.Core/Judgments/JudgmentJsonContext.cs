using System.Text.Json.Serialization;

namespace JiraDeactivate.Core.Judgments;

/// <summary>Source-generated JSON for a judgment's payload: camelCase, no nulls.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JudgmentPayload))]
internal sealed partial class JudgmentJsonContext : JsonSerializerContext;
