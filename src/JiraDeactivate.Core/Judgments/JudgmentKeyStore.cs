using System.Security.Cryptography;
using JiraDeactivate.Core.Journal;

namespace JiraDeactivate.Core.Judgments;

/// <summary>
/// The key that seals inactivity judgments, kept outside the pipeline in one file of a folder that only its owner
/// may read: whoever can edit a plan or a CSV of judged users cannot also make an edited row look genuine. The key
/// is made on first use.
/// </summary>
public sealed class JudgmentKeyStore(string folder)
{
    private const int KeyBytes = 32;
    private const string FileName = "judgment-seal.key";

    /// <summary>This user's key folder: beside the journals' keys, in the per-user application data folder.</summary>
    public static JudgmentKeyStore Default => new(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(JournalKeys.Default.Folder)!, "judgment"));

    public string Folder { get; } = folder;

    public string Path => System.IO.Path.Combine(Folder, FileName);

    /// <summary>The key; made and stored (owner-only) when there is none yet.</summary>
    /// <exception cref="JudgmentKeyException">The key cannot be stored or read, or others than its owner could read or replace it.</exception>
    public byte[] GetOrCreate()
    {
        try
        {
            if (!File.Exists(Path))
            {
                Store(RandomNumberGenerator.GetBytes(KeyBytes));
            }

            CheckOwnerOnly();
            byte[] key = File.ReadAllBytes(Path);
            return key.Length == KeyBytes
                ? key
                : throw new JudgmentKeyException($"The judgment key '{Path}' is not a key ({key.Length} bytes): delete it to make a new one (judgments sealed with it will no longer verify).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JudgmentKeyException($"The judgment key in '{Folder}' cannot be read or stored: {e.Message}", e);
        }
    }

    // Written whole under another name, then moved into place without overwriting: two first runs at once end with
    // one key, and no reader ever sees half of one.
    private void Store(byte[] key)
    {
        OwnerOnlyFiles.CreateFolder(Folder);
        string temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temporary, OwnerOnlyFiles.NewFileOptions(FileMode.CreateNew)))
        {
            stream.Write(key);
        }

        try
        {
            File.Move(temporary, Path, overwrite: false);
        }
        catch (IOException) when (File.Exists(Path))
        {
            File.Delete(temporary);
        }
    }

    // The same rule as the journal's keys: a link, another user's file, or one others can read is refused.
    private void CheckOwnerOnly()
    {
        if (OwnerOnlyFiles.UnsafeFileProblem(new FileInfo(Path), "judgment key") is { } problem)
        {
            throw new JudgmentKeyException($"{char.ToUpperInvariant(problem[0])}{problem[1..]}; or delete it to make a new one (judgments sealed with it will no longer verify).");
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folderMode = File.GetUnixFileMode(Folder);
        if ((folderMode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            throw new JudgmentKeyException($"The judgment key's folder '{Folder}' can be changed by others than its owner (mode {Convert.ToString((int)folderMode, 8)}): run 'chmod 700' on it.");
        }
    }
}
