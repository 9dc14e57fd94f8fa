namespace JiraDeactivate.Core.Journal;

/// <summary>
/// Files only their owner may read: how the key folder's keys and the runs' heads are written, and what makes one of
/// them untrustworthy when it is read back (a link, another user's, readable by others).
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OthersBits = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public static FileStreamOptions NewFileOptions(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }

    // On Windows the profile folder's ACL guards the keys; on Unix the file itself must be this user's and private.
    public static string? UnsafeFileProblem(FileInfo info, string what)
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
}
