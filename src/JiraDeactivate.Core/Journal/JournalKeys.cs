using System.Security.Cryptography;

namespace JiraDeactivate.Core.Journal;

/// <summary>
/// The per-run keys that seal journal lines, kept outside the journal (one file per run, readable by its owner
/// only), so that whoever can edit a journal cannot also make an edited line look genuine.
/// </summary>
public sealed class JournalKeys(string folder)
{
    private const int KeyBytes = 32;

    /// <summary>The folder of this user's keys: beside the default journals, in the per-user application data folder.</summary>
    public static JournalKeys Default => new(System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "JiraDeactivate", "keys"));

    public string Folder { get; } = folder;

    /// <summary>Makes and stores a new key for a run.</summary>
    /// <exception cref="JournalException">The key cannot be stored.</exception>
    public byte[] Create(string runId)
    {
        byte[] key = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            Directory.CreateDirectory(Folder);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(PathOf(runId), options);
            stream.Write(key);
            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalException($"The journal's seal key cannot be stored in '{Folder}': {e.Message} Nothing was changed.", e);
        }
    }

    /// <summary>A run's key, or null when this machine does not hold it (another machine's run, or a forged one).</summary>
    public byte[]? Find(string runId)
    {
        if (!IsSafeRunId(runId))
        {
            return null;
        }

        try
        {
            byte[] key = File.ReadAllBytes(PathOf(runId));
            return key.Length == KeyBytes ? key : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string PathOf(string runId) => IsSafeRunId(runId)
        ? System.IO.Path.Combine(Folder, $"{runId}.key")
        : throw new JournalException($"'{runId}' is not a run ID.");

    // Run IDs come from journal lines, which are untrusted: never let one name a path outside the folder.
    private static bool IsSafeRunId(string runId) => runId.Length is > 0 and <= 64 && runId.All(char.IsAsciiLetterOrDigit);
}
