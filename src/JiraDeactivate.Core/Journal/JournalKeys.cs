using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JiraDeactivate.Core.Journal;

/// <summary>
/// The per-run keys that seal journal lines, kept outside the journal (one file per run, readable by its owner
/// only), so that whoever can edit a journal cannot also make an edited line look genuine. Beside each key, the run's
/// head (how many lines it sealed and the last seal), so that lines deleted from the journal's end are noticed too.
/// The folder is the per-user data folder unless the admin gives one (-KeyPath), e.g. beside a runbook's durable journal.
/// </summary>
public sealed class JournalKeys(string folder)
{
    private const int KeyBytes = 32;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OthersBits = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The folder of this user's keys: beside the default journals, in the per-user application data folder.</summary>
    public static JournalKeys Default => new(DefaultFolder);

    /// <summary>The per-user key folder (used when no -KeyPath is given).</summary>
    public static string DefaultFolder => System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "JiraDeactivate", "keys");

    /// <summary>The keys of <paramref name="folder"/>, or the per-user folder's when it is null or empty.</summary>
    public static JournalKeys In(string? folder) => string.IsNullOrWhiteSpace(folder) ? Default : new JournalKeys(System.IO.Path.GetFullPath(folder));

    public string Folder { get; } = folder;

    /// <summary>The key file's name for a run ("&lt;runId&gt;.key"), for messages.</summary>
    public static string FileNameOf(string runId) => $"{runId}.key";

    /// <summary>Makes and stores a new key for a run.</summary>
    /// <exception cref="JournalException">The key cannot be stored.</exception>
    public byte[] Create(string runId)
    {
        byte[] key = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            CreateFolder();
            using var stream = new FileStream(PathOf(runId), NewFileOptions(FileMode.CreateNew));
            stream.Write(key);
            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalException($"The journal's seal key cannot be stored in '{Folder}': {e.Message} Nothing was changed.", e);
        }
    }

    /// <summary>A run's key, or null when this folder does not hold it (another machine's run, or a forged one).</summary>
    /// <exception cref="JournalException">The key file is there but cannot be trusted (not this user's, readable by others, a link, not a key).</exception>
    public byte[]? Find(string runId)
    {
        var lookup = Inspect(runId);
        return lookup.Problem is { } problem ? throw new JournalException(problem) : lookup.Key;
    }

    /// <summary>
    /// A run's key when this folder holds one that can be trusted; else why not (Problem), or neither when there is none.
    /// A key file another user owns, or one that others can read, is refused: its seals prove nothing.
    /// </summary>
    public KeyLookup Inspect(string runId)
    {
        if (!IsSafeRunId(runId))
        {
            return new KeyLookup(null, null);
        }

        string path = PathOf(runId);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new KeyLookup(null, null);
            }

            if (UnsafeFileProblem(info, "seal key") is { } problem)
            {
                return new KeyLookup(null, problem);
            }

            byte[] key = File.ReadAllBytes(path);
            return key.Length == KeyBytes
                ? new KeyLookup(key, null)
                : new KeyLookup(null, $"the seal key '{path}' is not a key of this module ({key.Length} bytes, not {KeyBytes})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new KeyLookup(null, $"the seal key '{path}' cannot be read: {e.Message}");
        }
    }

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

            if (UnsafeFileProblem(info, "record of the run's last line") is { } problem)
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
            using (var stream = new FileStream(temporary, NewFileOptions(FileMode.Create)))
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

    private void CreateFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static FileStreamOptions NewFileOptions(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }

    // On Windows the profile folder's ACL guards the keys; on Unix the file itself must be this user's and private.
    private static string? UnsafeFileProblem(FileInfo info, string what)
    {
        if (info.LinkTarget is not null)
        {
            return $"the {what} '{info.FullName}' is a symbolic link: a key file must be the file itself";
        }

        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        if (UnixFileFacts.OwnerOf(info.FullName) is { } owner && UnixFileFacts.CurrentUser is { } me && owner != me)
        {
            return $"the {what} '{info.FullName}' belongs to user {owner}, not to this user ({me}): another user could have written it";
        }

        var mode = info.UnixFileMode;
        return (mode & OthersBits) != 0
            ? $"the {what} '{info.FullName}' can be read or written by others (mode {Convert.ToString((int)mode, 8)}): make it readable by its owner only (chmod 600)"
            : null;
    }

    private string PathOf(string runId) => IsSafeRunId(runId)
        ? System.IO.Path.Combine(Folder, FileNameOf(runId))
        : throw new JournalException($"'{runId}' is not a run ID.");

    private string HeadPathOf(string runId) => System.IO.Path.ChangeExtension(PathOf(runId), ".head");

    // Run IDs come from journal lines, which are untrusted: never let one name a path outside the folder.
    internal static bool IsSafeRunId(string runId) => runId.Length is > 0 and <= 64 && runId.All(char.IsAsciiLetterOrDigit);
}

/// <summary>A run's key when it can be trusted, or why it cannot (a key file that is not private, not this user's...).</summary>
public sealed record KeyLookup(byte[]? Key, string? Problem);

/// <summary>How many lines a run has sealed (its last line's number) and that line's seal.</summary>
public sealed record JournalHead(long Count, string Seal);
