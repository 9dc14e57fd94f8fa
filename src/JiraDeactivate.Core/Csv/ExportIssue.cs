namespace JiraDeactivate.Core.Csv;

/// <summary>A problem found in one part of an export that does not stop the rest from being read.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Path">The file.</param>
/// <param name="LineNumber">The line the problem is on; 0 for the whole file.</param>
/// <param name="AccountId">The user of that line, when it could be read.</param>
/// <param name="Message">What the user should know, naming the file and line.</param>
public sealed record ExportIssue(ExportIssueKind Kind, string Path, long LineNumber, string? AccountId, string Message);

/// <summary>The kinds of <see cref="ExportIssue"/>.</summary>
public enum ExportIssueKind
{
    /// <summary>A row with a value that cannot be read: the row is left out, the others still come out.</summary>
    InvalidValue,

    /// <summary>A row whose field count differs from the header's: the row is left out.</summary>
    MalformedRow,

    /// <summary>The file holds no header and no users (a warning).</summary>
    EmptyFile,

    /// <summary>A user's rows are not next to each other, so the user comes out more than once (a warning).</summary>
    UserRowsSplit,

    /// <summary>A UTF-8 file with bytes that are not UTF-8, read as Latin-1 (a warning naming the first such line).</summary>
    MixedEncoding,
}
