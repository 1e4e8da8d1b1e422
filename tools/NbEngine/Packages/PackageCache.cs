// Where restored package sets live: one folder per distinct set, under a user cache folder outside the repository.
using System.Security.Cryptography;
using System.Text;

namespace NbEngine.Packages;

/// <summary>
/// The cache root is <c>$NBRUNNER_CACHE</c>, else <c>$XDG_CACHE_HOME/nbrunner</c>, else <c>~/.cache/nbrunner</c>.
/// Each package set (ids, versions, sources, target framework) gets a folder named by its hash.
/// </summary>
public static class PackageCache
{
    public static string DefaultRoot
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("NBRUNNER_CACHE");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Path.GetFullPath(configured);
            }
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var cache = string.IsNullOrWhiteSpace(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(cache, "nbrunner");
        }
    }

    /// <summary>The target framework generated projects restore for: the running runtime's.</summary>
    public static string TargetFramework => $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    public static string FolderFor(string root, IEnumerable<PackageReference> packages, IEnumerable<string> sources)
    {
        var key = string.Join("\n", packages.Select(p => $"{p.Id.ToLowerInvariant()}/{p.Version}").Order(StringComparer.Ordinal))
            + "\n--\n" + string.Join("\n", sources) + "\n--\n" + TargetFramework;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        return Path.Combine(root, "packages", hash);
    }
}
