namespace JiraDeactivate.Core.Journal;

/// <summary>A journal line as read back: its number in the file (for messages) and what it says.</summary>
public sealed record JournalLine(long Number, JournalEntry Entry);
