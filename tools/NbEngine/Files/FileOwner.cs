// A file's owner and group, read and set through libc on Linux: .NET has no API for either.
using System.Runtime.InteropServices;

namespace NbEngine.Files;

/// <summary>
/// Lets <see cref="AtomicFile"/> give the replacement file the owner and group of the file it replaces, as an
/// in-place edit would keep them. Linux only (statx's layout is the same on every architecture); elsewhere
/// <see cref="Of"/> answers null and the new file keeps the writer's owner.
/// </summary>
internal static partial class FileOwner
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxUidAndGid = 0x8 | 0x10;

    /// <summary>(uid, gid) of <paramref name="path"/>, following symlinks; null where this cannot be read.</summary>
    public static (uint Uid, uint Gid)? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var buffer = new byte[256];   // struct statx: stx_uid at byte 20, stx_gid at byte 24
        return Statx(AtCurrentDirectory, path, 0, StatxUidAndGid, buffer) == 0
            ? (BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt32(buffer, 24))
            : null;
    }

    /// <summary>Gives <paramref name="path"/> that owner and group; false when the system refuses (only root may give files away).</summary>
    public static bool TrySet(string path, (uint Uid, uint Gid) owner) => Chown(path, owner.Uid, owner.Gid) == 0;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
}
