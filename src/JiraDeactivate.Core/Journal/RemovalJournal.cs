using System.Text;
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
    private readonly FileStream _writerLock;
    private readonly FileStream _stream;
    private readonly JournalKeys _keys;
    private readonly Dictionary<string, byte[]?> _runKeys = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    private RemovalJournal(string path, FileStream writerLock, FileStream stream, JournalKeys keys)
    {
        Path = path;
        _writerLock = writerLock;
        _stream = stream;
        _keys = keys;
    }

    public string Path { get; }

    /// <summary>The default journal of a run: a per-user application data folder; its name carries the run ID.</summary>
    public static string DefaultPath(string runId) => System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "JiraDeactivate", "journal", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{runId}.jsonl");

    /// <summary>A new run ID: short, unique enough to tell runs apart in one journal.</summary>
    public static string NewRunId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Opens (or creates) a journal and locks it for this run; fails here, before any change, when it cannot be
    /// written or another run holds it.
    /// </summary>
    /// <exception cref="JournalException">The file cannot be created or written, or another run is using it.</exception>
    public static RemovalJournal Open(string path, JournalKeys? keys = null)
    {
        string full = System.IO.Path.GetFullPath(path);
        FileStream? writerLock = null;
        FileStream? stream = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            // FileShare.None is an exclusive lock of the open file (flock on Unix), so it also holds between two
            // runspaces of one process. The lock file stays behind: the lock, not the file's existence, is what counts.
            writerLock = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
            EndTornLine(stream);
            return new RemovalJournal(full, writerLock, stream, keys ?? JournalKeys.Default);
        }
        catch (IOException e) when (writerLock is null && File.Exists(full + ".lock"))
        {
            throw new JournalException($"The journal '{full}' is in use by another run (it holds '{full}.lock'). Nothing was changed; wait for that run to end, or choose another -JournalPath.", e) { InUse = true };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stream?.Dispose();
            writerLock?.Dispose();
            throw new JournalException($"The journal '{full}' cannot be written: {e.Message} Nothing was changed; choose another -JournalPath.", e);
        }
    }

    /// <summary>Starts a run: makes its seal key and writes its RunStarted line.</summary>
    public void StartRun(string runId, string operation, string? site, string message)
    {
        byte[] key = _keys.Create(runId);
        lock (_lock)
        {
            _runKeys[runId] = key;
        }

        Append(new JournalEntry { RunId = runId, Event = JournalEvent.RunStarted, Operation = operation, Site = site, Message = message });
    }

    /// <summary>Appends one line, sealed with its run's key when this machine holds it, and flushes it.</summary>
    public void Append(JournalEntry entry)
    {
        lock (_lock)
        {
            if (!_runKeys.TryGetValue(entry.RunId, out byte[]? key))
            {
                key = _runKeys[entry.RunId] = _keys.Find(entry.RunId);
            }

            var sealedEntry = key is null ? entry with { Seal = null } : JournalSeal.Apply(entry, key);
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(sealedEntry, JournalJsonContext.Default.JournalEntry);
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
        }
    }

    /// <summary>Reads back what this (locked) journal holds, from its first line.</summary>
    public IReadOnlyList<JournalLine> ReadAll(Action<long, string>? onBadLine = null)
    {
        lock (_lock)
        {
            _stream.Seek(0, SeekOrigin.Begin);
            using var reader = new StreamReader(_stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
            return Parse(ReadLines(reader), onBadLine).ToList();
        }
    }

    /// <summary>Reads a journal without locking it; a line that cannot be read (a torn last line after a crash) is reported and skipped.</summary>
    public static IEnumerable<JournalLine> Read(string path, Action<long, string>? onBadLine = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        foreach (var line in Parse(ReadLines(reader), onBadLine))
        {
            yield return line;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _writerLock.Dispose();
    }

    private static IEnumerable<string> ReadLines(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static IEnumerable<JournalLine> Parse(IEnumerable<string> lines, Action<long, string>? onBadLine)
    {
        long number = 0;
        foreach (string line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JournalEntry? entry = null;
            try
            {
                entry = JsonSerializer.Deserialize(line, JournalJsonContext.Default.JournalEntry);
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
