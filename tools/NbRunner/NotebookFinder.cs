// Expands the command line's paths into notebook files: files as given, folders searched recursively.
namespace NbRunner;

/// <summary>
/// Folders are walked following symlinks, but each real folder once, so a link back up the tree (a loop) or to the
/// folder itself ends the walk instead of running the same notebooks again and again; a notebook reached under two
/// names runs once, under the first name in order.
/// </summary>
internal static class NotebookFinder
{
    private const string Checkpoints = ".ipynb_checkpoints";

    private static readonly EnumerationOptions OneLevel = new() { IgnoreInaccessible = true, RecurseSubdirectories = false };

    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = new List<string>();
                Walk(path, new HashSet<string>(StringComparer.Ordinal), found);
                files.AddRange(found.Order(StringComparer.Ordinal));
            }
            else
            {
                throw new UsageException($"expected a notebook file or folder, got '{path}', which does not exist");
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = files.Where(f => seen.Add(RealPath.Of(f))).ToList();
        return unique.Count > 0 ? unique : throw new UsageException($"no .ipynb files in {string.Join(", ", paths)}");
    }

    private static void Walk(string folder, HashSet<string> visited, List<string> found)
    {
        if (!visited.Add(RealPath.Of(folder)))
        {
            return;
        }
        found.AddRange(Directory.EnumerateFiles(folder, "*.ipynb", OneLevel));
        foreach (var child in Directory.EnumerateDirectories(folder, "*", OneLevel).Where(d => Path.GetFileName(d) != Checkpoints))
        {
            Walk(child, visited, found);
        }
    }
}
