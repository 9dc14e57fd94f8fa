using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace JiraDeactivate.Core.Http;

/// <summary>
/// A secret held as a SecureString: an Atlassian API token with its account email (Basic), a bearer token (an
/// organization API key or a service account's scoped token), or a service account's OAuth 2.0 client ID and
/// secret, exchanged for short-lived access tokens. ToString never shows the secret.
/// </summary>
public sealed class ApiCredential : IDisposable
{
    private readonly SecureString _secret;
    private OAuthTokenSource? _tokens;

    private ApiCredential(ApiCredentialKind kind, string? user, SecureString secret, Uri? tokenUri = null)
    {
        Kind = kind;
        User = user;
        TokenUri = tokenUri;
        _secret = secret.Copy();
        _secret.MakeReadOnly();
    }

    public ApiCredentialKind Kind { get; }

    /// <summary>"Basic" or "Bearer": the scheme of the Authorization header sent with each call.</summary>
    public string Scheme => Kind == ApiCredentialKind.Basic ? "Basic" : "Bearer";

    /// <summary>The account email of a Basic credential, or the client ID of OAuth client credentials.</summary>
    public string? User { get; }

    /// <summary>Where OAuth client credentials are exchanged for access tokens.</summary>
    public Uri? TokenUri { get; }

    /// <summary>True for a credential Atlassian accepts only through the gateway (api.atlassian.com/ex/jira/&lt;cloudId&gt;).</summary>
    public bool GatewayOnly => Kind is ApiCredentialKind.BearerToken or ApiCredentialKind.ClientCredentials;

    /// <summary>An Atlassian account email with an API token (Jira REST API).</summary>
    public static ApiCredential Basic(string email, SecureString apiToken) => new(ApiCredentialKind.Basic, email, apiToken);

    /// <summary>An organization admin API key (Admin API).</summary>
    public static ApiCredential Bearer(SecureString apiKey) => new(ApiCredentialKind.ApiKey, null, apiKey);

    /// <summary>A service account's scoped API token sent as a bearer token (Jira REST API through the gateway).</summary>
    public static ApiCredential BearerToken(SecureString token) => new(ApiCredentialKind.BearerToken, null, token);

    /// <summary>A service account's OAuth 2.0 client credentials, exchanged at <paramref name="tokenUri"/> for access tokens.</summary>
    public static ApiCredential ClientCredentials(string clientId, SecureString clientSecret, Uri tokenUri) =>
        new(ApiCredentialKind.ClientCredentials, clientId, clientSecret, tokenUri);

    /// <summary>True when the secret is empty.</summary>
    public bool IsEmpty => _secret.Length == 0;

    /// <summary>When the access token in use expires (OAuth client credentials only, once one was fetched).</summary>
    public DateTimeOffset? AccessTokenExpiresAt => _tokens?.ExpiresAt;

    /// <summary>
    /// The Authorization header's parameter, built for one request; for client credentials, an access token that
    /// is fetched, or fetched again shortly before it expires.
    /// </summary>
    internal async ValueTask<string> HeaderParameterAsync(HttpClientOptions options, CancellationToken cancellationToken) =>
        Kind == ApiCredentialKind.ClientCredentials
            ? await Tokens(options).GetAsync(cancellationToken).ConfigureAwait(false)
            : HeaderParameter();

    /// <summary>Forgets the access token after the server refused it; true when a fresh one can be fetched.</summary>
    internal bool ForgetAccessToken(string refused) => _tokens?.Forget(refused) ?? false;

    /// <summary>Every form of this credential's secrets a server could echo: the token, the Basic value, access tokens.</summary>
    internal IReadOnlyList<string> Secrets()
    {
        var secrets = new List<string>();
        string secret = Reveal();
        if (secret.Length > 0)
        {
            secrets.Add(secret);
            if (User is not null)
            {
                secrets.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{secret}")));
            }
        }

        if (_tokens is not null)
        {
            secrets.AddRange(_tokens.Issued());
        }

        return secrets;
    }

    /// <summary>The client secret, for the token request only.</summary>
    internal string RevealClientSecret() =>
        Kind == ApiCredentialKind.ClientCredentials ? Reveal() : throw new InvalidOperationException("Not OAuth client credentials.");

    public void Dispose()
    {
        _tokens?.Dispose();
        _secret.Dispose();
    }

    public override string ToString() => Kind switch
    {
        ApiCredentialKind.Basic => $"{User} (API token)",
        ApiCredentialKind.ApiKey => "organization API key",
        ApiCredentialKind.BearerToken => "service account token (Bearer)",
        _ => $"OAuth client {User}",
    };

    private OAuthTokenSource Tokens(HttpClientOptions options)
    {
        var created = new OAuthTokenSource(this, options);
        var existing = Interlocked.CompareExchange(ref _tokens, created, null);
        if (existing is not null)
        {
            created.Dispose();
            return existing;
        }

        return created;
    }

    private string HeaderParameter()
    {
        string secret = Reveal();
        return Kind == ApiCredentialKind.Basic ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{secret}")) : secret;
    }

    private string Reveal()
    {
        IntPtr pointer = Marshal.SecureStringToGlobalAllocUnicode(_secret);
        try
        {
            return Marshal.PtrToStringUni(pointer, _secret.Length);
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}

/// <summary>What kind of secret an <see cref="ApiCredential"/> holds.</summary>
public enum ApiCredentialKind
{
    /// <summary>An email and API token (classic or scoped), sent as Basic.</summary>
    Basic,

    /// <summary>An organization admin API key, sent as Bearer to the Admin API.</summary>
    ApiKey,

    /// <summary>A service account's scoped API token, sent as Bearer through the gateway.</summary>
    BearerToken,

    /// <summary>A service account's OAuth 2.0 client ID and secret; their access tokens are sent as Bearer through the gateway.</summary>
    ClientCredentials,
}
