// The course in a real notebook front-end: Jupyter Notebook 6 in Chromium, offline, every notebook run with Run All on this kernel.
using System.Text.RegularExpressions;
using NbEngine.Notebooks;

namespace NbKernel.Tests;

public sealed partial class JupyterNotebookTests(NotebookBrowserRun run) : IClassFixture<NotebookBrowserRun>
{
    public static TheoryData<string> Notebooks() => [.. NotebookBrowserRun.Notebooks.Select(n => Path.GetFileName(n))];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void RunAll_InJupyterNotebook_ShowsNoErrorAndEveryTensorAndDrawsEveryChartOffline(string notebook)
    {
        var page = run.Page(notebook);
        var stored = NotebookReader.Read(RepositoryRoot.File("notebooks", notebook));

        Assert.Empty(page.Errors);
        var tensors = stored.Cells.SelectMany(c => c.StoredOutputs).OfType<DisplayOutput>()
            .Select(d => d.Data.GetValueOrDefault("text/plain")).OfType<string>()
            .Where(t => t.StartsWith("tensor(", StringComparison.Ordinal)).ToList();
        Assert.All(tensors, t => Assert.Contains(Spaces().Replace(t, " "), page.Text));
        var storedCharts = stored.Cells.SelectMany(c => c.StoredOutputs).OfType<DisplayOutput>().Count(NbEngine.Formatting.PlotlyFigure.IsChart);
        Assert.Equal(storedCharts, page.Charts);
        Assert.Equal(page.Charts, page.DrawnCharts);
        Assert.True(page.ConsoleErrors.Count == 0, $"expected no browser errors, got:\n{string.Join("\n", page.ConsoleErrors)}");
        Assert.True(page.OutsideRequests.Count == 0, $"expected no request to leave 127.0.0.1, got:\n{string.Join("\n", page.OutsideRequests)}");
    }

    [Fact]
    public void Tab_AfterTorchDotInANewCell_ListsManualSeed()
    {
        Assert.Contains("ManualSeed", run.Completions);
    }

    [Fact]
    public void Screenshot_OfTheVanillaRnnNotebooksChart_IsKept()
    {
        var png = File.ReadAllBytes(NotebookBrowserRun.Screenshot);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 20_000, $"expected a picture of a drawn chart, got {png.Length} bytes");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
