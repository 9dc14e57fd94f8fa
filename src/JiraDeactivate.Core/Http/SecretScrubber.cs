using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// Removes a connection's secrets from text a server sent (an error body, a reason phrase), whatever the server
/// echoes: each secret as sent, JSON-escaped or URL-encoded, and any Authorization header value.
/// </summary>
public static partial class SecretScrubber
{
    public const string Mask = "[secret removed]";

    private const int ShortestSecret = 4;

    /// <summary><paramref name="text"/> without any form of <paramref name="secrets"/> and without Authorization values.</summary>
    public static string Clean(string text, IEnumerable<string> secrets)
    {
        if (text.Length == 0)
        {
            return text;
        }

        foreach (string form in Forms(secrets))
        {
            text = text.Replace(form, Mask, StringComparison.Ordinal);
        }

        return AuthorizationValue().Replace(text, m => $"{m.Groups["name"].Value}{m.Groups["scheme"].Value} {Mask}");
    }

    /// <summary>Every form in which a secret can be echoed: as is, JSON-escaped (two encoders), URL-encoded.</summary>
    internal static IEnumerable<string> Forms(IEnumerable<string> secrets) =>
        secrets.Where(s => s.Length >= ShortestSecret)
            .SelectMany(s => new[]
            {
                s,
                JsonEncodedText.Encode(s).ToString(),
                JsonEncodedText.Encode(s, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
                Uri.EscapeDataString(s),
            })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length);

    // "Authorization: Basic abc", "\"authorization\":\"Bearer abc\"", "authorization=Bearer%20abc".
    [GeneratedRegex("""(?<name>authori[sz]ation\W{0,6})(?<scheme>basic|bearer)(?:\s|%20|\+)+[^\s"',;}&<]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationValue();
}
