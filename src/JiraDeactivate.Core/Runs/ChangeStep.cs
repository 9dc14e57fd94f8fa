using JiraDeactivate.Core.Atlassian;
using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Runs;

/// <summary>
/// One call of a change for one user (leave a group, join it again, suspend the account): the call itself, how to
/// read back whether it is in place, and the words the journal and the result use for it. A kind of change supplies
/// its steps; <see cref="ChangeSteps"/> runs them with the one protocol every change follows.
/// </summary>
public sealed record ChangeStep
{
    /// <summary>What the step changes, as results list it ("jira-software-users").</summary>
    public required string Name { get; init; }

    /// <summary>This step's journal line for an event and its message.</summary>
    public required Func<JournalEvent, string?, JournalEntry> Line { get; init; }

    public required JournalEvent Starting { get; init; }

    public required JournalEvent Done { get; init; }

    public required JournalEvent Failed { get; init; }

    /// <summary>The event for an answer that nothing was left to do; null: such an answer counts as done (with <see cref="AlreadyDoneNote"/>).</summary>
    public JournalEvent? AlreadyDone { get; init; }

    /// <summary>The note of an "already done" answer when <see cref="AlreadyDone"/> is null.</summary>
    public string? AlreadyDoneNote { get; init; }

    /// <summary>The message on the step's Starting line (what the change was judged on).</summary>
    public string? StartNote { get; init; }

    /// <summary>The call; the token is the stop grace's.</summary>
    public required Func<CancellationToken, Task<MembershipChange>> Call { get; init; }

    /// <summary>After a failed call: true when the change is in place all the same, false when not, null when that cannot be read.</summary>
    public required Func<CancellationToken, Task<bool?>> ReadBack { get; init; }

    /// <summary>"removing from 'jira-software-users'": the failure's first words in the result.</summary>
    public required string Failing { get; init; }

    /// <summary>"the user may or may not have left the group": the state after a stop during the call.</summary>
    public required string StoppedState { get; init; }

    /// <summary>"reading the membership back failed too: ...": the state when neither the call nor the read back answered.</summary>
    public required string UnknownState { get; init; }

    /// <summary>"the user is still in the group": the state read back after a failed call.</summary>
    public required string NotDoneState { get; init; }

    /// <summary>"the user left the group": what a read back shows after a failed call that happened all the same.</summary>
    public required string ShownDone { get; init; }
}

/// <summary>What a user's steps did: the names of those that changed something, the last step's note, and the failure that stopped them.</summary>
public sealed record ChangeStepsResult(IReadOnlyList<string> Changed, string? Note, string? FailureMessage = null, Exception? Failure = null)
{
    public bool Failed => FailureMessage is not null;
}
