using System.Text.RegularExpressions;

namespace JiraDeactivate.Core.Sessions;

/// <summary>
/// Atlassian's API gateway for a Jira site, &lt;gateway&gt;/ex/jira/&lt;cloudId&gt;/: the only address that accepts scoped
/// API tokens, service-account bearer tokens and OAuth access tokens.
/// </summary>
public static partial class GatewayAddress
{
    public static readonly Uri DefaultGatewayUri = new("https://api.atlassian.com");

    private const string Prefix = "/ex/jira/";

    /// <summary>The cloud ID of a normalized gateway address, or null for a site's own address.</summary>
    public static string? CloudIdOf(Uri address)
    {
        string path = address.AbsolutePath;
        int at = path.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : path[(at + Prefix.Length)..].TrimEnd('/') is { Length: > 0 } id ? id : null;
    }

    /// <summary>The gateway address of the site with <paramref name="cloudId"/>.</summary>
    public static Uri For(Uri gateway, string cloudId) =>
        new($"{gateway.GetLeftPart(UriPartial.Authority)}{gateway.AbsolutePath.TrimEnd('/')}{Prefix}{Uri.EscapeDataString(cloudId)}/");

    /// <summary>A cloud ID as Atlassian writes them (a UUID); anything else read from an answer is not put in a URL.</summary>
    public static bool IsCloudId(string? text) => text is not null && CloudIdPattern().IsMatch(text);

    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex CloudIdPattern();
}
