// Committed notebooks carry the outputs of a full run: every code cell executed, nothing failed, nothing missing.
using System.Text.Json.Nodes;

namespace Notebooks.Tests;

public class StoredOutputTests
{
    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void CodeCells_ShouldAllHaveBeenExecutedInOrder(string name)
    {
        var counts = CourseNotebooks.Cells(CourseNotebooks.Load(name), "code")
            .Select(c => (int?)c["execution_count"]).ToList();
        Assert.All(counts, c => Assert.True(c is not null, $"{name}: a code cell was never executed (execution_count null)"));
        Assert.Equal(Enumerable.Range(1, counts.Count), counts.Select(c => c!.Value));
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void CellsThatPrintOrEndInAValue_ShouldHaveStoredOutputs(string name)
    {
        foreach (var cell in CourseNotebooks.Cells(CourseNotebooks.Load(name), "code"))
        {
            var source = CourseNotebooks.Text(cell["source"]);
            if (ShowsSomething(source))
            {
                Assert.True(cell["outputs"]!.AsArray().Count > 0, $"{name}: no stored output for cell starting '{FirstLine(source)}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void StoredOutputs_ShouldContainNoError(string name)
    {
        var errors = CourseNotebooks.Cells(CourseNotebooks.Load(name), "code")
            .SelectMany(c => c["outputs"]!.AsArray())
            .Where(o => (string?)o!["output_type"] == "error" || (string?)o!["name"] == "stderr")
            .Select(o => o!.ToJsonString());
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void ChecksInTheNotebook_ShouldHaveAllPrintedTheirTick(string name)
    {
        foreach (var cell in CourseNotebooks.Cells(CourseNotebooks.Load(name), "code"))
        {
            var source = CourseNotebooks.Text(cell["source"]);
            var checks = CheckCalls(source);
            var ticks = cell["outputs"]!.AsArray()
                .Where(o => (string?)o!["output_type"] == "stream")
                .Sum(o => CourseNotebooks.Text(o!["text"]).Split('\n').Count(l => l.StartsWith('✓')));
            Assert.True(ticks == checks, $"{name}, cell '{FirstLine(source)}': {checks} checks, {ticks} ticks stored");
        }
    }

    [Theory]
    [InlineData("01-Types of RNNs.ipynb", 5)]
    [InlineData("02-Vanilla RNN.ipynb", 1)]
    [InlineData("03-Stacked RNN.ipynb", 1)]
    [InlineData("04-Bidirectional RNN.ipynb", 1)]
    [InlineData("06-Splitting Directions and Layers.ipynb", 2)]
    public void ChartNotebooks_ShouldStoreTheirPlotlyCharts(string name, int charts)
    {
        var stored = CourseNotebooks.Cells(CourseNotebooks.Load(name), "code")
            .SelectMany(c => c["outputs"]!.AsArray())
            .Count(o => o!["data"]?["text/html"] is JsonNode html && CourseNotebooks.Text(html).Contains("Plotly.newPlot", StringComparison.Ordinal));
        Assert.Equal(charts, stored);
    }

    /// <summary>True when the cell writes to the console or its last statement is a bare expression (a displayed value).</summary>
    private static bool ShowsSomething(string source)
    {
        if (source.Contains("Console.Write", StringComparison.Ordinal) || CheckCalls(source) > 0)
        {
            return true;
        }
        var last = source.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)) ?? "";
        return !last.EndsWith(';') && !last.EndsWith('}') && !last.StartsWith('#') && !last.StartsWith("using ", StringComparison.Ordinal);
    }

    /// <summary>Statements calling the notebooks' Check helper; each prints one tick when it holds.</summary>
    private static int CheckCalls(string source) =>
        source.Split('\n').Count(l => l.TrimStart().StartsWith("Check(", StringComparison.Ordinal));

    private static string FirstLine(string source) => source.Split('\n')[0];
}
