using System.Buffers;
using System.Text;

namespace JiraDeactivate.Core.Csv;

/// <summary>
/// The UTF-8 bytes of text from a <see cref="TextReader"/>, read forward: the CSV parser reads bytes, and text that is
/// already decoded goes through the same guard and checks as a file. The reader belongs to the caller.
/// </summary>
internal sealed class TextUtf8Stream(TextReader text) : ForwardReadStream
{
    private const int BlockChars = 1 << 14;
    private readonly char[] _chars = ArrayPool<char>.Shared.Rent(BlockChars);
    private readonly byte[] _bytes = ArrayPool<byte>.Shared.Rent(3 * BlockChars + 8);
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private int _start;
    private int _end;
    private bool _endOfText;
    private bool _disposed;

    public override int Read(Span<byte> buffer)
    {
        while (_start == _end && !_endOfText)
        {
            int chars = text.Read(_chars, 0, BlockChars);
            _endOfText = chars == 0;
            _encoder.Convert(_chars.AsSpan(0, chars), _bytes, _endOfText, out _, out _end, out _);
            _start = 0;
        }

        int count = Math.Min(buffer.Length, _end - _start);
        _bytes.AsSpan(_start, count).CopyTo(buffer);
        _start += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            ArrayPool<char>.Shared.Return(_chars);
            ArrayPool<byte>.Shared.Return(_bytes);
        }

        base.Dispose(disposing);
    }
}
