// Boxes and arrows on a grid: how the course draws unrolled networks, stacks and the two directions.
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace Recurrent.Interactive;

public static partial class Course
{
    /// <summary>
    /// A diagram, not a plot: labelled square boxes at grid positions (x = time step, y = row), arrows between
    /// them, no axes. Boxes added together share a colour and a legend entry, which sits below the boxes; the
    /// width grows with the number of columns up to <see cref="ChartWidth"/>.
    /// </summary>
    public sealed class Diagram
    {
        private const int BoxSize = 44;
        private readonly List<GenericChart> _boxes = [];
        private readonly List<Annotation> _arrows = [];
        private readonly List<(int X, int Y)> _positions = [];

        /// <summary>
        /// A group of boxes with one colour and one legend entry (none when the group is empty); a label may use HTML
        /// such as <c>h&lt;sub&gt;1&lt;/sub&gt;</c>.
        /// </summary>
        public Diagram Boxes(string name, string color, IEnumerable<(int X, int Y, string Label)> boxes)
        {
            var list = boxes.ToList();
            if (list.Count == 0)
            {
                return this;
            }
            _positions.AddRange(list.Select(b => (b.X, b.Y)));
            _boxes.Add(GenericChart.ofTraceObject(true, PlotlyJson.Trace("scatter",
                ("name", name), ("mode", "markers+text"), ("hoverinfo", "skip"),
                ("x", list.Select(b => b.X).ToArray()), ("y", list.Select(b => b.Y).ToArray()),
                ("text", list.Select(b => b.Label).ToArray()), ("textposition", "middle center"),
                ("marker", PlotlyJson.Object(("symbol", "square"), ("size", BoxSize), ("color", color))))));
            return this;
        }

        /// <summary>An arrow from one box to another, stopping at the boxes' edges.</summary>
        public Diagram Arrow(int x0, int y0, int x1, int y1)
        {
            _arrows.Add(PlotlyJson.Annotation(("x", x1), ("y", y1), ("ax", x0), ("ay", y0), ("xref", "x"), ("yref", "y"),
                ("axref", "x"), ("ayref", "y"), ("text", ""), ("showarrow", true), ("arrowhead", 2), ("arrowwidth", 1.5),
                ("standoff", BoxSize / 2), ("startstandoff", BoxSize / 2)));
            return this;
        }

        /// <summary>The diagram as a chart titled <paramref name="title"/>.</summary>
        public GenericChart Draw(string title)
        {
            if (_positions.Count == 0)
            {
                throw new InvalidOperationException("Expected at least one box in the diagram, got none");
            }
            var (left, right) = (_positions.Min(p => p.X) - 0.6, _positions.Max(p => p.X) + 0.6);
            var (bottom, top) = (_positions.Min(p => p.Y) - 0.5, _positions.Max(p => p.Y) + 0.5);
            var columns = _positions.Select(p => p.X).Distinct().Count();
            var layout = PlotlyJson.Layout(
                ("title", PlotlyJson.Object(("text", title))),
                ("width", Math.Min(ChartWidth, Math.Max(440, 160 + 90 * columns))),
                ("height", 150 + 85 * (int)Math.Ceiling(top - bottom)),
                ("xaxis", Hidden(left, right)),
                ("yaxis", Hidden(bottom, top)),
                ("legend", PlotlyJson.Object(("orientation", "h"), ("x", 0), ("y", 0), ("yanchor", "top"))),
                ("plot_bgcolor", "rgba(0, 0, 0, 0)"),
                ("annotations", _arrows));
            return GenericChart.addLayout(layout, GenericChart.combine(_boxes));
        }

        private static LinearAxis Hidden(double from, double to)
        {
            var axis = new LinearAxis();
            axis.SetProperty("visible", false);
            axis.SetProperty("range", new[] { from, to });
            axis.SetProperty("fixedrange", true);
            return axis;
        }
    }
}
