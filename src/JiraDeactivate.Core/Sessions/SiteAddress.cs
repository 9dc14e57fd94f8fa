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
            throw new ConnectException(ConnectFailure.InvalidArgument, $"-{parameterName} '{Shown(address)}' is not a web address: give one like https://your-site.atlassian.net.");
        }

        if (address.UserInfo.Length > 0)
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, $"-{parameterName} '{Shown(address)}' carries a user name or password in the address: give the address alone, and the email and API token with -Credential.");
        }

        if (address.Query.Length > 0 || address.Fragment.Length > 0)
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, $"-{parameterName} '{Shown(address)}' has a query or a fragment (after ? or #): give the site's address alone, like https://your-site.atlassian.net.");
        }

        if (address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address))
        {
            throw new ConnectException(ConnectFailure.InvalidArgument, $"-{parameterName} '{Shown(address)}' uses http://, which would send the credentials unencrypted: use https:// (http:// is accepted only for this machine, such as a local emulator).");
        }

        string path = address.AbsolutePath;
        int gateway = path.IndexOf("/ex/jira/", StringComparison.OrdinalIgnoreCase);
        string root = gateway >= 0 ? path[..(gateway + 9)] + path[(gateway + 9)..].Split('/')[0] : string.Empty;
        return new Uri($"{address.GetLeftPart(UriPartial.Authority)}{root.TrimEnd('/')}/");
    }

    /// <summary>The name exports give a site: the sub-domain of acme.atlassian.net, or the whole host otherwise.</summary>
    public static string NameOf(Uri site) =>
        site.HostNameType == UriHostNameType.Dns && site.Host.Contains('.') ? site.Host.Split('.')[0] : site.Host;

    /// <summary>An address as it may be shown: never with a user name or password in it.</summary>
    public static string Shown(Uri address) =>
        address.IsAbsoluteUri && address.UserInfo.Length > 0
            ? new UriBuilder(address) { UserName = string.Empty, Password = string.Empty }.Uri.ToString()
            : address.ToString();

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
