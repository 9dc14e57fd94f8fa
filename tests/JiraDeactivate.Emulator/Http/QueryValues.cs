using System.Globalization;

namespace JiraDeactivate.Emulator.Http;

/// <summary>Reads query parameters leniently where Atlassian is lenient and reports the ones it would reject.</summary>
internal static class QueryValues
{
    public static string? String(HttpRequest request, string name)
    {
        var value = request.Query[name].FirstOrDefault();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <returns>False when the parameter is present but not an integer.</returns>
    public static bool TryInt(HttpRequest request, string name, int fallback, out int value)
    {
        var text = String(request, name);
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    public static bool Flag(HttpRequest request, string name) =>
        bool.TryParse(String(request, name), out var value) && value;

    /// <summary>Values of a repeatable or comma-separated parameter (expand=groups,applicationRoles).</summary>
    public static IReadOnlyList<string> List(HttpRequest request, string name) =>
        [.. request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
