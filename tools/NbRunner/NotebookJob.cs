// Runs one notebook in this process for a mode and turns the engine's verdicts into a report.
using NbEngine.Files;
using NbEngine.Notebooks;
using NbEngine.Running;
using NbEngine.Verification;

namespace NbRunner;

internal static class NotebookJob
{
    public static async Task<NotebookReport> RunAsync(string path, NotebookMode mode, NotebookOptions options, Action<NotebookCell> cellStarting)
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
        var run = await NotebookRunner.RunAsync(notebook, new RunOptions { CellTimeout = options.Timeout }, cellStarting: cellStarting);
        var sanitizers = Sanitizers.For(notebook.Directory);
        var cells = run.Cells.Where(c => c.Cell.IsCode)
            .Select(c => CellVerdict.Judge(c, mode == NotebookMode.Verify, options.Tolerance, sanitizers))
            .Select(v => new CellReport(v.Cell.Number, v.Cell.FirstLine, v.Outcome, v.Problem,
                v.Problem is null ? null : v.Describe(notebook.Name), v.Run.Result?.Elapsed.TotalSeconds ?? 0, v.Outcome == CellOutcome.Skipped ? SkipReason(v.Cell) : null))
            .ToList();
        var failure = mode == NotebookMode.Update ? WriteOutputs(notebook, run) : null;
        return new NotebookReport(path, notebook.Name, run.Elapsed.TotalSeconds, cells, null, failure);
    }

    /// <summary>Writes the new outputs back, unless the file changed meanwhile or cannot be written (read-only, a folder that takes no new file, a full disk): then says why.</summary>
    private static string? WriteOutputs(Notebook notebook, NotebookRun run)
    {
        try
        {
            AtomicFile.Write(notebook.Path, NotebookWriter.WithOutputs(notebook, run.Updates()), readBefore: notebook.Bytes);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"not written: {e.Message}";
        }
    }

    private static string SkipReason(NotebookCell cell) =>
        cell.HasTag(NotebookCell.SkipExecutionTag) ? $"tagged {NotebookCell.SkipExecutionTag}" : $"{cell.Language} cell";
}
