using System.Globalization;
using System.Text;

namespace JiraDeactivate.Core.Journal;

/// <summary>
/// The per-run keys that seal journal lines, kept outside the journal (in a key folder or a SecretManagement vault), so
/// that whoever can edit a journal cannot also make an edited line look genuine. Beside them, in a folder, each run's
/// head (how many lines it sealed and the last seal), so that lines deleted from the journal's end are noticed too: it
/// changes with every line, so it never goes to a vault. The folder is the per-user data folder unless the admin gives
/// one (-KeyPath), e.g. beside a runbook's durable journal.
/// </summary>
public sealed class JournalKeys(IJournalKeySource source, string headFolder)
{
    /// <summary>The keys and heads of one folder.</summary>
    public JournalKeys(string folder)
        : this(new KeyFolder(folder), folder)
    {
    }

    /// <summary>The folder of this user's keys: beside the default journals, in the per-user application data folder.</summary>
    public static JournalKeys Default => new(DefaultFolder);

    /// <summary>The per-user key folder (used when no -KeyPath is given).</summary>
    public static string DefaultFolder => System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "JiraDeactivate", "keys");

    /// <summary>The keys of <paramref name="folder"/>, or the per-user folder's when it is null or empty.</summary>
    public static JournalKeys In(string? folder) => string.IsNullOrWhiteSpace(folder) ? Default : new JournalKeys(System.IO.Path.GetFullPath(folder));

    /// <summary>Where the keys themselves are.</summary>
    public IJournalKeySource Source { get; } = source;

    /// <summary>The folder of the runs' heads (with a key folder, that folder).</summary>
    public string Folder { get; } = headFolder;

    /// <summary>The key file's name for a run ("&lt;runId&gt;.key"), for messages.</summary>
    public static string FileNameOf(string runId) => $"{runId}.key";

    /// <summary>Makes and stores a new key for a run.</summary>
    /// <exception cref="JournalException">The key cannot be stored.</exception>
    public byte[] Create(string runId)
    {
        if (!IsSafeRunId(runId))
        {
            throw new JournalException($"'{runId}' is not a run ID.");
        }

        return Source.Create(runId);
    }

    /// <summary>A run's key, or null when the key source does not hold it (another machine's run, or a forged one).</summary>
    /// <exception cref="JournalException">The key is there but cannot be trusted (not this user's, readable by others, a link, not a key).</exception>
    public byte[]? Find(string runId)
    {
        var lookup = Inspect(runId);
        return lookup.Problem is { } problem ? throw new JournalException(problem) : lookup.Key;
    }

    /// <summary>A run's key when the key source holds one that can be trusted; else why not (Problem), or neither when there is none.</summary>
    public KeyLookup Inspect(string runId) => IsSafeRunId(runId) ? Source.Inspect(runId) : new KeyLookup(null, null);

    /// <summary>The run's head (its last sealed line's number and seal), or null when none is recorded.</summary>
    /// <exception cref="JournalException">The head file is there but cannot be trusted or read.</exception>
    public JournalHead? FindHead(string runId)
    {
        string path = HeadPathOf(runId);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (OwnerOnlyFiles.UnsafeFileProblem(info, "record of the run's last line") is { } problem)
            {
                throw new JournalException(problem);
            }

            string[] parts = File.ReadAllText(path, Encoding.ASCII).Trim().Split(' ');
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long count) && count > 0
                ? new JournalHead(count, parts[1])
                : throw new JournalException($"the record of run '{runId}''s last line ('{path}') is not one this module wrote");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalException($"the record of run '{runId}''s last line ('{path}') cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Records the run's head after a sealed line was written: replaced whole, so a crash leaves the old or the new one.</summary>
    /// <exception cref="JournalException">It cannot be written.</exception>
    public void WriteHead(string runId, JournalHead head)
    {
        string path = HeadPathOf(runId);
        string temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            OwnerOnlyFiles.CreateFolder(Folder);
            using (var stream = new FileStream(temporary, OwnerOnlyFiles.NewFileOptions(FileMode.Create)))
            {
                stream.Write(Encoding.ASCII.GetBytes(FormattableString.Invariant($"{head.Count} {head.Seal}\n")));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalException($"The record of run '{runId}''s last line cannot be written in '{Folder}': {e.Message}", e);
        }
    }

    private string HeadPathOf(string runId) => IsSafeRunId(runId)
        ? System.IO.Path.Combine(Folder, $"{runId}.head")
        : throw new JournalException($"'{runId}' is not a run ID.");

    // Run IDs come from journal lines, which are untrusted: never let one name a path outside the folder.
    internal static bool IsSafeRunId(string runId) => runId.Length is > 0 and <= 64 && runId.All(char.IsAsciiLetterOrDigit);
}

/// <summary>A run's key when it can be trusted, or why it cannot (a key file that is not private, not this user's...).</summary>
public sealed record KeyLookup(byte[]? Key, string? Problem);

/// <summary>How many lines a run has sealed (its last line's number) and that line's seal.</summary>
public sealed record JournalHead(long Count, string Seal);
