namespace JiraDeactivate.Core.Csv;

/// <summary>One record grew past <see cref="RecordSizeGuard.MaxRecordBytes"/>; the reader turns it into a <see cref="UserExportIntegrityException"/>.</summary>
internal sealed class RecordTooLongException(long line) : Exception($"The record reached line {line} without ending.")
{
    /// <summary>The physical line the parser had reached.</summary>
    public long Line { get; } = line;
}
