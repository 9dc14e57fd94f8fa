namespace JiraDeactivate.Core.Journal;

/// <summary>
/// The one-writer lock of a journal: an exclusive lock (flock on Unix) on "&lt;journal&gt;.lock", which the holder deletes
/// as it lets go. A lock file left by a run that died (its process gone, so nobody holds the lock) is deleted by the
/// next run in that folder. Deleting only ever happens while holding the lock, and a lock taken on a file that is no
/// longer the one at the path (its holder deleted it meanwhile) is let go and taken again, so two runs never both hold it.
/// </summary>
internal static class JournalLocks
{
    private const string Suffix = ".lock";
    private const int Attempts = 4;

    /// <summary>The held lock of the journal <paramref name="journalPath"/> (resolved); dispose it to let go.</summary>
    /// <exception cref="JournalException">Another run holds it.</exception>
    public static HeldLock Take(string journalPath)
    {
        string path = journalPath + Suffix;
        for (int attempt = 1; ; attempt++)
        {
            if (TryTake(path) is { } held)
            {
                return held;
            }

            if (attempt == Attempts)
            {
                throw new JournalException($"The journal '{journalPath}' is in use by another run (it holds '{path}'). Nothing was changed; wait for that run to end, or choose another -JournalPath.") { InUse = true };
            }

            // Another run may only be cleaning up a stale lock for a moment.
            Thread.Sleep(50 * attempt);
        }
    }

    /// <summary>Deletes the lock files of journals in <paramref name="folder"/> that no run holds (their runs died).</summary>
    public static void RemoveStale(string folder)
    {
        IEnumerable<string> locks;
        try
        {
            locks = Directory.EnumerateFiles(folder, "*.jsonl" + Suffix).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (string path in locks)
        {
            try
            {
                TryTake(path, create: false)?.Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not ours to clean (another user's, or going away): leave it.
            }
        }
    }

    private static HeldLock? TryTake(string path, bool create = true)
    {
        FileStream stream;
        try
        {
            // FileShare.None is an exclusive lock of the open file (flock on Unix), so it also holds between two
            // runspaces of one process. On Windows the system deletes the file with the last handle.
            stream = new FileStream(path, create ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1,
                OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
        }
        catch (FileNotFoundException) when (!create)
        {
            return null;
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }

        var locked = UnixFileFacts.IdentityOf(stream.SafeFileHandle);
        if (locked is not null && locked != UnixFileFacts.IdentityOf(path))
        {
            // Its holder deleted it between our open and our lock: this file is not the lock any more.
            stream.Dispose();
            return create ? TryTake(path) : null;
        }

        return new HeldLock(path, stream);
    }

    /// <summary>A lock this run holds; disposing it deletes the lock file, then lets go.</summary>
    internal sealed class HeldLock(string path, FileStream stream) : IDisposable
    {
        public void Dispose()
        {
            if (!OperatingSystem.IsWindows())
            {
                try
                {
                    File.Delete(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A lock file that stays behind is cleaned up by a later run.
                }
            }

            stream.Dispose();
        }
    }
}
