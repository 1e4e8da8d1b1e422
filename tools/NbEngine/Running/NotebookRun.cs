// The result of running a notebook: each cell with what executing it gave (or nothing, when it was not run).
using NbEngine.Execution;
using NbEngine.Notebooks;

namespace NbEngine.Running;

/// <summary>A cell and its execution result; <see cref="Result"/> is null for cells that were not run.</summary>
public sealed record CellRun(NotebookCell Cell, CellResult? Result)
{
    public bool WasRun => Result is not null;
}

public sealed record NotebookRun(Notebook Notebook, IReadOnlyList<CellRun> Cells, TimeSpan Elapsed)
{
    /// <summary>The outputs to write back for <c>update</c>: every cell that ran, with its execution count.</summary>
    public IEnumerable<CellUpdate> Updates() => Cells
        .Where(c => c.Result is not null)
        .Select(c => new CellUpdate(c.Cell.Index, c.Result!.Outputs, c.Result.ExecutionCount));
}
