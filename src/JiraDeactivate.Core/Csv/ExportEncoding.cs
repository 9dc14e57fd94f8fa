using System.Text;

namespace JiraDeactivate.Core.Csv;

/// <summary>Chooses how to decode an export that may have been saved by a spreadsheet in another encoding.</summary>
internal static class ExportEncoding
{
    private const int SniffBytes = 64 * 1024;
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// UTF-8 unless the file starts with another byte order mark (UTF-16/32, which the reader detects),
    /// or it is not valid UTF-8, which means a legacy single-byte encoding: read as Latin-1.
    /// </summary>
    public static Encoding Detect(Stream stream)
    {
        var buffer = new byte[SniffBytes];
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
        {
            stream.Position = 0;
            return Encoding.Unicode;
        }

        var decoder = s_strictUtf8.GetDecoder();
        var chars = new char[s_strictUtf8.GetMaxCharCount(buffer.Length)];
        try
        {
            // The whole file, block by block: a legacy file whose first accented letter comes after the first block
            // would otherwise be read as UTF-8 and its names silently garbled. flush: false, so a character cut at
            // the end of a block is not taken for an error.
            while (read > 0)
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
                read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            }

            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1;
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
