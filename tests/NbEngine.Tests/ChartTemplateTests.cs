// A chart's HTML is Plotly.NET's own though equal templates are serialised once, and a template changed in place is drawn changed.
using NbEngine.Execution;

namespace NbEngine.Tests;

public sealed class ChartTemplateTests
{
    private const string Setup = "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"";

    // Plotly.NET's own HTML for the same chart, with the display options the formatter sets, GUIDs masked.
    private const string Compare = """
        string Masked(string html) => System.Text.RegularExpressions.Regex.Replace(html, "[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", "G");
        string Own(Plotly.NET.GenericChart c) => Plotly.NET.GenericChart.toChartHTML(Plotly.NET.GenericChart.setDisplayOptions(
            Plotly.NET.DisplayOptions.setPlotlyReference(Plotly.NET.PlotlyJSReference.NewRequire("https://cdn.plot.ly/plotly-2.28.0.min")).Invoke(Plotly.NET.GenericChart.getDisplayOptions(c)), c));
        bool Same(Plotly.NET.GenericChart c) => Masked(NbEngine.Formatting.ValueFormatter.Format(c).Data["text/html"]) == Masked(Own(c));
        """;

    [Fact]
    public async Task Format_OfCharts_IsPlotlyNetsOwnHtmlAndFollowsATemplateChangedInPlace()
    {
        var results = await Sessions.RunAll(
            Setup,
            Compare,
            """
            var line = Plotly.NET.CSharp.Chart.Line<int, float, string>(x: new[] { 1, 2, 3 }, y: new[] { 0.5f, 0.25f, 0.125f });
            var points = Plotly.NET.CSharp.Chart.Point<int, int, string>(x: new[] { 1, 2 }, y: new[] { 3, 4 });
            var template = (DynamicObj.DynamicObj)Plotly.NET.GenericChart.getLayout(line).TryGetPropertyValue("template").Value;
            var combined = Plotly.NET.CSharp.Chart.Combine(new[] { line, points });   // a copy of the template
            var before = (Same(line), Same(points), Same(combined), Same(line));
            ((DynamicObj.DynamicObj)template.TryGetPropertyValue("layout").Value).SetProperty("paper_bgcolor", "#123456");
            var drawn = NbEngine.Formatting.ValueFormatter.Format(line).Data["text/html"].Contains("#123456");
            Console.Write($"{before} {drawn} {Same(line)}");
            """);

        Assert.All(results, r => Assert.Equal(CellStatus.Ok, r.Status));
        Assert.Equal("(True, True, True, True) True True", results[2].Outputs.Single().Text());
    }
}
