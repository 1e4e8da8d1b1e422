// The one way the engine and its front-ends write a file: a temporary file beside it, then a rename.
namespace NbEngine.Files;

/// <summary>
/// Every file the tools write (notebooks, reports, kernelspecs, exported pages) goes through <see cref="Write"/>, so
/// a killed run leaves the old file or the new one, never a truncated one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>; a file that already holds them is left alone.</summary>
    public static void Write(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes))
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
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
