using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Decodes an export's bytes in one forward pass, so pipes and FIFOs can be read: UTF-16 when the file starts with
/// its byte order mark, otherwise UTF-8 where the bytes are UTF-8 and Latin-1 byte by byte where they are not.
/// A file saved by a spreadsheet in a legacy encoding reads as Latin-1; a UTF-8 file with a few Latin-1 rows
/// (a pasted name, a merge of two files) reads right in both parts and is reported as mixed.
/// </summary>
internal sealed class ExportDecoder : TextReader
{
    private const int BlockBytes = 1 << 16;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _bytes = ArrayPool<byte>.Shared.Rent(BlockBytes);
    private Decoder? _utf16;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _started;
    private long _line = 1;

    public ExportDecoder(Stream stream, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Bytes that were not UTF-8 and were read as Latin-1.</summary>
    public long Latin1Bytes { get; private set; }

    /// <summary>The line of the first such byte, or 0.</summary>
    public long FirstLatin1Line { get; private set; }

    /// <summary>Whether any character took more than one UTF-8 byte (a file in UTF-8, not in a legacy encoding).</summary>
    public bool SawUtf8 { get; private set; }

    /// <summary>Both UTF-8 characters and bytes that are not UTF-8: some names were saved in another encoding.</summary>
    public bool IsMixed => SawUtf8 && Latin1Bytes > 0;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (!_started)
        {
            Start();
        }

        int written = 0;
        while (written == 0 && buffer.Length > 0)
        {
            if (_end - _start < 4 && !_endOfStream)
            {
                Fill();
            }

            if (_start == _end)
            {
                return 0;
            }

            written = _utf16 is not null ? DecodeUtf16(buffer) : DecodeUtf8(buffer);
        }

        return written;
    }

    public override int Peek() => -1;

    // One character at a time could split a surrogate pair; the CSV parser reads in blocks.
    public override int Read() => throw new NotSupportedException("An export is decoded in blocks.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void Start()
    {
        _started = true;
        while (_end < 4 && !_endOfStream)
        {
            Fill();
        }

        var head = _bytes.AsSpan(0, _end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start = 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            _utf16 = Encoding.Unicode.GetDecoder();
            _start = 2;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            _utf16 = Encoding.BigEndianUnicode.GetDecoder();
            _start = 2;
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _bytes.AsSpan(_start, _end - _start).CopyTo(_bytes);
            _end -= _start;
            _start = 0;
        }

        int read = _stream.Read(_bytes, _end, _bytes.Length - _end);
        _endOfStream = read == 0;
        _end += read;
    }

    private int DecodeUtf16(Span<char> buffer)
    {
        _utf16!.Convert(_bytes.AsSpan(_start, _end - _start), buffer, _endOfStream, out int used, out int written, out _);
        _start += used;
        return written;
    }

    private int DecodeUtf8(Span<char> buffer)
    {
        int written = 0;
        while (written < buffer.Length && _start < _end)
        {
            var source = _bytes.AsSpan(_start, _end - _start);
            var target = buffer[written..];
            var status = Utf8.ToUtf16(source, target, out int used, out int chars, replaceInvalidSequences: false, isFinalBlock: _endOfStream);
            SawUtf8 |= used != chars;
            _start += used;
            _line += target[..chars].Count('\n');
            written += chars;
            if (status == OperationStatus.InvalidData && written < buffer.Length)
            {
                // Latin-1 maps each byte to the character with the same number.
                buffer[written++] = (char)_bytes[_start++];
                Latin1Bytes++;
                FirstLatin1Line = FirstLatin1Line == 0 ? _line : FirstLatin1Line;
            }
            else if (status is OperationStatus.NeedMoreData or OperationStatus.DestinationTooSmall)
            {
                break;
            }
        }

        return written;
    }
}
