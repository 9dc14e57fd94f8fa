namespace JiraDeactivate.Core.Journal;

/// <summary>The journal cannot be written or read.</summary>
public sealed class JournalException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Another run holds the journal.</summary>
    public bool InUse { get; init; }
}
