using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Turns an export's bytes into UTF-8 in one forward pass, so pipes and FIFOs can be read: UTF-16 when the file starts
/// with its byte order mark, otherwise UTF-8 where the bytes are UTF-8 and Latin-1 byte by byte where they are not.
/// A file saved by a spreadsheet in a legacy encoding reads as Latin-1; a UTF-8 file with a few Latin-1 rows
/// (a pasted name, a merge of two files) reads right in both parts and is reported as mixed.
/// The CSV parser reads UTF-8 bytes; valid UTF-8 (nearly every export) passes through unchanged.
/// </summary>
internal sealed class ExportDecoder : ForwardReadStream
{
    private const int BlockBytes = 1 << 16;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _bytes = ArrayPool<byte>.Shared.Rent(BlockBytes);
    // Room for a whole block of input: Latin-1 takes up to 2 bytes a byte, UTF-16 up to 3 bytes a character.
    private readonly byte[] _output = ArrayPool<byte>.Shared.Rent(2 * BlockBytes);
    private readonly char[] _chars = ArrayPool<char>.Shared.Rent(BlockBytes);
    private Decoder? _utf16;
    private Encoder? _utf8;
    private int _start;
    private int _end;
    private int _outputStart;
    private int _outputEnd;
    private bool _endOfStream;
    private bool _started;
    private bool _disposed;
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

    public override int Read(Span<byte> buffer)
    {
        if (!_started)
        {
            Start();
        }

        while (_outputStart == _outputEnd)
        {
            if (_end - _start < 4 && !_endOfStream)
            {
                Fill();
            }

            if (_start == _end)
            {
                return 0;
            }

            _outputStart = 0;
            _outputEnd = _utf16 is not null ? DecodeUtf16() : DecodeUtf8();
        }

        int count = Math.Min(buffer.Length, _outputEnd - _outputStart);
        _output.AsSpan(_outputStart, count).CopyTo(buffer);
        _outputStart += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            ArrayPool<byte>.Shared.Return(_bytes);
            ArrayPool<byte>.Shared.Return(_output);
            ArrayPool<char>.Shared.Return(_chars);
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

        _utf8 = _utf16 is null ? null : new UTF8Encoding(false).GetEncoder();
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _bytes.AsSpan(_start, _end - _start).CopyTo(_bytes);
            _end -= _start;
            _start = 0;
        }

        int read = _stream.Read(_bytes, _end, BlockBytes - _end);
        _endOfStream = read == 0;
        _end += read;
    }

    private int DecodeUtf16()
    {
        _utf16!.Convert(_bytes.AsSpan(_start, _end - _start), _chars, _endOfStream, out int used, out int chars, out _);
        _start += used;
        _utf8!.Convert(_chars.AsSpan(0, chars), _output, _endOfStream && _start == _end, out _, out int written, out _);
        return written;
    }

    // Valid UTF-8 is copied as it is; each byte that is not is read as Latin-1 (the character with the same number).
    // Decoding to UTF-16 is only the cheapest way to find where the valid part ends.
    private int DecodeUtf8()
    {
        int written = 0;
        while (_start < _end)
        {
            var source = _bytes.AsSpan(_start, _end - _start);
            var status = Utf8.ToUtf16(source, _chars, out int used, out int chars, replaceInvalidSequences: false, isFinalBlock: _endOfStream);
            SawUtf8 |= used != chars;
            source[..used].CopyTo(_output.AsSpan(written));
            _line += source[..used].Count((byte)'\n');
            _start += used;
            written += used;
            if (status != OperationStatus.InvalidData)
            {
                break;
            }

            byte latin1 = _bytes[_start++];
            _output[written++] = (byte)(0xC0 | (latin1 >> 6));
            _output[written++] = (byte)(0x80 | (latin1 & 0x3F));
            Latin1Bytes++;
            FirstLatin1Line = FirstLatin1Line == 0 ? _line : FirstLatin1Line;
        }

        return written;
    }
}
