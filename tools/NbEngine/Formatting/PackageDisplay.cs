// The HTML the Polyglot kernel shows after #r "nuget: …" lines, and its "Loading extensions" note.
using System.Net;
using NbEngine.Notebooks;

namespace NbEngine.Formatting;

internal static class PackageDisplay
{
    private const string InstalledPackagesStart = "<div><div></div><div></div><div><strong>Installed Packages</strong><ul>";
    private const string LoadingExtensionsStart = "Loading extensions from `";

    /// <summary><c>&lt;div&gt;…&lt;strong&gt;Installed Packages&lt;/strong&gt;…&lt;/div&gt;</c> listing "Id, Version" items.</summary>
    public static string InstalledPackagesHtml(IEnumerable<string> packages) =>
        InstalledPackagesStart
        + string.Concat(packages.Select(p => $"<li><span>{WebUtility.HtmlEncode(p)}</span></li>"))
        + "</ul></div></div>";

    /// <summary>The text/plain note a package with a kernel extension prints; the path is machine-specific.</summary>
    public static string LoadingExtensions(string extensionPath) => $"{LoadingExtensionsStart}{extensionPath}`";

    /// <summary>Whether an output is one of the two notes above: the kernel's answer to #r "nuget:" lines, not a value the cell shows.</summary>
    public static bool IsPackageNote(DisplayOutput output) =>
        (output.Data.TryGetValue(ValueFormatter.Html, out var html) && html.StartsWith(InstalledPackagesStart, StringComparison.Ordinal))
        || (output.Data.TryGetValue(ValueFormatter.PlainText, out var text) && text.StartsWith(LoadingExtensionsStart, StringComparison.Ordinal));
}
