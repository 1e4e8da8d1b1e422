// What live front-ends get beside Polyglot's stored form (plain text, a chart's figure and offline HTML), and how it compares.
using NbEngine.Formatting;
using NbEngine.Notebooks;
using NbEngine.Verification;

namespace NbEngine.Tests;

public sealed class LiveBundleTests
{
    /// <summary>The shape of a chart as Polyglot stores it (Plotly.NET's HTML, require.js and a CDN), shortened.</summary>
    private static string PolyglotChart(string y) => $$$"""
        <div><div id="1db0f33c-15b2-4e8d-8c1d-6aeec5657f53"><!-- Plotly chart will be drawn inside this DIV --></div><script type="text/javascript">
        var renderPlotly_1db0f33c15b24e8d8c1d6aeec5657f53 = function() {
            var fsharpPlotlyRequire = requirejs.config({context:'fsharp-plotly',paths:{plotly:'https://cdn.plot.ly/plotly-2.28.0.min'}}) || require;
            fsharpPlotlyRequire(['plotly'], function(Plotly) {
                var data = [{"type":"scatter","name":"loss","x":[1,2,3],"y":[{{{y}}}]}];
                var layout = {"width":860,"title":{"text":"Loss &amp; steps"}};
                var config = {"responsive":true};
                Plotly.newPlot('1db0f33c-15b2-4e8d-8c1d-6aeec5657f53', data, layout, config);
            });
        };
        renderPlotly_1db0f33c15b24e8d8c1d6aeec5657f53();
        </script></div>
        """;

    [Fact]
    public void Format_WhenTheValueIsHtmlOnly_AddsTheFormattersPlainTextForConsoles()
    {
        var shown = ValueFormatter.Format(new List<int> { 1, 2 });

        Assert.Equal(["text/html"], shown.Data.Keys);
        Assert.Equal("[ 1, 2 ]", shown.LiveData["text/plain"]);
        Assert.Equal(["text/html", "text/plain"], shown.Bundle.Keys.Order());
        Assert.Empty(ValueFormatter.Format("text").LiveData);
    }

    [Fact]
    public void Format_WhenTheValueIsAPlotlyChart_AddsItsFigureOfflineHtmlAndATitleLine()
    {
        var live = ValueFormatter.LiveData(new Dictionary<string, string> { ["text/html"] = PolyglotChart("0.5,0.25,0.125") }, () => "unused");

        Assert.Equal("""{"data":[{"type":"scatter","name":"loss","x":[1,2,3],"y":[0.5,0.25,0.125]}],"layout":{"width":860,"title":{"text":"Loss &amp; steps"}},"config":{"responsive":true}}""",
            live[PlotlyFigure.MimeType]);
        System.Text.Json.JsonDocument.Parse(live[PlotlyFigure.MimeType]).Dispose();
        Assert.Equal("Plotly chart \"Loss & steps\": 1 trace", live["text/plain"]);
        var html = live["text/html"];
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("require", html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(target, data, layout, config);", html);
        Assert.Equal(PlotlyFigure.FromHtml(PolyglotChart("0.5,0.25,0.125"))!.Lines, PlotlyFigure.FromHtml(html)!.Lines);
    }

    [Fact]
    public void Compare_KernelBundlesWithPolyglotsStoredForm_MatchWhenTheyShowTheSame()
    {
        var stored = new CellOutput[]
        {
            DisplayOutput.Single("text/html", "<div class=\"dni-plaintext\"><pre>3</pre></div>"),
            DisplayOutput.Single("text/html", PolyglotChart("0.5,0.25,0.125")),
        };
        var kernel = new CellOutput[]
        {
            new DisplayOutput(new Dictionary<string, string> { ["text/html"] = "<div class=\"dni-plaintext\"><pre>3</pre></div>", ["text/plain"] = "3" }),
            DisplayOutput.Single("text/html", "<script type=\"text/javascript\">/* plotly.js for this session's charts, from Plotly.NET 6.0.0.0 */ …</script>"),
            Kernel(PolyglotChart("0.5,0.25,0.1250000001")),
        };

        Assert.Null(OutputComparison.FirstDifference(stored, kernel, Tolerance.Default, Sanitizers.BuiltIn));
        Assert.Null(OutputComparison.FirstDifference(kernel, stored, Tolerance.Default, Sanitizers.BuiltIn));
    }

    [Fact]
    public void Compare_AKernelChartThatDrawsOtherNumbers_NamesTheFirstDifferingNumber()
    {
        var stored = new CellOutput[] { DisplayOutput.Single("text/html", PolyglotChart("0.5,0.25,0.125")) };
        var kernel = new CellOutput[] { Kernel(PolyglotChart("0.5,0.26,0.125")) };

        Assert.Equal("stored 0.25, got 0.26", OutputComparison.FirstDifference(stored, kernel, Tolerance.Default, Sanitizers.BuiltIn));
    }

    [Fact]
    public void Compare_TwoPolyglotCharts_StillComparesTheWholeHtml()
    {
        var stored = new CellOutput[] { DisplayOutput.Single("text/html", PolyglotChart("0.5")) };
        var changed = new CellOutput[] { DisplayOutput.Single("text/html", PolyglotChart("0.5").Replace("plotly-2.28.0", "plotly-3.0.0")) };

        Assert.Contains("2.28", OutputComparison.FirstDifference(stored, changed, Tolerance.Default, Sanitizers.BuiltIn));
    }

    [Fact]
    public void Compare_PlainTextStoredOnBothSides_IsStillCompared()
    {
        var stored = new CellOutput[] { new DisplayOutput(new Dictionary<string, string> { ["text/html"] = "<b>a</b>", ["text/plain"] = "a" }) };
        var actual = new CellOutput[] { new DisplayOutput(new Dictionary<string, string> { ["text/html"] = "<b>a</b>", ["text/plain"] = "b" }) };

        Assert.Equal("stored \"a\", got \"b\"", OutputComparison.FirstDifference(stored, actual, Tolerance.Default, Sanitizers.BuiltIn));
    }

    /// <summary>A chart as the kernel sends it (and a front-end saves it): its live bundle.</summary>
    private static DisplayOutput Kernel(string polyglotHtml) =>
        new(new DisplayOutput(new Dictionary<string, string> { ["text/html"] = polyglotHtml })
        {
            LiveData = ValueFormatter.LiveData(new Dictionary<string, string> { ["text/html"] = polyglotHtml }, () => ""),
        }.Bundle);
}
