namespace JiraDeactivate.Core.Csv;

/// <summary>
/// The file is an export whose structure cannot be trusted: a quote that swallows rows, a record that never ends,
/// two columns with the same meaning. Reading stops: going on would give a list that is silently short.
/// </summary>
public sealed class UserExportIntegrityException(string path, long lineNumber, ExportIntegrityProblem problem, string message)
    : Exception(message)
{
    public string Path { get; } = path;

    /// <summary>The line the problem starts on (where the quote opened); 1 for the header.</summary>
    public long LineNumber { get; } = lineNumber;

    public ExportIntegrityProblem Problem { get; } = problem;
}
