namespace JiraDeactivate.Core.Csv;

/// <summary>The kinds of <see cref="UserExportIntegrityException"/>.</summary>
public enum ExportIntegrityProblem
{
    /// <summary>A quoted field runs over rows: its quote is not closed where the export could have closed it.</summary>
    QuoteNotClosed,

    /// <summary>A record grows past the size limit without ending (an unclosed quote, a stream that never ends).</summary>
    RecordTooLong,

    /// <summary>The file ended before the length it had when reading began: it was truncated or rewritten during the import.</summary>
    Truncated,

    /// <summary>Two header columns give the same value (e.g. two "Last seen in Jira - acme").</summary>
    DuplicateColumns,
}
