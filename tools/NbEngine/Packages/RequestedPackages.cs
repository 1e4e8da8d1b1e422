// The packages a session's #r "nuget:" lines have asked for so far: each id once, a later request replacing an earlier one.
namespace NbEngine.Packages;

/// <summary>One rule for the package set a notebook asks for, shared by the session's restores and the app exporter.</summary>
public static class RequestedPackages
{
    /// <summary>
    /// Adds what <paramref name="requested"/> restores (after <see cref="PackageAliases.Substitute"/>), dropping any
    /// earlier version of the same id, as the kernel does when a later cell asks again.
    /// </summary>
    public static void Add(List<PackageReference> packages, PackageReference requested)
    {
        var package = PackageAliases.Substitute(requested);
        packages.RemoveAll(p => string.Equals(p.Id, package.Id, StringComparison.OrdinalIgnoreCase));
        packages.Add(package);
    }
}
