using System.Globalization;
using System.Text;

namespace JiraDeactivate.Emulator.Admin;

/// <summary>Opaque page cursors of the Admin API (an encoded offset, so a client cannot rely on the format).</summary>
internal static class AdminCursor
{
    private const string Prefix = "emu-offset:";

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <returns>The offset (0 for no cursor), or null for a cursor this emulator did not issue.</returns>
    public static int? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>One page plus the cursors of the previous and next pages (null when there is none).</summary>
    public static (IReadOnlyList<T> Items, string? Prev, string? Next) Page<T>(IReadOnlyList<T> all, int offset, int pageSize)
    {
        var items = all.Skip(offset).Take(pageSize).ToList();
        var next = offset + items.Count < all.Count ? Encode(offset + items.Count) : null;
        var prev = offset > 0 ? Encode(Math.Max(0, offset - pageSize)) : null;
        return (items, prev, next);
    }
}
