namespace JiraDeactivate.Core.Journal;

/// <summary>
/// Seal keys as files of one folder ("&lt;runId&gt;.key", readable by its owner only): the per-user data folder, or the
/// folder the admin gives (-KeyPath), e.g. beside a runbook's durable journal.
/// </summary>
public sealed class KeyFolder(string folder) : IJournalKeySource
{
    public const int KeyBytes = 32;

    public string Folder { get; } = folder;

    public string Where => $"'{Folder}'";

    public string Remedy => "Give -KeyPath with the folder that holds them (the keys stay where the run kept them: its machine's per-user data folder, the -KeyPath it was given, or the -KeyVault it stored them in)";

    public string NameOf(string runId) => JournalKeys.FileNameOf(runId);

    public string RecommendedAction(string runId) => $"-KeyPath <folder holding {NameOf(runId)}>, or -KeyVault <vault the run stored its key in>";

    public byte[] Create(string runId)
    {
        byte[] key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            OwnerOnlyFiles.CreateFolder(Folder);
            using var stream = new FileStream(PathOf(runId), OwnerOnlyFiles.NewFileOptions(FileMode.CreateNew));
            stream.Write(key);
            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JournalException($"The journal's seal key cannot be stored in '{Folder}': {e.Message} Nothing was changed.", e);
        }
    }

    /// <summary>A key file another user owns, or one that others can read, is refused: its seals prove nothing.</summary>
    public KeyLookup Inspect(string runId)
    {
        if (!JournalKeys.IsSafeRunId(runId))
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

            if (OwnerOnlyFiles.UnsafeFileProblem(info, "seal key") is { } problem)
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

    private string PathOf(string runId) => System.IO.Path.Combine(Folder, JournalKeys.FileNameOf(runId));
}
