using System.Text;

namespace JiraDeactivate.Core.Journal;

/// <summary>
/// Reads a journal's lines with a bound on each line's length, so a file that is not a journal (/dev/zero, one line
/// of 600 MB) stops with an error after at most <see cref="MaxLineBytes"/> instead of filling memory.
/// </summary>
internal static class JournalLineReader
{
    /// <summary>The longest line a journal may hold; the module's own lines are a few hundred bytes.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    /// <exception cref="JournalException">A line runs past <see cref="MaxLineBytes"/>.</exception>
    public static IEnumerable<string> ReadLines(Stream stream, string path)
    {
        byte[] buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        long number = 1;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            while (start < read)
            {
                int end = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                int take = (end < 0 ? read : end) - start;
                if (line.Length + take > MaxLineBytes)
                {
                    throw new JournalException($"Line {number} of '{path}' runs for more than {MaxLineBytes:N0} bytes: this is not a journal of this module (its lines are short). Nothing was read from it.");
                }

                line.Write(buffer, start, take);
                if (end < 0)
                {
                    break;
                }

                yield return Decode(line);
                number++;
                start = end + 1;
            }
        }

        if (line.Length > 0)
        {
            yield return Decode(line);
        }
    }

    private static string Decode(MemoryStream line)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }

        string text = Encoding.UTF8.GetString(bytes);
        line.SetLength(0);
        return text;
    }
}
