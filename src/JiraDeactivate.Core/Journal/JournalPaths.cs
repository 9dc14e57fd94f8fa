namespace JiraDeactivate.Core.Journal;

/// <summary>
/// A journal's one true path: folders that are symbolic links resolved, so every way of naming a journal leads to the
/// same file and the same lock. A journal path that is itself a link, or names something other than a regular file
/// (/dev/zero, a FIFO, a folder), is refused: appending through it would write wherever it points.
/// </summary>
public static class JournalPaths
{
    /// <exception cref="JournalException">The path is a symbolic link or not a regular file.</exception>
    public static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        string folder = RealFolder(Path.GetDirectoryName(full)!);
        string resolved = Path.Combine(folder, Path.GetFileName(full));
        var info = new FileInfo(resolved);
        if (info.LinkTarget is { } target)
        {
            throw new JournalException($"The journal '{full}' is a symbolic link (to '{target}'): a run would append to whatever it points to. Nothing was changed; give the journal's real path.");
        }

        if (Directory.Exists(resolved) || (info.Exists && UnixFileFacts.IsRegularFile(resolved) == false))
        {
            throw new JournalException($"The journal '{full}' is not a regular file. Nothing was changed; give the path of a journal file (or of a new one).");
        }

        return resolved;
    }

    // Walks the folder from its root, replacing each component that is a link by its final target.
    private static string RealFolder(string folder)
    {
        string root = Path.GetPathRoot(folder)!;
        string current = root;
        foreach (string part in folder[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            var info = new DirectoryInfo(next);
            current = info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? RealFolder(Path.GetFullPath(target.FullName))
                : next;
        }

        return current;
    }
}
