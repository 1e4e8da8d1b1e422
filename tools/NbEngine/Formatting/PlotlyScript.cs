// plotly.js as Plotly.NET bundles it: read from the assembly, and the one-off output that defines it in a kernel's front-end.
using System.Reflection;
using NbEngine.Notebooks;

namespace NbEngine.Formatting;

/// <summary>
/// Plotly.NET embeds a minified plotly.js. The static site copies it into its assets; the Jupyter kernel sends it
/// once per session, before its first chart, as an output of its own (as plotly.py's offline mode does), so later
/// charts and their updates draw with <c>window.Plotly</c> without any network.
/// </summary>
public static class PlotlyScript
{
    private const string LoaderStart = "<script type=\"text/javascript\">/* plotly.js for this session's charts, from Plotly.NET ";

    /// <summary>The text of the plotly-*.min.js embedded in a Plotly.NET assembly.</summary>
    public static string Read(Assembly plotly)
    {
        var resource = plotly.GetManifestResourceNames().SingleOrDefault(n => n.Contains("plotly", StringComparison.OrdinalIgnoreCase)
            && n.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"expected {plotly.GetName()} to embed one plotly-*.min.js, but it has none");
        using var reader = new StreamReader(plotly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The display output that defines <c>window.Plotly</c> in a front-end's page. plotly.js is wrapped so that it
    /// ignores the AMD loader of pages that have require.js (Jupyter Notebook), which would otherwise take it as an
    /// anonymous module and fail. Only text/html: a console prints nothing for it.
    /// </summary>
    public static DisplayOutput LoaderOutput(Assembly plotly) => DisplayOutput.Single(ValueFormatter.Html,
        $"{LoaderStart}{plotly.GetName().Version} */\nwindow.PlotlyConfig = {{MathJaxConfig: 'local'}};\n"
        + $"(function (define, module, exports) {{\n{Read(plotly)}\n}}).call(window);\n</script>");

    /// <summary>
    /// <see cref="LoaderOutput(Assembly)"/> of the Plotly.NET the notebooks loaded, or null while none has drawn a chart.
    /// </summary>
    public static DisplayOutput? LoaderOutput() => PlotlyCharts.LastRegistered is { } plotly ? LoaderOutput(plotly) : null;

    /// <summary>Whether an output is <see cref="LoaderOutput(Assembly)"/>: a front-end's asset, not something the cell showed.</summary>
    public static bool IsLoader(CellOutput output) =>
        output is DisplayOutput d && d.Data.Count == 1 && d.Data.TryGetValue(ValueFormatter.Html, out var html)
        && html.StartsWith(LoaderStart, StringComparison.Ordinal);
}
