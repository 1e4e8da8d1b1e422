// Where the repository is, for every test project: fixed at build time by Directory.Build.props, so no test searches folders.
using System.Reflection;

namespace TestSupport;

internal static class RepositoryRoot
{
    public static string Path { get; } = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>A path inside the repository, given relative to its root.</summary>
    public static string File(params string[] relative) => System.IO.Path.Combine([Path, .. relative]);
}
