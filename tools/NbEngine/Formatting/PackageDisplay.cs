// The HTML the Polyglot kernel shows after #r "nuget: …" lines, and its "Loading extensions" note.
using System.Net;

namespace NbEngine.Formatting;

internal static class PackageDisplay
{
    /// <summary><c>&lt;div&gt;…&lt;strong&gt;Installed Packages&lt;/strong&gt;…&lt;/div&gt;</c> listing "Id, Version" items.</summary>
    public static string InstalledPackagesHtml(IEnumerable<string> packages) =>
        "<div><div></div><div></div><div><strong>Installed Packages</strong><ul>"
        + string.Concat(packages.Select(p => $"<li><span>{WebUtility.HtmlEncode(p)}</span></li>"))
        + "</ul></div></div>";

    /// <summary>The text/plain note a package with a kernel extension prints; the path is machine-specific.</summary>
    public static string LoadingExtensions(string extensionPath) => $"Loading extensions from `{extensionPath}`";
}
