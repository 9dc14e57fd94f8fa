using System.Text.Json;

namespace JiraDeactivate.Core.Journal;

/// <summary>
/// An append-only JSON Lines record of every planned and completed change. Each line is written whole and flushed
/// before the next call, so a crash or Ctrl+C leaves a true record (the OS holds it even if the process dies).
/// A journal has one writer at a time: a run holds an exclusive lock on "&lt;journal&gt;.lock" while it has the journal
/// open, and a second run on the same path fails at <see cref="Open"/>, before it changes anything. Readers (an
/// admin watching with Get-Content -Wait) are not held back.
/// </summary>
public sealed class RemovalJournal : IDisposable
{
    private readonly JournalLocks.HeldLock _writerLock;
    private readonly FileStream _stream;
    private readonly JournalKeys _keys;
    private readonly Dictionary<string, RunSeal> _runs = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    private RemovalJournal(string path, JournalLocks.HeldLock writerLock, FileStream stream, JournalKeys keys)
    {
        Path = path;
        _writerLock = writerLock;
        _stream = stream;
        _keys = keys;
    }

    public string Path { get; }

    /// <summary>The default journal of a run: a per-user application data folder; its name carries the run ID.</summary>
    public static string DefaultPath(string runId) => System.IO.Path.Combine(DefaultFolder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{runId}.jsonl");

    /// <summary>The folder of the default journals (Get-JiraChangeRun lists it when given no -Path).</summary>
    public static string DefaultFolder => System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "JiraDeactivate", "journal");

