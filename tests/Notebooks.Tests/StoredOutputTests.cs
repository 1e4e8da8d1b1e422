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
            var source = new CellSource(CourseNotebooks.Text(cell["source"]));
            if (source.ShowsSomething)
            {
                Assert.True(cell["outputs"]!.AsArray().Count > 0, $"{name}: no stored output for cell starting '{source.FirstLine}'");
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
            var source = new CellSource(CourseNotebooks.Text(cell["source"]));
            var checks = source.TopLevelCalls("Check");
            var ticks = cell["outputs"]!.AsArray()
                .Where(o => (string?)o!["output_type"] == "stream")
                .Sum(o => CourseNotebooks.Text(o!["text"]).Split('\n').Count(l => l.StartsWith('✓')));
            Assert.True(ticks == checks, $"{name}, cell '{source.FirstLine}': {checks} checks, {ticks} ticks stored");
        }
    }

    [Theory]
    [InlineData("01-Types of RNNs.ipynb", 6)]
    [InlineData("02-Vanilla RNN.ipynb", 1)]
    [InlineData("03-Stacked RNN.ipynb", 2)]
    [InlineData("04-Bidirectional RNN.ipynb", 2)]
    [InlineData("06-Splitting Directions and Layers.ipynb", 2)]
    [InlineData("07-Backpropagation Through Time.ipynb", 1)]
    public void ChartNotebooks_ShouldStoreTheirPlotlyCharts(string name, int charts)
    {
        var stored = CourseNotebooks.Cells(CourseNotebooks.Load(name), "code")
            .SelectMany(c => c["outputs"]!.AsArray())
            .Count(o => o!["data"]?["text/html"] is JsonNode html && CourseNotebooks.Text(html).Contains("Plotly.newPlot", StringComparison.Ordinal));
        Assert.Equal(charts, stored);
    }
}
