// Runs every code cell of a notebook in order in one session, with the notebook's folder as current directory.
using System.Diagnostics;
using NbEngine.Execution;
using NbEngine.Notebooks;

namespace NbEngine.Running;

/// <summary>
/// Runs a notebook as VS Code would: code cells in order in one session; markdown cells and cells tagged
/// <c>skip-execution</c> are not run. The process's current directory is the notebook's folder for the
/// duration of the run; it is process-wide, so a process runs one notebook at a time (the CLI runs notebooks
/// in parallel in separate worker processes). <c>cellStarting</c> is told of each cell before it runs, so a front-end can
/// say which cell was running if the process dies in it.
/// </summary>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim OneNotebookPerProcess = new(1, 1);

    public static async Task<NotebookRun> RunAsync(
        Notebook notebook, RunOptions options, Action<CellRun>? cellFinished = null, CancellationToken cancellationToken = default,
        Action<NotebookCell>? cellStarting = null)
    {
        await OneNotebookPerProcess.WaitAsync(cancellationToken);
        var previousDirectory = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = notebook.Directory;
            var clock = Stopwatch.StartNew();
            using var session = new NotebookSession(new SessionOptions
            {
                WorkingDirectory = notebook.Directory,
                CellTimeout = options.CellTimeout,
                Packages = options.Packages,
            });
            var runs = new List<CellRun>();
            foreach (var cell in notebook.Cells)
            {
                if (ShouldRun(cell))
                {
                    cellStarting?.Invoke(cell);
                }
                var run = ShouldRun(cell)
                    ? new CellRun(cell, await session.ExecuteAsync(cell.Source, cell.Language, cancellationToken: cancellationToken))
                    : new CellRun(cell, null);
                runs.Add(run);
                cellFinished?.Invoke(run);
            }
            return new NotebookRun(notebook, runs, clock.Elapsed);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            OneNotebookPerProcess.Release();
        }
    }

    private static bool ShouldRun(NotebookCell cell) => cell.IsCode && !cell.HasTag(NotebookCell.SkipExecutionTag);
}
