// Recognises the Plotly charts a notebook stores: the div and script Plotly.NET's toChartHTML writes.
using NbEngine.Formatting;
using NbEngine.Notebooks;

namespace NbExport;

internal static class PlotlyOutput
{
    /// <summary>Whether a display output is a Plotly chart (text/html with a <c>Plotly.newPlot</c> call).</summary>
    public static bool IsChart(DisplayOutput output) =>
        output.Data.TryGetValue(ValueFormatter.Html, out var html) && html.Contains("Plotly.newPlot(", StringComparison.Ordinal);
}
