using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace JiraDeactivate.Core.Atlassian;

/// <summary>
/// Reads a field that is one object in the documented shape and a list in another ({"data": {...}} and
/// {"data": [{...}]} of GET /admin/v1/orgs/{orgId}): either becomes an array.
/// </summary>
internal sealed class OneOrManyJsonConverter<T> : JsonConverter<T[]>
{
    public override T[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var item = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var items = new List<T>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(JsonSerializer.Deserialize(ref reader, item)!);
                }

                return [.. items];
            default:
                return [JsonSerializer.Deserialize(ref reader, item)!];
        }
    }

    public override void Write(Utf8JsonWriter writer, T[] value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T[]>)options.GetTypeInfo(typeof(T[])));
}
