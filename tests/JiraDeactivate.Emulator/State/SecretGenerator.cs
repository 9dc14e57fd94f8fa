using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace JiraDeactivate.Emulator.State;

/// <summary>
/// Makes API tokens and keys that look like secrets. Seeded: the same every run; unseeded: random.
/// They never look like a real Atlassian API token, so secret scanners and log redaction tests can tell them apart.
/// </summary>
public sealed partial class SecretGenerator(int? seed)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private const int SecretLength = 40;

    private readonly Random? _seeded = seed is int s ? new Random(unchecked((s * 7919) + 0x5EC2E7)) : null;

    public string NewSecret(string prefix)
    {
        while (true)
        {
            var chars = new char[SecretLength];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[_seeded?.Next(Alphabet.Length) ?? RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }

            var secret = prefix + new string(chars);
            if (!RealAtlassianToken().IsMatch(secret))
            {
                return secret;
            }
        }
    }

    [GeneratedRegex("ATATT3[A-Za-z0-9_-]{20,}")]
    private static partial Regex RealAtlassianToken();
}
