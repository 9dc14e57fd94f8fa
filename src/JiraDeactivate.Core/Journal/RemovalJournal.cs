using System.Text;
using System.Text.Json;

namespace JiraDeactivate.Core.Journal;

/// <summary>
/// An append-only JSON Lines record of every planned and completed change. Each line is written and flushed
/// before the next call, so a crash or Ctrl+C leaves a true record (the OS holds it even if the process dies).
/// </summary>
public sealed class RemovalJournal : IDisposable
{
    private readonly FileStream _stream;
    private readonly object _lock = new();

    private RemovalJournal(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    /// <summary>The default journal of a run: a per-user application data folder.</summary>
    public static string DefaultPath(string runId) => System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "JiraDeactivate", "journal", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{runId}.jsonl");

    /// <summary>A new run ID: short, unique enough to tell runs apart in one journal.</summary>
    public static string NewRunId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Opens (or creates) a journal for appending; fails here, before any change, when it cannot be written.</summary>
    /// <exception cref="JournalException">The file cannot be created or written.</exception>
    public static RemovalJournal Open(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.None);
            return new RemovalJournal(full, stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new JournalException($"The journal '{full}' cannot be written: {e.Message} Nothing was changed; choose another -JournalPath.", e);
        }
    }

    public void Append(JournalEntry entry)
    {
        byte[] line = JsonSerializer.SerializeToUtf8Bytes(entry, JournalJsonContext.Default.JournalEntry);
        lock (_lock)
        {
            try
            {
                _stream.Write(line);
                _stream.WriteByte((byte)'\n');
                _stream.Flush();
            }
            catch (IOException e)
            {
                throw new JournalException($"Writing the journal '{Path}' failed: {e.Message}", e);
            }
        }
    }

    /// <summary>Reads a journal; a line that cannot be read (a torn last line after a crash) is reported and skipped.</summary>
    public static IEnumerable<JournalEntry> Read(string path, Action<long, string>? onBadLine = null)
    {
        long number = 0;
        foreach (string line in File.ReadLines(path, Encoding.UTF8))
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

            if (entry is not null)
            {
                yield return entry;
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
