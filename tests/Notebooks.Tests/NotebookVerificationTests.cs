// Runs every notebook with the runner's engine and compares each code cell's fresh outputs with the stored ones,
// exactly what `nbrunner verify notebooks/` does; a failure message names the notebook, the cell and the first difference.
using NbEngine.Notebooks;
using NbEngine.Running;
using NbEngine.Verification;

namespace Notebooks.Tests;

public class NotebookVerificationTests
{
    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public async Task Notebook_ShouldRunCleanAndReproduceItsStoredOutputs(string name)
    {
        var notebook = NotebookReader.Read(Path.Combine(CourseNotebooks.Directory, name));
        var run = await NotebookRunner.RunAsync(notebook, new RunOptions());
        var sanitizers = Sanitizers.For(notebook.Directory);
        var verdicts = run.Cells.Where(c => c.Cell.IsCode)
            .Select(c => CellVerdict.Judge(c, compareOutputs: true, Tolerance.Default, sanitizers))
            .ToList();
        var problems = verdicts.Where(v => v.Outcome != CellOutcome.Passed).Select(v => v.Describe(notebook.Name));
        Assert.True(verdicts.All(v => v.Outcome == CellOutcome.Passed), string.Join("\n", problems));
    }
}
