// A path with every symlink in it resolved: the one name of a file or folder, however it was reached.
namespace NbRunner;

internal static class RealPath
{
    /// <summary>Links deeper than this are a loop (Linux gives up after 40 as well); the rest of such a path stays unresolved.</summary>
    private const int MaxLinks = 40;

    /// <summary>Like realpath(3): absolute, each component that is a symlink replaced by what it points to.</summary>
    public static string Of(string path) => Of(path, 0);

    private static string Of(string path, int links)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (links >= MaxLinks)
                {
                    return full;
                }
                next = Of(Path.Combine(current, target), links + 1);
            }
            current = next;
        }
        return current;
    }
}
