// Runs one notebook in this process for a mode and turns the engine's verdicts into a report.
using NbEngine.Files;
using NbEngine.Notebooks;
using NbEngine.Running;
using NbEngine.Verification;

namespace NbRunner;

internal static class NotebookJob
{
    public static async Task<NotebookReport> RunAsync(string path, NotebookMode mode, NotebookOptions options)
    {
        Notebook notebook;
        try
        {
            notebook = NotebookReader.Read(path);
        }
        catch (NotebookFormatException e)
        {
            return new NotebookReport(path, Path.GetFileName(path), 0, [], e.Message);
        }
        var run = await NotebookRunner.RunAsync(notebook, new RunOptions { CellTimeout = options.Timeout });
        var sanitizers = Sanitizers.For(notebook.Directory);
        var cells = run.Cells.Where(c => c.Cell.IsCode)
            .Select(c => CellVerdict.Judge(c, mode == NotebookMode.Verify, options.Tolerance, sanitizers))
            .Select(v => new CellReport(v.Cell.Number, v.Cell.FirstLine, v.Outcome, v.Problem,
                v.Problem is null ? null : v.Describe(notebook.Name), v.Run.Result?.Elapsed.TotalSeconds ?? 0, v.Outcome == CellOutcome.Skipped ? SkipReason(v.Cell) : null))
            .ToList();
        if (mode == NotebookMode.Update)
        {
            AtomicFile.Write(path, NotebookWriter.WithOutputs(notebook, run.Updates()));
        }
        return new NotebookReport(path, notebook.Name, run.Elapsed.TotalSeconds, cells, null);
    }

    private static string SkipReason(NotebookCell cell) =>
        cell.HasTag(NotebookCell.SkipExecutionTag) ? $"tagged {NotebookCell.SkipExecutionTag}" : $"{cell.Language} cell";
}
