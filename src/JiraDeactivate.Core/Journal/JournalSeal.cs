using System.Security.Cryptography;
using System.Text.Json;

namespace JiraDeactivate.Core.Journal;

/// <summary>
/// An HMAC-SHA256, with its run's key, over the seal of the run's line before and the line's content (the line
/// without its seal, its number in the run included): a line edited or added by hand no longer matches, and neither
/// does the line after one that was deleted. Lines of journals written before the chain (no number) are sealed alone.
/// </summary>
public static class JournalSeal
{
    public static JournalEntry Apply(JournalEntry entry, byte[] key, string? previousSeal) => entry with { Seal = Compute(entry, key, previousSeal) };

    /// <summary>True when the line's seal matches its content and <paramref name="previousSeal"/> (the run's line before; null for its first).</summary>
    public static bool IsValid(JournalEntry entry, byte[] key, string? previousSeal) =>
        entry.Seal is { } seal && IsBase64(seal)
        && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(seal), Convert.FromBase64String(Compute(entry, key, entry.Seq is null ? null : previousSeal)));

    private static string Compute(JournalEntry entry, byte[] key, string? previousSeal)
    {
        byte[] content = JsonSerializer.SerializeToUtf8Bytes(entry with { Seal = null }, JournalJsonContext.Default.JournalEntry);
        if (entry.Seq is null)
        {
            return Convert.ToBase64String(HMACSHA256.HashData(key, content));
        }

        byte[] previous = previousSeal is not null && IsBase64(previousSeal) ? Convert.FromBase64String(previousSeal) : [];
        return Convert.ToBase64String(HMACSHA256.HashData(key, (byte[])[.. previous, (byte)'\n', .. content]));
    }

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);
}
