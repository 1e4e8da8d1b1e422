// The one way the engine and its front-ends write a file: a temporary file beside it, then a rename.
namespace NbEngine.Files;

/// <summary>
/// Every file the tools write (notebooks, reports, kernelspecs, exported pages) goes through <see cref="Write"/>, so
/// a killed run leaves the old file or the new one, never a truncated one; and, as an editor does, it never writes
/// over a file that changed since the caller read it.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/>; a file that already holds them is left alone. With
    /// <paramref name="readBefore"/> (what the caller read and based its bytes on), a file that no longer holds exactly
    /// that, checked again just before the rename, is not replaced: <see cref="FileChangedException"/>.
    /// </summary>
    public static void Write(string path, byte[] bytes, byte[]? readBefore = null)
    {
        var full = Path.GetFullPath(path);
        var existing = File.Exists(full) ? File.ReadAllBytes(full) : null;
        EnsureUnchanged(path, existing, readBefore);
        if (existing is not null && existing.AsSpan().SequenceEqual(bytes))
        {
            return;
        }
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            EnsureUnchanged(path, File.Exists(full) ? File.ReadAllBytes(full) : null, readBefore);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void EnsureUnchanged(string path, byte[]? current, byte[]? readBefore)
    {
        if (readBefore is not null && (current is null || !current.AsSpan().SequenceEqual(readBefore)))
        {
            throw new FileChangedException(path);
        }
    }
}
