// The one way the engine and its front-ends write a file: a temporary file beside it, then a rename.
using System.Diagnostics;
using System.Globalization;

namespace NbEngine.Files;

/// <summary>
/// Every file the tools write (notebooks, reports, kernelspecs, exported pages) goes through <see cref="Write"/>, so
/// a killed run leaves the old file or the new one, never a truncated one. Like an editor's save it writes through a
/// symlink to its target (the link stays a link), keeps the file's mode, owner and group, refuses a file without
/// write permission, and never writes over a file that changed since the caller read it. A temporary file left by a
/// killed writer is deleted by the next write of the same file.
/// </summary>
public static class AtomicFile
{
    private const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/>; a file that already holds them is left alone. With
    /// <paramref name="readBefore"/> (what the caller read and based its bytes on), a file that no longer holds exactly
    /// that, checked again just before the rename, is not replaced: <see cref="FileChangedException"/>. A file nobody
    /// may write (mode without a write bit, or not writable by this user) is refused with
    /// <see cref="UnauthorizedAccessException"/>, even for root.
    /// </summary>
    public static void Write(string path, byte[] bytes, byte[]? readBefore = null)
    {
        var target = Target(path);
        var existing = File.Exists(target) ? File.ReadAllBytes(target) : null;
        EnsureUnchanged(path, existing, readBefore);
        if (existing is not null && existing.AsSpan().SequenceEqual(bytes))
        {
            return;
        }
        if (existing is not null)
        {
            EnsureWritable(path, target);
        }
        RemoveStaleTemps(target);
        var temp = TempName(target, Environment.ProcessId);
        try
        {
            using (var stream = CreateTemp(path, temp))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (existing is not null)
            {
                KeepModeAndOwner(target, temp);
            }
            EnsureUnchanged(path, File.Exists(target) ? File.ReadAllBytes(target) : null, readBefore);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary><c>.NAME.PID.tmp</c> beside the target: the writer's process id tells a live write from a killed one's leftover.</summary>
    private static string TempName(string target, int processId) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{processId}.tmp");

    /// <summary>Deletes the temporary files of writes to <paramref name="target"/> whose process is gone (killed mid-write).</summary>
    private static void RemoveStaleTemps(string target)
    {
        var prefix = $".{Path.GetFileName(target)}.";
        foreach (var temp in Directory.EnumerateFiles(Path.GetDirectoryName(target)!, prefix + "*.tmp"))
        {
            var id = Path.GetFileName(temp)[prefix.Length..^".tmp".Length];
            if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && temp == TempName(target, pid) && !IsRunning(pid))
            {
                File.Delete(temp);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The file a write of <paramref name="path"/> lands in: the final target of a symlink (chain), else the path itself.</summary>
    private static string Target(string path)
    {
        var full = Path.GetFullPath(path);
        return new FileInfo(full).LinkTarget is null ? full : Path.GetFullPath(File.ResolveLinkTarget(full, returnFinalTarget: true)!.FullName);
    }

    private static void EnsureWritable(string path, string target)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(target) & AnyWrite) == 0)
        {
            throw new UnauthorizedAccessException(
                $"Permission denied: {path} is read-only (mode {Octal(File.GetUnixFileMode(target))}); make it writable (chmod u+w) to write it");
        }
        try
        {
            using var probe = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException)
        {
            throw new UnauthorizedAccessException($"Permission denied: {path} is not writable by this user");
        }
    }

    private static void KeepModeAndOwner(string target, string temp)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
        if (FileOwner.Of(target) is { } owner && FileOwner.Of(temp) != owner)
        {
            FileOwner.TrySet(temp, owner);
        }
    }

    private static FileStream CreateTemp(string path, string temp)
    {
        try
        {
            return new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None);
        }
        catch (UnauthorizedAccessException)
        {
            throw new UnauthorizedAccessException(
                $"Permission denied: cannot create a file in {Path.GetDirectoryName(temp)}, which writing {path} atomically needs");
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);

    private static void EnsureUnchanged(string path, byte[]? current, byte[]? readBefore)
    {
        if (readBefore is not null && (current is null || !current.AsSpan().SequenceEqual(readBefore)))
        {
            throw new FileChangedException(path);
        }
    }
}
