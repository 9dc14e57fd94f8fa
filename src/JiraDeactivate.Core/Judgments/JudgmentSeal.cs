using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace JiraDeactivate.Core.Judgments;

/// <summary>
/// Seals judgments into opaque text tokens (<c>v1.&lt;payload&gt;.&lt;HMAC-SHA256&gt;</c>, both base64url, so they
/// pass Export-Csv, Import-Csv and JSON unchanged) and opens them again. A token edited, made up, sealed with
/// another key, or dated in the future does not open.
/// </summary>
public sealed class JudgmentSeal(byte[] key, TimeProvider? time = null)
{
    private const string Version = "v1";

    /// <summary>Longer than any token this module makes; longer input is refused unread.</summary>
    public const int MaxLength = 4096;

    // How far a judgment's clock may run ahead of this machine's before it counts as from the future.
    private static readonly TimeSpan s_clockSkew = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The time a judgment made now is sealed with (UTC).</summary>
    public DateTime Now => _time.GetUtcNow().UtcDateTime;

    public string Seal(JudgmentPayload payload)
    {
        string body = $"{Version}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload, JudgmentJsonContext.Default.JudgmentPayload))}";
        return $"{body}.{Base64Url(Mac(body))}";
    }

    /// <summary>The payload of a genuine token, or why <paramref name="token"/> is not one.</summary>
    public JudgmentCheck Open(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return JudgmentCheck.Refused("it carries no Judgment");
        }

        if (token.Length > MaxLength)
        {
            return JudgmentCheck.Refused($"its Judgment is longer than {MaxLength} characters: not one this module made");
        }

        string[] parts = token.Trim().Split('.');
        if (parts.Length != 3 || parts[0] != Version || FromBase64Url(parts[1]) is not { } json || FromBase64Url(parts[2]) is not { } mac)
        {
            return JudgmentCheck.Refused("its Judgment is not a sealed judgment of this module");
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Mac($"{parts[0]}.{parts[1]}")))
        {
            return JudgmentCheck.Refused("its Judgment's seal does not match: the judgment was edited or made up, or sealed by another user or machine");
        }

        JudgmentPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(json, JudgmentJsonContext.Default.JudgmentPayload);
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null || payload.AccountId.Length == 0 || payload.MoreThan < 1)
        {
            return JudgmentCheck.Refused("its Judgment does not say what was judged");
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (payload.JudgedAt.ToUniversalTime() > now + s_clockSkew || payload.AsOf.ToUniversalTime() > now + ActivityData.ReportingLag + s_clockSkew)
        {
            return JudgmentCheck.Refused($"its Judgment is dated in the future (judged {payload.JudgedAt.ToUniversalTime():u}, data as of {payload.AsOf.ToUniversalTime():u}; now {now:u})");
        }

        return new JudgmentCheck(payload, null);
    }

    private byte[] Mac(string body) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body));

    // Base64url is in the BCL only from .NET 9, and the core targets .NET 8.
    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        string padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out int written) ? buffer[..written] : null;
    }
}
