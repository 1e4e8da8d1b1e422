// The cell being executed on this logical flow: where its outputs go, where its input comes from, whether it was asked to stop.
namespace NbEngine.Execution;

/// <summary>
/// Flows with the cell's code through <see cref="AsyncLocal{T}"/>, including into tasks and threads the cell
/// starts, so parallel sessions never see each other's outputs, input or interrupts.
/// </summary>
internal sealed class CellContext(Action<Notebooks.CellOutput> emit, CellInput input, CancellationToken interrupt)
{
    private static readonly AsyncLocal<CellContext?> CurrentSlot = new();

    public static CellContext? Current
    {
        get => CurrentSlot.Value;
        set => CurrentSlot.Value = value;
    }

    public Action<Notebooks.CellOutput> Emit { get; } = emit;

    public CellInput Input { get; } = input;

    public CancellationToken Interrupt { get; } = interrupt;
}
