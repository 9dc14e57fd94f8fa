namespace JiraDeactivate.Core.Journal;

/// <summary>
/// Whether a journal's run can be trusted to be undone, the same for every kind of undo: with its key, only its
/// genuine lines count (a whole chain; lines added by hand are refused alone, a deleted or edited line refuses the run);
/// without it, only with -AllowUnsealed. Either way one RunStarted line of the command whose run it is.
/// </summary>
internal static class JournalRunTrust
{
    public const string NotGenuine = "its seal does not match: the line was edited or added after the run wrote it";

    public static RunVerdict Judge(string runId, IReadOnlyList<JournalLine> runLines, JournalKeys keys, bool allowUnsealed, string operation)
    {
        var lookup = keys.Inspect(runId);
        if (lookup.Problem is { } keyProblem)
        {
            return RunVerdict.Refuse($"run '{runId}' cannot be checked for edits: {keyProblem}");
        }

        IReadOnlySet<long>? genuine = null;
        var considered = runLines;
        if (lookup.Key is { } key)
        {
            SealChainCheck chain;
            try
            {
                chain = SealChain.Check(runLines, key, keys.FindHead(runId));
            }
            catch (JournalException e)
            {
                return RunVerdict.Refuse($"run '{runId}' cannot be checked for deleted lines: {e.Message}");
            }

            if (chain.Broken is { } broken)
            {
                return RunVerdict.Refuse($"run '{runId}' is not whole in the journal ({broken}), so nothing of it is undone");
            }

            genuine = chain.Genuine;
            considered = runLines.Where(l => genuine.Contains(l.Number)).ToList();
        }

        var started = considered.Where(l => l.Entry.Event == JournalEvent.RunStarted).ToList();
        if (started.Count != 1)
        {
            return RunVerdict.Refuse(started.Count == 0
                ? $"run '{runId}' has no RunStarted line: the journal does not show it as a run of {operation}"
                : $"run '{runId}' has {started.Count} RunStarted lines (lines {string.Join(", ", started.Select(l => l.Number))}): the journal was edited or two journals were joined");
        }

        if (!IsRunOf(started[0].Entry, operation))
        {
            return RunVerdict.Refuse($"run '{runId}' is not a run of {operation} (line {started[0].Number})");
        }

        if (genuine is null && !allowUnsealed)
        {
            return new RunVerdict(null, null, KeyMissing: true);
        }

        return new RunVerdict(new TrustedRun(runId, started[0], genuine, lookup.Key), null, KeyMissing: false);
    }

    /// <summary>The one message for every run of a journal whose key is not where <paramref name="keys"/> looks.</summary>
    public static string MissingKeys(IReadOnlyList<string> runIds, JournalKeys keys, string verb) =>
        $"{(runIds.Count == 1 ? $"run '{runIds[0]}' cannot" : $"{runIds.Count} runs ({string.Join(", ", runIds.Select(r => $"'{r}'"))}) cannot")} be checked for edits, so nothing of {(runIds.Count == 1 ? "it" : "them")} is {verb}: "
        + $"{(runIds.Count == 1 ? "its seal key" : "their seal keys")} ({string.Join(", ", runIds.Select(keys.Source.NameOf))}) {(runIds.Count == 1 ? "is" : "are")} not in {keys.Source.Where}. "
        + $"{keys.Source.Remedy}, or review the journal's lines and run again with -AllowUnsealed";

    // Journals of the first version name the command only at the start of the RunStarted message.
    private static bool IsRunOf(JournalEntry start, string operation) =>
        start.Operation is { } written
            ? written == operation
            : start.Message?.StartsWith(operation + " ", StringComparison.Ordinal) == true;
}

/// <summary>A run to undo (Run), or why not: a problem that refuses the whole run, or its key missing (reported once per journal).</summary>
internal sealed record RunVerdict(TrustedRun? Run, string? Problem, bool KeyMissing)
{
    public static RunVerdict Refuse(string problem) => new(null, problem, KeyMissing: false);
}

/// <summary>A run that may be undone: its RunStarted line, its genuine lines (null: taken unsealed) and its key.</summary>
internal sealed record TrustedRun(string RunId, JournalLine Started, IReadOnlySet<long>? Genuine, byte[]? Key)
{
    public bool IsUnsealed => Genuine is null;

    public bool IsGenuine(JournalLine line) => Genuine is null || Genuine.Contains(line.Number);

    /// <summary>Why a line of this run is not its own (seal, place, site); null when it is. Every kind of undo checks this.</summary>
    public string? SealPlaceOrSiteProblem(JournalLine line)
    {
        if (!IsGenuine(line))
        {
            return JournalRunTrust.NotGenuine;
        }

        if (line.Number < Started.Number)
        {
            return "it comes before its run's RunStarted line";
        }

        return string.Equals(line.Entry.Site, Started.Entry.Site, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"it names site '{line.Entry.Site}', but its run was on '{Started.Entry.Site}'";
    }
}