    /// <summary>A new run ID: short, unique enough to tell runs apart in one journal.</summary>
    public static string NewRunId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Opens (or creates) a journal and locks it for this run; fails here, before any change, when it cannot be
    /// written or another run holds it. The lock is taken on the journal's real path (folders that are symbolic links
    /// resolved), so two runs reaching one journal by different paths still exclude each other; a journal path that is
    /// itself a symbolic link, or names something other than a file, is refused.
    /// </summary>
    /// <exception cref="JournalException">The file cannot be created or written, is a link or not a file, or another run is using it.</exception>
    public static RemovalJournal Open(string path, JournalKeys? keys = null)
    {
        string full = JournalPaths.Resolve(path);
        JournalLocks.HeldLock? writerLock = null;
        FileStream? stream = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            JournalLocks.RemoveStale(System.IO.Path.GetDirectoryName(full)!);
            writerLock = JournalLocks.Take(full);
            stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
            EndTornLine(stream);
            return new RemovalJournal(full, writerLock, stream, keys ?? JournalKeys.Default);
        }
        catch (JournalException)
        {
            stream?.Dispose();
            writerLock?.Dispose();
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stream?.Dispose();
            writerLock?.Dispose();
            throw new JournalException($"The journal '{full}' cannot be written: {e.Message} Nothing was changed; choose another -JournalPath.", e);
        }
    }

    /// <summary>Where this journal's seal keys are kept.</summary>
    public string KeyFolder => _keys.Folder;

    /// <summary>Starts a run: makes its seal key and writes its RunStarted line.</summary>
    public void StartRun(string runId, string operation, string? site, string message, string? actor = null)
    {
        byte[] key = _keys.Create(runId);
        lock (_lock)
        {
            _runs[runId] = new RunSeal(key, Chained: true, 0, null);
        }

        Append(new JournalEntry { RunId = runId, Event = JournalEvent.RunStarted, Operation = operation, Site = site, Message = message, Actor = actor });
    }

    /// <summary>
    /// Appends one line, flushed. When the key folder holds the run's key, the line is numbered and sealed over the run's
    /// line before, and the run's head in the key folder moves to it.
    /// </summary>
    public void Append(JournalEntry entry)
    {
        lock (_lock)
        {
            if (!_runs.TryGetValue(entry.RunId, out var run))
            {
                run = _runs[entry.RunId] = RunSealOf(entry.RunId);
            }

            var written = entry with { Seal = null, Seq = null };
            if (run.Key is { } key)
            {
                written = run.Chained
                    ? JournalSeal.Apply(written with { Seq = run.Seq + 1 }, key, run.LastSeal)
                    : JournalSeal.Apply(written, key, null);
            }

            byte[] json = JsonSerializer.SerializeToUtf8Bytes(written, JournalJsonContext.Default.JournalEntry);
            byte[] line = new byte[json.Length + 1];
            json.CopyTo(line, 0);
            line[^1] = (byte)'\n';
            try
            {
                _stream.Seek(0, SeekOrigin.End);
                _stream.Write(line);
                _stream.Flush(flushToDisk: false);
            }
            catch (IOException e)
            {
                throw new JournalException($"Writing the journal '{Path}' failed: {e.Message}", e);
            }

            if (run.Key is not null && run.Chained)
            {
                _runs[entry.RunId] = run with { Seq = written.Seq!.Value, LastSeal = written.Seal };
                _keys.WriteHead(entry.RunId, new JournalHead(written.Seq!.Value, written.Seal!));
            }
        }
    }

    /// <summary>Reads back what this (locked) journal holds, from its first line.</summary>
    public IReadOnlyList<JournalLine> ReadAll(Action<long, string>? onBadLine = null)
    {
        lock (_lock)
        {
            _stream.Seek(0, SeekOrigin.Begin);
            return Parse(JournalLineReader.ReadLines(_stream, Path), onBadLine).ToList();
        }
    }

    /// <summary>Reads a journal without locking it; a line that cannot be read (a torn last line after a crash) is reported and skipped.</summary>
    /// <exception cref="JournalException">A line is longer than any journal line (the file is not a journal).</exception>
    public static IEnumerable<JournalLine> Read(string path, Action<long, string>? onBadLine = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        foreach (var line in Parse(JournalLineReader.ReadLines(stream, path), onBadLine))
        {
            yield return line;
        }
    }

    /// <summary>
    /// The lines of <paramref name="lines"/> an undo may act on, the same checks for every kind of undo: each run judged
    /// by <see cref="JournalRunTrust"/> (a RunStarted of <see cref="UndoRules.Operation"/>, its seals), then each line by
    /// its seal, place and site, and each change by its Planned line before it; what fails is refused with the reason.
    /// </summary>
    public static UndoableLines Undoable(IEnumerable<JournalLine> lines, JournalKeys keys, bool allowUnsealed, UndoRules rules, Func<JournalEntry, bool>? include = null)
    {
        var refusals = new List<JournalRefusal>();
        var unsealedRuns = new List<string>();
        var missingKeys = new List<string>();
        var trusted = new List<JournalLine>();
        foreach (var run in lines.GroupBy(l => l.Entry.RunId, StringComparer.Ordinal))
        {
            var runLines = run.ToList();
            var wanted = runLines.Where(l => rules.IsRelevant(l.Entry) && (include is null || include(l.Entry))).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            var verdict = JournalRunTrust.Judge(run.Key, runLines, keys, allowUnsealed, rules.Operation);
            if (verdict.KeyMissing)
            {
                missingKeys.Add(run.Key);
                continue;
            }

            if (verdict.Run is not { } trustedRun)
            {
                refusals.AddRange(wanted.Where(l => rules.IsChange(l.Entry)).Select(l => Refuse(l, verdict.Problem!)));
                continue;
            }

            if (trustedRun.IsUnsealed)
            {
                unsealedRuns.Add(run.Key);
            }

            if (rules.RefuseStrayLines)
            {
                // A stray line of a sealed run (a RunStarted or Planned line added by hand) is refused alone.
                refusals.AddRange(runLines.Where(l => !trustedRun.IsGenuine(l) && !rules.IsRelevant(l.Entry) && l.Entry.Event is JournalEvent.RunStarted or JournalEvent.Planned)
                    .Select(l => Refuse(l, JournalRunTrust.NotGenuine)));
            }

            foreach (var line in wanted)
            {
                if (LineProblem(line, trustedRun, runLines, rules) is { } lineProblem)
                {
                    if (rules.IsChange(line.Entry))
                    {
                        refusals.Add(Refuse(line, lineProblem));
                    }

                    continue;
                }

                trusted.Add(line);
            }
        }

        return new UndoableLines(trusted, refusals, unsealedRuns, missingKeys);
    }

    private static string? LineProblem(JournalLine line, TrustedRun run, List<JournalLine> runLines, UndoRules rules)
    {
        if (run.SealPlaceOrSiteProblem(line) is { } problem)
        {
            return problem;
        }

        return !rules.IsChange(line.Entry)
            || runLines.Any(l => l.Number < line.Number && l.Entry.Event == JournalEvent.Planned && rules.Plans(l.Entry, line.Entry) && run.IsGenuine(l))
            ? null
            : rules.NotPlanned(line.Entry);
    }

    private static JournalRefusal Refuse(JournalLine line, string reason) => new(line.Number, line.Entry.RunId, line.Entry.AccountId, reason);

    public void Dispose()
    {
        _stream.Dispose();
        _writerLock.Dispose();
    }

    // A run this journal did not start here (a restore writing under the run it undoes): its chain goes on from the
    // last genuine line the journal holds, and never behind the key folder's head.
    private RunSeal RunSealOf(string runId)
    {
        if (_keys.Find(runId) is not { } key)
        {
            return new RunSeal(null, Chained: false, 0, null);
        }

        var head = _keys.FindHead(runId);
        _stream.Seek(0, SeekOrigin.Begin);
        var lines = Parse(JournalLineReader.ReadLines(_stream, Path), null).Where(l => l.Entry.RunId == runId);
        var chain = SealChain.Check(lines, key, head);
        if (!chain.Chained && head is null)
        {
            return new RunSeal(key, Chained: false, 0, null);
        }

        return chain.LastSeq >= (head?.Count ?? 0)
            ? new RunSeal(key, Chained: true, chain.LastSeq, chain.LastSeal)
            : new RunSeal(key, Chained: true, head!.Count, head.Seal);
    }

    private sealed record RunSeal(byte[]? Key, bool Chained, long Seq, string? LastSeal);

    private static IEnumerable<JournalLine> Parse(IEnumerable<string> lines, Action<long, string>? onBadLine)
    {
        long number = 0;
        foreach (string line in lines)
        {
            number++;
            string text = number == 1 ? line.TrimStart('\uFEFF') : line;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JournalEntry? entry = null;
            try
            {
                entry = JsonSerializer.Deserialize(text, JournalJsonContext.Default.JournalEntry);
            }
            catch (JsonException e)
            {
                onBadLine?.Invoke(number, e.Message);
            }

            if (entry is { RunId.Length: > 0 })
            {
                yield return new JournalLine(number, entry);
            }
            else if (entry is not null)
            {
                onBadLine?.Invoke(number, "the line names no run");
            }
        }
    }

    // A run that died while writing leaves a last line without its end: start on a new line so that line stays
    // the only one that cannot be read.
    private static void EndTornLine(FileStream stream)
    {
        if (stream.Length == 0)
        {
            return;
        }

        stream.Seek(-1, SeekOrigin.End);
        if (stream.ReadByte() != '\n')
        {
            stream.Seek(0, SeekOrigin.End);
            stream.WriteByte((byte)'\n');
            stream.Flush();
        }
    }
}
