using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// A secret held as a SecureString: an Atlassian API token with its account email (Basic) or an organization
/// API key (Bearer). ToString never shows the secret.
/// </summary>
public sealed class ApiCredential : IDisposable
{
    private readonly SecureString _secret;

    private ApiCredential(string scheme, string? user, SecureString secret)
    {
        Scheme = scheme;
        User = user;
        _secret = secret.Copy();
        _secret.MakeReadOnly();
    }

    /// <summary>"Basic" or "Bearer".</summary>
    public string Scheme { get; }

    /// <summary>The account email of a Basic credential.</summary>
    public string? User { get; }

    /// <summary>An Atlassian account email with an API token (Jira REST API).</summary>
    public static ApiCredential Basic(string email, SecureString apiToken) => new("Basic", email, apiToken);

    /// <summary>An organization admin API key (Admin API).</summary>
    public static ApiCredential Bearer(SecureString apiKey) => new("Bearer", null, apiKey);

    /// <summary>True when the secret is empty.</summary>
    public bool IsEmpty => _secret.Length == 0;

    /// <summary>The Authorization header's parameter, built for one request.</summary>
    internal string HeaderParameter()
    {
        IntPtr pointer = Marshal.SecureStringToGlobalAllocUnicode(_secret);
        try
        {
            string secret = Marshal.PtrToStringUni(pointer, _secret.Length);
            return Scheme == "Basic" ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{secret}")) : secret;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    public void Dispose() => _secret.Dispose();

    public override string ToString() => Scheme == "Basic" ? $"{User} (API token)" : "organization API key";
}
