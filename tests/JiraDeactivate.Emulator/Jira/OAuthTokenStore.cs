using System.Collections.Concurrent;
using System.Security.Cryptography;
using JiraDeactivate.Emulator.State;

namespace JiraDeactivate.Emulator.Jira;

/// <summary>The access tokens POST /oauth/token issued, each with its caller and expiry; in memory only.</summary>
public sealed class OAuthTokenStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (ScopedCaller Caller, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);

    public long Issued => _tokens.Count;

    public string Issue(ScopedCaller caller, TimeSpan lifetime)
    {
        string token = "EMUACCESS" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
        _tokens[token] = (caller, clock.GetUtcNow() + lifetime);
        return token;
    }

    /// <summary>The caller of a valid access token; null when unknown or expired.</summary>
    public ScopedCaller? Find(string token) =>
        _tokens.TryGetValue(token, out var entry) && clock.GetUtcNow() < entry.ExpiresAt ? entry.Caller : null;

    /// <summary>True when <paramref name="token"/> was issued here but has expired.</summary>
    public bool IsExpired(string token) => _tokens.TryGetValue(token, out var entry) && clock.GetUtcNow() >= entry.ExpiresAt;
}
