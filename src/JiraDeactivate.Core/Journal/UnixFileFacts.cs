using System.Text;
using Microsoft.Win32.SafeHandles;
using Tmds.Linux;

namespace JiraDeactivate.Core.Journal;

/// <summary>
/// What the BCL does not tell about a file on Linux: its owner, and which file (device and inode) a path or an open
/// handle is. Elsewhere these facts are unknown (null), and callers decide what an unknown fact means.
/// </summary>
internal static class UnixFileFacts
{
    /// <summary>The user ID that owns <paramref name="path"/> itself (a symbolic link is not followed); null off Linux or when it cannot be read.</summary>
    public static unsafe uint? OwnerOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        stat facts;
        fixed (byte* name = NullTerminated(path))
        {
            return LibC.lstat(name, &facts) == 0 ? facts.st_uid : null;
        }
    }

    /// <summary>The effective user ID of this process; null off Linux.</summary>
    public static uint? CurrentUser => OperatingSystem.IsLinux() ? LibC.geteuid() : null;

    /// <summary>Device and inode of the file <paramref name="path"/> names now (links followed); null off Linux or when it is gone.</summary>
    public static unsafe (ulong Device, ulong Inode)? IdentityOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        stat facts;
        fixed (byte* name = NullTerminated(path))
        {
            return LibC.stat(name, &facts) == 0 ? (facts.st_dev, facts.st_ino) : null;
        }
    }

    /// <summary>Device and inode of an open file; null off Linux.</summary>
    public static unsafe (ulong Device, ulong Inode)? IdentityOf(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        stat facts;
        return LibC.fstat((int)handle.DangerousGetHandle(), &facts) == 0 ? (facts.st_dev, facts.st_ino) : null;
    }

    /// <summary>Whether <paramref name="path"/> (links followed) is a regular file; null off Linux or when it cannot be read.</summary>
    public static unsafe bool? IsRegularFile(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        const uint typeMask = 0xF000;
        const uint regular = 0x8000;
        stat facts;
        fixed (byte* name = NullTerminated(path))
        {
            return LibC.stat(name, &facts) == 0 ? ((uint)facts.st_mode & typeMask) == regular : null;
        }
    }

    private static byte[] NullTerminated(string path) => Encoding.UTF8.GetBytes(path + "\0");
}
