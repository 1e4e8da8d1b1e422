// The course's chart conventions in one place: titled, labelled, sized for the site's column, legend inside.
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace Recurrent.Interactive;

/// <summary>
/// Chart helpers for the notebooks that draw (they load Plotly.NET with <c>#r "nuget: …"</c>; this assembly only
/// compiles against it). Every chart is at most <see cref="ChartWidth"/> wide, so it fits the static site's
/// column beside the output prompt, with its legend inside its own box; time axes tick at whole steps.
/// </summary>
public static partial class Course
{
    /// <summary>The widest chart: the site's 920 px column leaves about 820 px for an output.</summary>
    public const int ChartWidth = 800;

    /// <summary>
    /// Title, axis titles and size; <paramref name="steps"/> ticks the x axis at every whole number (time steps);
    /// <paramref name="logY"/> puts the y axis on a log scale, for values that shrink or grow by factors (losses, norms).
    /// </summary>
    public static GenericChart Styled(GenericChart chart, string title, string xTitle, string yTitle, bool steps = false,
        int height = 440, bool logY = false)
    {
        var y = Axis(yTitle, steps: false);
        if (logY)
        {
            LogScale(y);
        }
        return GenericChart.addLayout(PlotlyJson.Layout(
            ("title", PlotlyJson.Object(("text", title))),
            ("width", ChartWidth),
            ("height", height),
            ("xaxis", Axis(xTitle, steps)),
            ("yaxis", y)), chart);
    }

    /// <summary>One chart of <see cref="SideBySide"/>: its traces, heading and axis titles; time steps on x by default.</summary>
    public sealed record Panel(GenericChart Chart, string Title, string XTitle, string YTitle, bool Steps = true, bool LogY = false);

    /// <summary>
    /// Charts side by side under one title, each with its own axes; a trace name shown in an earlier panel is not
    /// repeated in the legend (the traces of one name toggle together), which sits below the panels.
    /// </summary>
    public static GenericChart SideBySide(string title, int height, params Panel[] panels)
    {
        const double gap = 0.1;
        var width = (1 - gap * (panels.Length - 1)) / panels.Length;
        var traces = new List<Trace>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        var layout = new List<(string, object)>
        {
            ("title", PlotlyJson.Object(("text", title))), ("width", ChartWidth), ("height", height),
            ("legend", PlotlyJson.Object(("orientation", "h"), ("x", 0), ("y", -0.22), ("yanchor", "top"))),
        };
        var headings = new List<Annotation>();
        for (var k = 0; k < panels.Length; k++)
        {
            var suffix = k == 0 ? "" : (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (start, end) = (k * (width + gap), k * (width + gap) + width);
            foreach (var trace in GenericChart.getTraces(panels[k].Chart))
            {
                trace.SetProperty("xaxis", "x" + suffix);
                trace.SetProperty("yaxis", "y" + suffix);
                if (trace.TryGetPropertyValue("name") is { } name && name.Value is string text)
                {
                    trace.SetProperty("legendgroup", text);
                    trace.SetProperty("showlegend", named.Add(text));
                }
                traces.Add(trace);
            }
            var x = Axis(panels[k].XTitle, panels[k].Steps);
            x.SetProperty("domain", new[] { start, end });
            x.SetProperty("anchor", "y" + suffix);
            var y = Axis(panels[k].YTitle, steps: false);
            y.SetProperty("anchor", "x" + suffix);
            if (panels[k].LogY)
            {
                LogScale(y);
            }
            layout.Add(("xaxis" + suffix, x));
            layout.Add(("yaxis" + suffix, y));
            headings.Add(PlotlyJson.Annotation(("text", $"<b>{panels[k].Title}</b>"), ("showarrow", false), ("xref", "paper"),
                ("yref", "paper"), ("x", (start + end) / 2), ("y", 1.0), ("yanchor", "bottom"), ("xanchor", "center")));
        }
        layout.Add(("annotations", headings));
        return GenericChart.addLayout(PlotlyJson.Layout([.. layout]), GenericChart.ofTraceObjects(true, traces));
    }

    /// <summary>
    /// Shades the x range <paramref name="from"/>…<paramref name="to"/> over the chart's full height and labels it at the
    /// top. (Adding a layout appends its shapes and annotations to the chart's own, so each helper passes only its new ones.)
    /// </summary>
    public static GenericChart WithBand(this GenericChart chart, double from, double to, string label) =>
        GenericChart.addLayout(PlotlyJson.Layout(
            ("shapes", new[]
            {
                PlotlyJson.Shape(("type", "rect"), ("xref", "x"), ("yref", "paper"), ("x0", from), ("x1", to), ("y0", 0), ("y1", 1),
                    ("fillcolor", "rgba(128, 128, 128, 0.18)"), ("line", PlotlyJson.Object(("width", 0))), ("layer", "below")),
            }),
            ("annotations", new[]
            {
                PlotlyJson.Annotation(("text", label), ("showarrow", false), ("xref", "x"), ("yref", "paper"), ("x", (from + to) / 2),
                    ("y", 1), ("yanchor", "bottom")),
            })), chart);

    /// <summary>An arrow above the plot from x = <paramref name="from"/> to x = <paramref name="to"/>, captioned: which way something reads.</summary>
    public static GenericChart WithDirection(this GenericChart chart, double from, double to, string caption) =>
        GenericChart.addLayout(PlotlyJson.Layout(
            ("annotations", new[]
            {
                PlotlyJson.Annotation(("text", caption), ("showarrow", true), ("arrowhead", 2), ("arrowwidth", 1.5), ("xref", "x"),
                    ("yref", "paper"), ("axref", "x"), ("ayref", "paper"), ("x", to), ("ax", from), ("y", 1.09), ("ay", 1.09),
                    ("yanchor", "bottom")),
            })), chart);

    /// <summary>A log-scale axis labelled in powers of ten.</summary>
    private static void LogScale(LinearAxis axis)
    {
        axis.SetProperty("type", "log");
        axis.SetProperty("exponentformat", "power");
    }

    private static LinearAxis Axis(string title, bool steps)
    {
        var axis = new LinearAxis();
        axis.SetProperty("title", PlotlyJson.Object(("text", title)));
        if (steps)
        {
            axis.SetProperty("dtick", 1);
            axis.SetProperty("tick0", 0);
        }
        return axis;
    }
}
