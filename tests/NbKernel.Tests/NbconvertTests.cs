// Every course notebook executed by `jupyter nbconvert --execute` on this kernel reproduces its stored outputs.
using NbEngine.Execution;
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
    }

    /// <summary>An executed cell as the result the runner would have had: failed when it holds an error output.</summary>
    private static CellResult AsResult(NotebookCell executed) => new(
        executed.StoredOutputs.OfType<ErrorOutput>().Any() ? CellStatus.Failed : CellStatus.Ok,
        executed.StoredOutputs, executed.StoredExecutionCount ?? 0, TimeSpan.Zero);
}
