using System.Security.Cryptography;
using System.Text.Json;

namespace JiraDeactivate.Core.Journal;

/// <summary>
/// An HMAC-SHA256 over a journal line's content (the line without its seal), with its run's key: a line that was
/// edited or added by hand no longer matches.
/// </summary>
public static class JournalSeal
{
    public static JournalEntry Apply(JournalEntry entry, byte[] key) => entry with { Seal = Compute(entry, key) };

    public static bool IsValid(JournalEntry entry, byte[] key) =>
        entry.Seal is { } seal && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(IsBase64(seal) ? seal : string.Empty), Convert.FromBase64String(Compute(entry, key)));

    private static string Compute(JournalEntry entry, byte[] key) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, JsonSerializer.SerializeToUtf8Bytes(entry with { Seal = null }, JournalJsonContext.Default.JournalEntry)));

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);
}
