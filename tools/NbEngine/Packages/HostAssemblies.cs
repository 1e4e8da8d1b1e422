// The assemblies this process started with (its trusted platform assemblies), and the shared framework among them.
namespace NbEngine.Packages;

internal static class HostAssemblies
{
    private static readonly IReadOnlyList<string> Trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static readonly Dictionary<string, string> ByName = Trusted
        .GroupBy(Path.GetFileNameWithoutExtension, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key!, g => g.First(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Paths of the Microsoft.NETCore.App assemblies this process runs on: what every cell references.</summary>
    public static IReadOnlyList<string> FrameworkPaths { get; } = Trusted
        .Where(p => string.Equals(Path.GetDirectoryName(p), Path.GetDirectoryName(typeof(object).Assembly.Location), StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Simple names of the framework assemblies, which a package never replaces.</summary>
    public static IReadOnlySet<string> FrameworkNames { get; } =
        new HashSet<string>(FrameworkPaths.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The host's own copy of an assembly with the same simple name (e.g. the Formatting package), or null.
    /// Notebooks compile against that copy, which the runtime then binds to, so they share its state.
    /// </summary>
    public static string? CopyOf(string assemblyPath) => ByName.GetValueOrDefault(Path.GetFileNameWithoutExtension(assemblyPath));
}
