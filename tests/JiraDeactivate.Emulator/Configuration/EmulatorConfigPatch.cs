using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraDeactivate.Emulator.Configuration;

/// <summary>
/// Applies a partial JSON object (any subset of the <see cref="EmulatorConfig"/> properties) to a config.
/// Working on the JSON form keeps one list of knobs: the record itself.
/// </summary>
public static class EmulatorConfigPatch
{
    /// <summary>The camelCase names of every knob.</summary>
    public static IReadOnlyCollection<string> KnobNames { get; } =
        [.. JsonSerializer.SerializeToNode(new EmulatorConfig(), EmulatorJson.CamelCase)!.AsObject().Select(p => p.Key)];

    /// <summary>The JSON kind of a knob's value (Number or True/False), or null for an unknown name.</summary>
    public static JsonValueKind? KindOf(string knobName)
    {
        var node = JsonSerializer.SerializeToNode(new EmulatorConfig(), EmulatorJson.CamelCase)!.AsObject();
        return node.TryGetPropertyValue(knobName, out var value) ? value!.GetValueKind() : null;
    }

    /// <exception cref="ArgumentException">An unknown knob, a value of the wrong type, or a value out of range.</exception>
    public static EmulatorConfig Apply(EmulatorConfig current, JsonObject patch)
    {
        var merged = JsonSerializer.SerializeToNode(current, EmulatorJson.CamelCase)!.AsObject();
        foreach (var (name, value) in patch)
        {
            var knob = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"Unknown setting '{name}'. Known: {string.Join(", ", KnobNames)}.");
            merged[knob] = value?.DeepClone();
        }

        EmulatorConfig result;
        try
        {
            result = merged.Deserialize<EmulatorConfig>(EmulatorJson.CamelCase)
                ?? throw new ArgumentException("The settings object is empty.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Invalid setting value: {e.Message}", e);
        }

        var errors = result.Validate();
        return errors.Count == 0 ? result : throw new ArgumentException(string.Join(" ", errors));
    }
}
