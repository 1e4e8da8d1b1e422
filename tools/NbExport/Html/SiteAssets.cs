// Writes the files pages load: site.js and site.css, KaTeX with its fonts, and Plotly.NET's bundled plotly.js.
using System.Reflection;
using NbEngine.Files;

namespace NbExport.Html;

internal static class SiteAssets
{
    public const string SiteJs = "assets/site.js";
    public const string SiteCss = "assets/site.css";
    public const string KatexJs = "assets/katex/katex.min.js";
    public const string KatexCss = "assets/katex/katex.min.css";
    public const string PlotlyJs = "assets/plotly.min.js";

    /// <summary>Writes every asset under <paramref name="site"/> (unchanged files are left alone).</summary>
    public static void WriteTo(string site, bool withPlotly)
    {
        var own = typeof(SiteAssets).Assembly;
        var files = own.GetManifestResourceNames()
            .Where(n => n.StartsWith("assets/", StringComparison.Ordinal) || n.StartsWith("assets\\", StringComparison.Ordinal))
            .Select(n => (Path: n.Replace('\\', '/'), Assembly: own, Resource: n))
            .ToList();
        if (withPlotly)
        {
            files.Add((PlotlyJs, PlotlyAssembly, PlotlyResource()));
        }
        foreach (var (path, assembly, resource) in files)
        {
            Write(site, path, assembly, resource);
        }
    }

    private static Assembly PlotlyAssembly => typeof(Plotly.NET.GenericChart).Assembly;

    /// <summary>The minified plotly.js Plotly.NET embeds for its <c>PlotlyJSReference.Full</c> option.</summary>
    private static string PlotlyResource() =>
        PlotlyAssembly.GetManifestResourceNames().SingleOrDefault(n => n.Contains("plotly", StringComparison.OrdinalIgnoreCase)
            && n.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase))
        ?? throw new ExportException($"expected {PlotlyAssembly.GetName()} to embed one plotly-*.min.js, but it has none");

    private static void Write(string site, string relativePath, Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var path = Path.Combine(site, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, copy.ToArray());
    }
}
