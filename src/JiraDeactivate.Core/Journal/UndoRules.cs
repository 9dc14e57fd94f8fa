namespace JiraDeactivate.Core.Journal;

/// <summary>
/// What one kind of undo (a restore, a resumption) takes from a journal, for <see cref="RemovalJournal.Undoable"/>.
/// </summary>
/// <param name="Operation">The command whose runs it undoes ("Remove-JiraProductAccess").</param>
/// <param name="IsRelevant">The lines it reads: the changes and what happened to them since.</param>
/// <param name="IsChange">The lines that changed something (or may have): refused, with the reason, when they cannot be trusted.</param>
/// <param name="Plans">Whether a Planned line (first) is the one a change line (second) needs before it.</param>
/// <param name="NotPlanned">Why a change line without its Planned line is refused.</param>
public sealed record UndoRules(string Operation, Func<JournalEntry, bool> IsRelevant, Func<JournalEntry, bool> IsChange,
    Func<JournalEntry, JournalEntry, bool> Plans, Func<JournalEntry, string> NotPlanned)
{
    /// <summary>Refuse, with a warning, RunStarted and Planned lines of a sealed run whose seal does not match.</summary>
    public bool RefuseStrayLines { get; init; }
}

/// <summary>What a journal gives an undo: the lines it may act on, the lines refused, the runs taken unsealed, the runs whose key is missing.</summary>
public sealed record UndoableLines(IReadOnlyList<JournalLine> Lines, IReadOnlyList<JournalRefusal> Refusals, IReadOnlyList<string> UnsealedRuns, IReadOnlyList<string> MissingKeys);
