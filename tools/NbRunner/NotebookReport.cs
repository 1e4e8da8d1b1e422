// What the runner reports per notebook and cell; plain data so worker processes can hand it back as JSON.
using NbEngine.Verification;

namespace NbRunner;

/// <summary>A code cell's outcome; <see cref="Description"/> names notebook, cell and problem when it failed.</summary>
internal sealed record CellReport(int Number, string FirstLine, CellOutcome Outcome, string? Problem, string? Description, double Seconds, string? Reason);

/// <summary>
/// A notebook's outcome. <see cref="Unreadable"/> holds the reason a file is not a notebook (exit 2);
/// <see cref="Failure"/> a failure of the notebook as a whole, not of one cell's output (exit 1): its outputs could not be written.
/// </summary>
internal sealed record NotebookReport(string Path, string Name, double Seconds, IReadOnlyList<CellReport> Cells, string? Unreadable, string? Failure = null)
{
    public int Failures => Cells.Count(c => c.Outcome == CellOutcome.Failed);

    public bool Passed => Unreadable is null && Failure is null && Failures == 0;

    /// <summary><c>name, cell N (first line): problem</c> for each failed cell, then the notebook's own failure.</summary>
    public IEnumerable<string> Problems => Cells.Where(c => c.Outcome == CellOutcome.Failed).Select(c => c.Description ?? c.Problem ?? "")
        .Concat(Failure is null ? [] : [$"{Name}: {Failure}"]);
}
