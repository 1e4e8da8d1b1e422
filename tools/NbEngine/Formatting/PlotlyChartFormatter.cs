// Formats Plotly.NET charts as Plotly.NET.Interactive does: a div with a fresh GUID and a require.js-loading script.
using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace NbEngine.Formatting;

/// <summary>
/// Stands in for Plotly.NET.Interactive's kernel extension, which cannot be restored here. It binds to a loaded
/// Plotly.NET assembly by reflection (so the engine does not pin a Plotly.NET version) and registers a text/html
/// formatter for <c>GenericChart</c> that points the plotly.js reference at require.js and the CDN, as
/// Plotly.NET.Interactive's <c>toInteractiveHTML</c> does, then calls <c>GenericChart.toChartHTML</c> (with the
/// chart's template serialised once, by <see cref="PlotlyTemplates"/>).
/// </summary>
internal static class PlotlyChartFormatter
{
    public const string AssemblyName = "Plotly.NET";

    public static void Register(Assembly plotly)
    {
        var chartType = Required(plotly, "Plotly.NET.GenericChart");
        var render = new Lazy<Func<object, string>>(() => Renderer(plotly, chartType));
        ValueFormatter.EnsureConfigured();
        Formatter.Register(chartType, (chart, writer) => writer.Write(render.Value(chart)), ValueFormatter.Html);
    }

    private static Func<object, string> Renderer(Assembly plotly, Type chartType)
    {
        var version = (string)Required(plotly, "Globals").GetField("PLOTLYJS_VERSION")!.GetValue(null)!;
        var requireReference = Required(plotly, "Plotly.NET.PlotlyJSReference").GetMethod("NewRequire")!
            .Invoke(null, [$"https://cdn.plot.ly/plotly-{version}.min"]);
        var setReference = Required(plotly, "Plotly.NET.DisplayOptions").GetMethod("setPlotlyReference")!.Invoke(null, [requireReference])!;
        var applyReference = setReference.GetType().GetMethod("Invoke")!;
        var getOptions = chartType.GetMethod("getDisplayOptions")!;
        var setOptions = chartType.GetMethod("setDisplayOptions")!;
        var toHtml = chartType.GetMethod("toChartHTML")!;
        string Html(object chart) => (string)toHtml.Invoke(null, [chart])!;
        var templates = PlotlyTemplates.For(plotly, chartType);
        return chart =>
        {
            var options = applyReference.Invoke(setReference, [getOptions.Invoke(null, [chart])]);
            var shown = setOptions.Invoke(null, [options, chart])!;
            return templates is null ? Html(shown) : templates.Render(shown, Html);
        };
    }

    /// <summary>A type by full name (F# modules such as <c>Globals</c> sit outside any namespace).</summary>
    private static Type Required(Assembly plotly, string name) =>
        plotly.GetType(name) ?? throw new InvalidOperationException(
            $"expected {name} in {plotly.FullName} (Plotly.NET 4 or later), but the assembly has no such type");
}
