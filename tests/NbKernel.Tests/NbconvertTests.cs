// Every course notebook executed by `jupyter nbconvert --execute` on this kernel reproduces its stored outputs.
using NbEngine.Execution;
using NbEngine.Formatting;
using NbEngine.Notebooks;
using NbEngine.Running;
using NbEngine.Verification;

namespace NbKernel.Tests;

/// <summary>
/// nbconvert (nbclient) starts one kernel per notebook in the notebook's folder and stores what the kernel
/// publishes; each executed cell is then judged exactly as <c>nbrunner verify</c> judges a cell it ran itself.
/// </summary>
[Collection(JupyterCollection.Name)]
public sealed class NbconvertTests(JupyterHome home)
{
    private static readonly string NotebooksFolder = RepositoryRoot.File("notebooks");

    public static TheoryData<string> Notebooks() => [.. Directory.GetFiles(NotebooksFolder, "*.ipynb").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Nbconvert_WhenExecutingACourseNotebook_ProducesTheStoredOutputsIncludingCharts(string name)
    {
        var outputFolder = Directory.CreateDirectory(Path.Combine(home.Root, "executed")).FullName;

        var run = home.Run(JupyterHome.Jupyter,
        [
            "nbconvert", "--to", "notebook", "--execute", $"--ExecutePreprocessor.kernel_name={JupyterHome.KernelName}",
            "--ExecutePreprocessor.timeout=600", "--output-dir", outputFolder, "--output", name, Path.Combine(NotebooksFolder, name),
        ]);

        Assert.True(run.ExitCode == 0, $"expected nbconvert to execute {name}, got {run}");
        var stored = NotebookReader.Read(Path.Combine(NotebooksFolder, name));
        var executed = NotebookReader.Read(Path.Combine(outputFolder, name));
        var sanitizers = Sanitizers.For(NotebooksFolder);
        var problems = stored.Cells.Zip(executed.Cells)
            .Where(pair => pair.First.IsCode && !pair.First.HasTag(NotebookCell.SkipExecutionTag))
            .Select(pair => CellVerdict.Judge(new CellRun(pair.First, AsResult(pair.Second)), compareOutputs: true, Tolerance.Default, sanitizers))
            .Where(v => v.Outcome != CellOutcome.Passed)
            .Select(v => v.Describe(name))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(stored.Cells.Count, executed.Cells.Count);
        AssertFullBundles(executed.Cells.SelectMany(c => c.StoredOutputs).ToList());
    }

    /// <summary>
    /// What the front-end received: text/plain in every bundle; each chart as its Plotly figure, a line of text and
    /// HTML that loads nothing from a CDN; plotly.js once, before the first chart.
    /// </summary>
    private static void AssertFullBundles(List<CellOutput> outputs)
    {
        var displays = outputs.OfType<DisplayOutput>().Where(d => !PlotlyScript.IsLoader(d)).ToList();
        Assert.All(displays, d => Assert.True(d.Data.ContainsKey(ValueFormatter.PlainText), $"expected text/plain beside {string.Join(", ", d.Data.Keys)}"));
        var charts = displays.Where(PlotlyFigure.IsChart).ToList();
        Assert.All(charts, chart =>
        {
            using var figure = System.Text.Json.JsonDocument.Parse(chart.Data[PlotlyFigure.MimeType]);
            Assert.Equal(System.Text.Json.JsonValueKind.Array, figure.RootElement.GetProperty("data").ValueKind);
            Assert.StartsWith("Plotly chart \"", chart.Data[ValueFormatter.PlainText]);
            Assert.DoesNotContain("cdn", chart.Data[ValueFormatter.Html], StringComparison.OrdinalIgnoreCase);
        });
        var loaders = outputs.Select((o, i) => (Output: o, Index: i)).Where(p => PlotlyScript.IsLoader(p.Output)).Select(p => p.Index).ToList();
        Assert.Equal(charts.Count > 0 ? 1 : 0, loaders.Count);
        if (charts.Count > 0)
        {
            Assert.True(loaders[0] < outputs.IndexOf(charts[0]), "expected plotly.js to come before the first chart");
        }
    }

    /// <summary>An executed cell as the result the runner would have had: failed when it holds an error output.</summary>
    private static CellResult AsResult(NotebookCell executed) => new(
        executed.StoredOutputs.OfType<ErrorOutput>().Any() ? CellStatus.Failed : CellStatus.Ok,
        executed.StoredOutputs, executed.StoredExecutionCount ?? 0, TimeSpan.Zero);
}
