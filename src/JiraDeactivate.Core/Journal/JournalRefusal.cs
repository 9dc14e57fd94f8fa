namespace JiraDeactivate.Core.Journal;

/// <summary>A journal line a restore will not carry out, and why.</summary>
public sealed record JournalRefusal(long Line, string RunId, string? AccountId, string Reason);
