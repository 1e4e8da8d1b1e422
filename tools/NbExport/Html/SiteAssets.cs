// Writes the files pages load: site.js and site.css, KaTeX with its fonts, and Plotly.NET's bundled plotly.js.
using System.Text;
using NbEngine.Files;
using NbEngine.Formatting;

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
            .Select(n => (Path: n.Replace('\\', '/'), Assembly: own, Resource: n));
        foreach (var (path, assembly, resource) in files)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Write(site, path, copy.ToArray());
        }
        if (withPlotly)
        {
            // The plotly.js Plotly.NET embeds (for its PlotlyJSReference.Full option), which the Jupyter kernel also sends its front-ends.
            Write(site, PlotlyJs, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(PlotlyScript.Read(typeof(Plotly.NET.GenericChart).Assembly)));
        }
    }

    private static void Write(string site, string relativePath, byte[] bytes)
    {
        var path = Path.Combine(site, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, bytes);
    }
}
