using System.Net;

namespace JiraDeactivate.Core.Sessions;

/// <summary>Checks and normalizes the addresses a session talks to.</summary>
public static class SiteAddress
{
    /// <summary>
    /// An https address (http only for this machine, such as a local emulator), reduced to the site's root, or to
    /// the gateway's per-site root (https://api.atlassian.com/ex/jira/&lt;cloudId&gt;/), always ending with "/".
    /// </summary>
    public static Uri Normalize(Uri address, string parameterName)
    {
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, $"-{parameterName} '{address}' is not a web address: give one like https://your-site.atlassian.net.");
        }

        if (address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address))
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, $"-{parameterName} '{address}' uses http://, which would send the credentials unencrypted: use https:// (http:// is accepted only for this machine, such as a local emulator).");
        }

        string path = address.AbsolutePath;
        int gateway = path.IndexOf("/ex/jira/", StringComparison.OrdinalIgnoreCase);
        string root = gateway >= 0 ? string.Join('/', path[..(gateway + 9)], path[(gateway + 9)..].Split('/')[0]) : string.Empty;
        return new Uri($"{address.GetLeftPart(UriPartial.Authority)}{root.TrimEnd('/')}/");
    }

    /// <summary>The name exports give a site: the sub-domain of acme.atlassian.net, or the whole host otherwise.</summary>
    public static string NameOf(Uri site) =>
        site.HostNameType == UriHostNameType.Dns && site.Host.Contains('.') ? site.Host.Split('.')[0] : site.Host;

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
