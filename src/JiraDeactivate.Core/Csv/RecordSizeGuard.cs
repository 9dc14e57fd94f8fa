namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Bounds what the CSV parser can hold for one record: the parser keeps a whole record in memory before it returns,
/// so a quote that is never closed (or an endless stream such as /dev/zero) would otherwise fill memory with one
/// field. Counts the UTF-8 bytes handed out since the current record began and the line breaks among them.
/// The inner stream belongs to the caller.
/// </summary>
internal sealed class RecordSizeGuard(Stream inner, int maxRecordBytes) : ForwardReadStream
{
    private long _bytesHandedOut;
    private long _bytesInRecord;

    public int MaxRecordBytes { get; } = maxRecordBytes;

    /// <summary>Line breaks handed out so far: the physical line the parser has reached is one more.</summary>
    public long LineBreaks { get; private set; }

    /// <summary>A record is about to be read: what the parser reads from now on belongs to it.</summary>
    /// <param name="recordStart">Where the record begins in the parser's input (the parser has read ahead of it).</param>
    public void BeginRecord(long recordStart) => _bytesInRecord = _bytesHandedOut - recordStart;

    // The parser reads ahead into the records after the current one: only a record that still needs bytes once it holds
    // MaxRecordBytes of them is too long, and no read hands out more than the current record may still take, so a
    // record that never ends stops within MaxRecordBytes of where it began.
    public override int Read(Span<byte> buffer)
    {
        long room = MaxRecordBytes - _bytesInRecord;
        if (room <= 0 && buffer.Length > 0)
        {
            throw new RecordTooLongException(LineBreaks + 1);
        }

        int read = inner.Read(buffer[..(int)Math.Min(buffer.Length, Math.Max(room, 0))]);
        LineBreaks += buffer[..read].Count((byte)'\n');
        _bytesHandedOut += read;
        _bytesInRecord += read;
        return read;
    }
}
