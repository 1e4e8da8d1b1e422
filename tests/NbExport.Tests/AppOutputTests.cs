// The committed apps are a fresh export, and each one, run with `dotnet run`, prints what its notebook stores.
using NbEngine.Notebooks;
using NbEngine.Verification;
using NbExport.Apps;

namespace NbExport.Tests;

public sealed class AppOutputTests(AppRuns runs) : IClassFixture<AppRuns>
{
    [Fact]
    public void ExportCs_CommittedAppsEqualAFreshExport()
    {
        var expected = Course.Notebooks.Select(AppSource.FileName).Order(StringComparer.Ordinal).ToList();
        var committed = Directory.GetFiles(Course.AppsFolder, "*.cs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, committed);
        foreach (var notebook in Course.Notebooks)
        {
            var file = Path.Combine(Course.AppsFolder, AppSource.FileName(notebook));
            Assert.True(AppSource.Render(notebook, Course.AppsFolder) == File.ReadAllText(file),
                $"{file} is stale: run `dotnet run --project tools/NbRunner -c Release -- export cs` and commit the result");
        }
    }

    [Theory]
    [MemberData(nameof(Course.Names), MemberType = typeof(Course))]
    public async Task ExportCs_AppPrintsTheNotebooksStoredTextOutputs(string notebookName)
    {
        var notebook = Course.Named(notebookName);
        var run = await RunOf(notebook);

        Assert.True(run.ExitCode == 0, $"`dotnet run \"{AppSource.FileName(notebook)}\"` exited with {run.ExitCode}:\n{run.Output}\n{run.Error}");
        var difference = OutputComparison.FirstDifference(
            AppTranscript.Expected(notebook, Course.AppsFolder), [new StreamOutput(StreamOutput.StandardOutput, run.Output)],
            Tolerance.Default, Sanitizers.For(notebook.Directory));
        Assert.True(difference is null, $"{AppSource.FileName(notebook)} printed something else than {notebook.Name} stores: {difference}");
    }

    [Fact]
    public async Task ExportCs_VanillaRnnAppPrintsSectionsLabelledTensorsAndTheChartsRealPath()
    {
        var notebook = Course.Named("02-Vanilla RNN.ipynb");
        var run = await RunOf(notebook);

        var chartPath = Path.Combine(Course.AppsFolder, "02-Vanilla RNN.chart-1.html");
        Assert.Contains("\n## Running it\n", run.Output);
        Assert.Contains("output =\ntensor([[[-0.0819,  0.8100],", run.Output);
        Assert.Contains("h_n    torch.Size([1, 4, 2])", run.Output);
        Assert.Contains($"chart written to {chartPath}\n", run.Output);
        var chart = File.ReadAllText(chartPath);
        Assert.Contains("Hidden state of Rnn(1, 2) at each step", chart);
        Assert.Contains("\"y\":[-0.081871", chart);   // unit 0 of sequence 1 at step 1: PyTorch -0.08187186
        Assert.Contains("<script src=\"plotly.min.js\"", chart);
    }

    [Fact]
    public async Task ExportCs_AChartFileDrawsOfflineWithTheLocalPlotlyJs()
    {
        var run = await RunOf(Course.Named("02-Vanilla RNN.ipynb"));
        Assert.Equal(0, run.ExitCode);

        var drawn = await OfflineChart.RenderAsync(Path.Combine(Course.AppsFolder, "02-Vanilla RNN.chart-1.html"));

        Assert.Empty(drawn.OutsideRequests);
        Assert.Empty(drawn.Errors);
        Assert.True(drawn.Traces >= 4, $"expected the chart's lines drawn as SVG, got {drawn.Traces} traces");
    }

    private Task<ProcessResult> RunOf(Notebook notebook) => runs.Of(Path.Combine(Course.AppsFolder, AppSource.FileName(notebook)));
}
