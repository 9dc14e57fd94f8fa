namespace JiraDeactivate.Core.Csv;

/// <summary>The file is not an "Export users" CSV (or cannot be read as one at all).</summary>
public sealed class UserExportFormatException : Exception
{
    public UserExportFormatException(string path, IReadOnlyList<string> missingColumns)
        : base($"'{path}' is not an Atlassian \"Export users\" CSV: required columns missing: {string.Join(", ", missingColumns)}.")
    {
        Path = path;
        MissingColumns = missingColumns;
    }

    public UserExportFormatException(string path, string reason, Exception? inner = null)
        : base($"'{path}' cannot be read as an Atlassian \"Export users\" CSV: {reason}", inner)
    {
        Path = path;
        MissingColumns = [];
    }

    public string Path { get; }

    public IReadOnlyList<string> MissingColumns { get; }
}
