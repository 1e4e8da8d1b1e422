// Whether a cell passed: it ran as its tags demand and (when verifying) its outputs match the stored ones.
using NbEngine.Execution;
using NbEngine.Notebooks;
using NbEngine.Running;

namespace NbEngine.Verification;

public enum CellOutcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>The outcome of one cell; <see cref="Problem"/> says what went wrong when it failed.</summary>
public sealed record CellVerdict(CellRun Run, CellOutcome Outcome, string? Problem)
{
    public NotebookCell Cell => Run.Cell;

    /// <summary><c>02-Vanilla RNN.ipynb, cell 7 (var (output, hN) = rnn.Forward(x);): stored -0.0819, got -0.0820</c></summary>
    public string Describe(string notebookName) => $"{notebookName}, cell {Cell.Number} ({Cell.FirstLine}): {Problem}";

    /// <summary>
    /// Judges a run cell: it must succeed, or fail when tagged <c>raises-exception</c>; with
    /// <paramref name="compareOutputs"/> its outputs must match the stored ones unless tagged <c>ignore-output</c>.
    /// </summary>
    public static CellVerdict Judge(CellRun run, bool compareOutputs, Tolerance tolerance, Sanitizers sanitizers)
    {
        if (run.Result is not { } result)
        {
            return new CellVerdict(run, CellOutcome.Skipped, null);
        }
        var problem = ExecutionProblem(run.Cell, result)
            ?? (compareOutputs && !run.Cell.HasTag(NotebookCell.IgnoreOutputTag)
                ? OutputComparison.FirstDifference(run.Cell.StoredOutputs, result.Outputs, tolerance, sanitizers)
                : null);
        return new CellVerdict(run, problem is null ? CellOutcome.Passed : CellOutcome.Failed, problem);
    }

    private static string? ExecutionProblem(NotebookCell cell, CellResult result)
    {
        var error = result.Outputs.OfType<ErrorOutput>().LastOrDefault()?.EValue.Split('\n')[0];
        var mayThrow = cell.HasTag(NotebookCell.RaisesExceptionTag);
        return (result.Status, mayThrow) switch
        {
            (CellStatus.Ok, true) => "expected an exception (tagged raises-exception), but the cell ran without one",
            (CellStatus.Failed, true) => null,
            (CellStatus.Ok, false) => null,
            _ => error ?? result.Status.ToString(),
        };
    }
}
