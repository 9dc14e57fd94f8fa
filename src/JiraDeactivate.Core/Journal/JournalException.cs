namespace JiraDeactivate.Core.Journal;

/// <summary>The journal cannot be written or read.</summary>
public sealed class JournalException(string message, Exception? inner = null) : Exception(message, inner);
