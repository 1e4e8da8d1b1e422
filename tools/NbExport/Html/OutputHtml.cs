// Shows a stored output as the notebook holds it: streams and text as preformatted text, HTML (charts too) as is.
using System.Net;
using NbEngine.Formatting;
using NbEngine.Notebooks;

namespace NbExport.Html;

internal static class OutputHtml
{
    /// <summary>
    /// HTML wins over plain text, as in Jupyter; a chart's div and script are kept and drawn by the page's plotly.js.
    /// The kernel's answer to <c>#r "nuget:"</c> lines is one quiet line listing the packages; its "Loading
    /// extensions" note (a path on the machine that ran the notebook) is left out.
    /// </summary>
    public static string Render(CellOutput output) => output switch
    {
        DisplayOutput d when PackageDisplay.InstalledPackages(d) is { } packages =>
            $"<p class=\"output packages\">Packages: {Encode(string.Join(" · ", packages.Select(p => p.Replace(", ", " "))))}</p>",
        DisplayOutput d when PackageDisplay.IsPackageNote(d) => "",
        StreamOutput s => $"<pre class=\"output stream {s.Name}\">{Encode(s.Text)}</pre>",
        DisplayOutput d when d.Data.TryGetValue(ValueFormatter.Html, out var html) =>
            $"<div class=\"output html{(PlotlyFigure.IsChart(d) ? " chart" : "")}\">{html}</div>",
        DisplayOutput d when d.Data.TryGetValue(ValueFormatter.PlainText, out var text) => $"<pre class=\"output text\">{Encode(text)}</pre>",
        DisplayOutput d => $"<p class=\"output unshown\">(an output stored as {Encode(string.Join(", ", d.Data.Keys))}, which this page does not show)</p>",
        ErrorOutput e => $"<pre class=\"output error\">{Encode($"{e.EName}: {e.EValue}")}</pre>",
        _ => throw new ExportException($"expected a stream, display or error output, got {output.GetType().Name}"),
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
