using System.Globalization;
using System.Text;

namespace JiraDeactivate.Emulator.Http;

/// <summary>Absolute URLs for self/next links, built from the address the client actually used.</summary>
internal static class RequestUrls
{
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>An absolute URL; parameters with a null value are left out.</summary>
    public static string Build(HttpRequest request, string path, params (string Name, object? Value)[] query)
    {
        var builder = new StringBuilder(BaseUrl(request)).Append(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (value is null)
            {
                continue;
            }

            var text = value switch
            {
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text ?? ""));
            separator = '&';
        }

        return builder.ToString();
    }
}
