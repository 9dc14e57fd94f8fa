namespace JiraDeactivate.Core.Csv;

/// <summary>
/// Bounds what the CSV parser can hold for one record: the parser keeps a whole record in memory before it returns,
/// so a quote that is never closed (or an endless stream such as /dev/zero) would otherwise fill memory with one
/// field. Counts the UTF-8 bytes handed out since the last record began and the line breaks among them.
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
    /// <param name="consumedBytes">Where the parser's last record started (it reads ahead of it, by at most that record).</param>
    public void BeginRecord(long consumedBytes) => _bytesInRecord = _bytesHandedOut - consumedBytes;

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        LineBreaks += buffer[..read].Count((byte)'\n');
        _bytesHandedOut += read;
        _bytesInRecord += read;
        if (_bytesInRecord > MaxRecordBytes)
        {
            throw new RecordTooLongException(LineBreaks + 1);
        }

        return read;
    }
}
