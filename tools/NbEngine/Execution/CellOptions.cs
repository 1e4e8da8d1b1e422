// How a front-end asks one cell to run: whether it counts as an execution, and what answers its console input.
namespace NbEngine.Execution;

/// <summary>
/// The batch runner runs every cell with the defaults. A kernel maps its protocol's request fields here
/// (Jupyter's <c>store_history</c> and <c>allow_stdin</c>), so the engine knows no protocol.
/// </summary>
public sealed record CellOptions
{
    public static readonly CellOptions Default = new();

    /// <summary>False runs the cell without advancing <see cref="NotebookSession.ExecutionCount"/>.</summary>
    public bool StoreHistory { get; init; } = true;

    /// <summary>
    /// Answers the cell's reads of <see cref="Console.In"/>, one line per call (null for the end of input), honouring
    /// the cell's cancellation while it waits; null means the cell has no input and reading fails at once.
    /// </summary>
    public Func<CancellationToken, string?>? ReadLine { get; init; }
}
