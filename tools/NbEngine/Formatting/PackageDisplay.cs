// The HTML the Polyglot kernel shows after #r "nuget: …" lines, and its "Loading extensions" note.
using System.Globalization;
using System.Net;
using NbEngine.Notebooks;

namespace NbEngine.Formatting;

/// <summary>The kernel's notes about packages; front-ends only ask whether an output is one.</summary>
public static class PackageDisplay
{
    private const string InstalledPackagesStart = "<div><div></div><div></div><div><strong>Installed Packages</strong><ul>";
    private const string LoadingExtensionsStart = "Loading extensions from `";

    /// <summary>
    /// <c>&lt;div&gt;…&lt;strong&gt;Installed Packages&lt;/strong&gt;…&lt;/div&gt;</c> listing "Id, Version" items sorted
    /// as the kernel sorts them (Microsoft.DotNet.Interactive.PackageManagement orders the strings with the default
    /// culture-aware comparer; the invariant culture gives that order on every machine), not in request order.
    /// </summary>
    public static string InstalledPackagesHtml(IEnumerable<string> packages) =>
        InstalledPackagesStart
        + string.Concat(packages.Order(StringComparer.InvariantCulture).Select(p => $"<li><span>{WebUtility.HtmlEncode(p)}</span></li>"))
        + "</ul></div></div>";

    /// <summary>The text/plain note a package with a kernel extension prints, with its path as <see cref="MachineNeutral"/> writes it.</summary>
    public static string LoadingExtensions(string extensionPath, string home) => $"{LoadingExtensionsStart}{MachineNeutral(extensionPath, home)}`";

    /// <summary>
    /// A path as it may be stored in a notebook that is verified on other machines: under <paramref name="home"/> it
    /// becomes <c>~/…</c> (so the default package folder reads <c>~/.nuget/packages/…</c>), always with '/' separators.
    /// </summary>
    public static string MachineNeutral(string path, string home)
    {
        var trimmedHome = home.TrimEnd('/', '\\');
        var underHome = trimmedHome.Length > 0
            && path.StartsWith(trimmedHome, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
            && path.Length > trimmedHome.Length && path[trimmedHome.Length] is '/' or '\\';
        return (underHome ? "~" + path[trimmedHome.Length..] : path).Replace('\\', '/');
    }

    /// <summary>The "Id, Version" items of an "Installed Packages" display, or null when the output is not one.</summary>
    public static IReadOnlyList<string>? InstalledPackages(DisplayOutput output) =>
        output.Data.TryGetValue(ValueFormatter.Html, out var html) && html.StartsWith(InstalledPackagesStart, StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Matches(html, "<li><span>(.*?)</span></li>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList()
            : null;

    /// <summary>The kernel's display of <see cref="InstalledPackagesHtml"/>, with a plain-text list for consoles.</summary>
    internal static DisplayOutput InstalledPackagesOutput(IReadOnlyList<string> packages) =>
        DisplayOutput.Single(ValueFormatter.Html, InstalledPackagesHtml(packages)) with
        {
            LiveData = new Dictionary<string, string>
            {
                [ValueFormatter.PlainText] = $"Installed Packages: {string.Join("; ", packages.Order(StringComparer.InvariantCulture))}",
            },
        };

    /// <summary>Whether an output is one of the two notes above: the kernel's answer to #r "nuget:" lines, not a value the cell shows.</summary>
    public static bool IsPackageNote(DisplayOutput output) =>
        (output.Data.TryGetValue(ValueFormatter.Html, out var html) && html.StartsWith(InstalledPackagesStart, StringComparison.Ordinal))
        || (output.Data.TryGetValue(ValueFormatter.PlainText, out var text) && text.StartsWith(LoadingExtensionsStart, StringComparison.Ordinal));
}
