// The shared framework's assemblies: referenced by every cell, and never loaded again from a package.
namespace NbEngine.Packages;

internal static class FrameworkAssemblies
{
    private static readonly Lazy<IReadOnlyList<string>> LazyPaths = new(() =>
    {
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    });

    /// <summary>Paths of the Microsoft.NETCore.App assemblies this process runs on.</summary>
    public static IReadOnlyList<string> Paths => LazyPaths.Value;

    public static IReadOnlySet<string> Names { get; } =
        new HashSet<string>(Paths.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
}
