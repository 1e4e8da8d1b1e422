// A Plotly chart's figure (its data, layout and config JSON), read off the HTML Plotly.NET writes, and the forms live front-ends draw.
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NbEngine.Notebooks;

namespace NbEngine.Formatting;

/// <summary>
/// Plotly.NET's chart HTML (whatever script loads plotly.js around it) holds the figure as three lines,
/// <c>var data = […];</c>, <c>var layout = {…};</c>, <c>var config = {…};</c>. From them come the MIME bundle a
/// Jupyter front-end gets for a chart: <see cref="MimeType"/> (drawn natively by JupyterLab, VS Code and nteract),
/// an HTML fallback drawn by the plotly.js <see cref="PlotlyScript"/> delivered once per kernel session (never a
/// CDN), and a line of plain text for consoles.
/// </summary>
public sealed partial record PlotlyFigure(string Data, string Layout, string Config)
{
    public const string MimeType = "application/vnd.plotly.v1+json";

    /// <summary>The figure drawn by <paramref name="html"/>, or null when it is not a Plotly.NET chart.</summary>
    public static PlotlyFigure? FromHtml(string html) =>
        FigureLines().Match(html) is { Success: true } m ? new(m.Groups["data"].Value, m.Groups["layout"].Value, m.Groups["config"].Value) : null;

    /// <summary>Whether a display output is a Plotly chart (text/html with a <c>Plotly.newPlot</c> call).</summary>
    public static bool IsChart(DisplayOutput output) =>
        output.Data.TryGetValue(ValueFormatter.Html, out var html) && html.Contains("Plotly.newPlot(", StringComparison.Ordinal);

    /// <summary>The three figure lines, for comparing two charts by what they draw rather than how they load plotly.js.</summary>
    public string Lines => $"var data = {Data};\nvar layout = {Layout};\nvar config = {Config};";

    /// <summary>The <see cref="MimeType"/> payload: <c>{"data": …, "layout": …, "config": …}</c>.</summary>
    public string Json => $"{{\"data\":{Data},\"layout\":{Layout},\"config\":{Config}}}";

    /// <summary>
    /// HTML that draws the figure with the page's <c>window.Plotly</c> (which <see cref="PlotlyScript.LoaderHtml"/>
    /// defines) and, where plotly.js is missing (an output area whose loader was cleared), says so in place of the chart.
    /// </summary>
    public string OfflineHtml()
    {
        var id = Guid.NewGuid().ToString();
        return $$"""
            <div><div id="{{id}}"><!-- Plotly chart will be drawn inside this DIV --></div><script type="text/javascript">
            (function () {
                var target = document.getElementById('{{id}}');
                if (typeof window.Plotly === 'undefined') {
                    target.textContent = '{{NotLoaded}}';
                    return;
                }
                {{Lines.Replace("\n", "\n    ")}}
                Plotly.newPlot(target, data, layout, config);
            })();
            </script></div>
            """;
    }

    /// <summary>What a console prints for the chart: <c>Plotly chart "Title": 8 traces</c>.</summary>
    public string PlainText()
    {
        string? title = null;
        var traces = 0;
        try
        {
            using var layout = JsonDocument.Parse(Layout);
            title = layout.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.Object
                && t.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            using var data = JsonDocument.Parse(Data);
            traces = data.RootElement.ValueKind == JsonValueKind.Array ? data.RootElement.GetArrayLength() : 0;
        }
        catch (JsonException)
        {
            // A figure Plotly.NET wrote is JSON; anything else is described without its title.
        }
        var name = title is null ? "Plotly chart" : $"Plotly chart \"{WebUtility.HtmlDecode(title)}\"";
        return $"{name}: {traces} trace{(traces == 1 ? "" : "s")}";
    }

    private const string NotLoaded = "(plotly.js is not loaded on this page: run the notebook again to draw this chart)";

    [GeneratedRegex(@"^\s*var data = (?<data>.*);\r?\n\s*var layout = (?<layout>.*);\r?\n\s*var config = (?<config>.*);\r?$", RegexOptions.Multiline)]
    private static partial Regex FigureLines();
}
