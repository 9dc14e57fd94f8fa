namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Bounds what the CSV parser can hold for one record: the parser keeps a whole record in memory before it returns,
/// so a quote that is never closed (or an endless stream such as /dev/zero) would otherwise fill memory with one
/// field. Counts the characters handed out since the last record began and the line breaks among them.
/// The inner reader belongs to the caller.
/// </summary>
internal sealed class RecordSizeGuard(TextReader inner, int maxRecordChars) : TextReader
{
    private long _charsHandedOut;
    private long _charsInRecord;

    public int MaxRecordChars { get; } = maxRecordChars;

    /// <summary>Line breaks handed out so far: the physical line the parser has reached is one more.</summary>
    public long LineBreaks { get; private set; }

    /// <summary>A record was returned: what the parser reads from now on belongs to the next one.</summary>
    /// <param name="consumedChars">The characters the parser has consumed so far (it reads ahead of them).</param>
    public void BeginRecord(long consumedChars) => _charsInRecord = _charsHandedOut - consumedChars;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        int read = inner.Read(buffer);
        var chars = buffer[..read];
        LineBreaks += chars.Count('\n');
        _charsHandedOut += read;
        _charsInRecord += read;
        if (_charsInRecord > MaxRecordChars)
        {
            throw new RecordTooLongException(LineBreaks + 1);
        }

        return read;
    }

    public override int Peek() => inner.Peek();

    public override int Read() => inner.Read();
}
