// Reads the runtime assemblies of a restored package set from its obj/project.assets.json.
using System.Text.Json;

namespace NbEngine.Packages;

internal static class RestoreAssets
{
    /// <summary>Full paths of every package's runtime assemblies, skipping ones the shared framework already provides.</summary>
    public static IReadOnlyList<string> RuntimeAssemblies(string assetsFile, string targetFramework)
    {
        using var assets = JsonDocument.Parse(File.ReadAllBytes(assetsFile));
        var root = assets.RootElement;
        var packageFolder = root.GetProperty("packageFolders").EnumerateObject().First().Name;
        var libraries = root.GetProperty("libraries");
        var framework = HostAssemblies.FrameworkNames;
        var result = new List<string>();
        foreach (var library in root.GetProperty("targets").GetProperty(targetFramework).EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() != "package" || !library.Value.TryGetProperty("runtime", out var runtime))
            {
                continue;
            }
            var libraryPath = libraries.GetProperty(library.Name).GetProperty("path").GetString()!;
            result.AddRange(runtime.EnumerateObject()
                .Where(a => a.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .Where(a => !framework.Contains(Path.GetFileNameWithoutExtension(a.Name)))
                .Select(a => Path.GetFullPath(Path.Combine(packageFolder, libraryPath, a.Name))));
        }
        return result;
    }
}
