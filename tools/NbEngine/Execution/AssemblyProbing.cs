// Lets assemblies loaded for notebooks find their dependencies: next to a #r'd dll, or among restored packages.
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace NbEngine.Execution;

/// <summary>A process-wide map from assembly simple name to file, consulted when the runtime cannot find one.</summary>
internal static class AssemblyProbing
{
    private static readonly ConcurrentDictionary<string, string> PathsByName = new(StringComparer.OrdinalIgnoreCase);
    private static int _hooked;

    public static void Add(string assemblyPath)
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
        PathsByName.TryAdd(Path.GetFileNameWithoutExtension(assemblyPath), assemblyPath);
    }

    /// <summary>Makes every dll beside <paramref name="assemblyPath"/> findable, as a build output folder expects.</summary>
    public static void AddFolderOf(string assemblyPath)
    {
        foreach (var dll in Directory.EnumerateFiles(Path.GetDirectoryName(assemblyPath)!, "*.dll"))
        {
            Add(dll);
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name is { } simple && PathsByName.TryGetValue(simple, out var path) ? context.LoadFromAssemblyPath(path) : null;
}
