using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Runs;

/// <summary>What a change sees of its run: the run's ID, its journal, and the stop grace for calls under way.</summary>
public sealed class ChangeContext
{
    /// <summary>
    /// How long a stop (Ctrl+C) lets a call already under way finish, so the journal records its outcome instead of
    /// leaving it unknown. Shorter than the cmdlet's wait for its work to end.
    /// </summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly RemovalJournal _journal;

    internal ChangeContext(RemovalJournal journal, string runId, string? site)
    {
        _journal = journal;
        RunId = runId;
        Site = site;
    }

    public string RunId { get; }

    public string? Site { get; }

    public string JournalPath => _journal.Path;

    /// <summary>Appends a line to the run's journal; a line without a run ID gets this run's.</summary>
    public void Write(JournalEntry entry) => _journal.Append(entry.RunId.Length == 0 ? entry with { RunId = RunId } : entry);

    /// <summary>
    /// Makes one call that a stop does not cut short at once: it gets <see cref="StopGrace"/> to answer.
    /// <paramref name="onStopped"/> runs when the grace ran out during the call (so the journal can say the outcome
    /// is unknown); then the stop goes on as an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<T> WithStopGraceAsync<T>(Func<CancellationToken, Task<T>> call, Action onStopped, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var inFlight = new CancellationTokenSource();
        using (cancellationToken.Register(() => inFlight.CancelAfter(StopGrace)))
        {
            try
            {
                return await call(inFlight.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (inFlight.IsCancellationRequested)
            {
                onStopped();
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }
}
