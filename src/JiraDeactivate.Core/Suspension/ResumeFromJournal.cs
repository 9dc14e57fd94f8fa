using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Suspension;

/// <summary>What a journal gives a resumption: the users to resume, the lines refused, the runs taken unsealed.</summary>
public sealed record ResumeFromJournal(IReadOnlyList<UserLifecycleRequest> Users, IReadOnlyList<JournalRefusal> Refusals, IReadOnlyList<string> UnsealedRuns)
{
    /// <summary>Runs whose seal key is not in the key folder (without -AllowUnsealed): nobody of them is resumed, and one error says so.</summary>
    public IReadOnlyList<string> MissingKeys { get; init; } = [];
}
