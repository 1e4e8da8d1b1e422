// Expands the command line's paths into notebook files: files as given, folders searched recursively.
namespace NbRunner;

internal static class NotebookFinder
{
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
                files.AddRange(Directory.EnumerateFiles(path, "*.ipynb", SearchOption.AllDirectories)
                    .Where(f => !f.Split(Path.DirectorySeparatorChar).Contains(".ipynb_checkpoints"))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new UsageException($"expected a notebook file or folder, got '{path}', which does not exist");
            }
        }
        return files.Count > 0 ? files : throw new UsageException($"no .ipynb files in {string.Join(", ", paths)}");
    }
}
