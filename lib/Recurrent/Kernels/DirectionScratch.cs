// The backward pass's working buffers for one direction, kept with its record so later training steps reuse warm memory.
namespace Recurrent.Kernels;

/// <summary>
/// Deltas of every step, their transposes for the weight products, and the packed operands (W_hh, W_ih, the layer's
/// input X and the states H_before), sized for one (L, N) and one GEMM panel width.
/// </summary>
internal sealed class DirectionScratch
{
    public DirectionScratch(CellKind kind, int rows, int inputSize, int hidden, int panelWidth)
    {
        var gateWidth = kind.GateCount() * hidden;
        PanelWidth = panelWidth;
        DeltaInput = new float[checked(rows * gateWidth)];                                   // (L·N, G·H)
        DeltaHidden = kind == CellKind.Gru ? new float[DeltaInput.Length] : DeltaInput;
        InputTransposed = new float[DeltaInput.Length];                                      // (G·H, L·N)
        HiddenTransposed = kind == CellKind.Gru ? new float[DeltaInput.Length] : InputTransposed;
        WeightHh = new PackedWeights(hidden, gateWidth, panelWidth);                        // B = W_hh (G·H, H)
        WeightIh = new PackedWeights(inputSize, gateWidth, panelWidth);                     // B = W_ih (G·H, H_in)
        Input = new PackedWeights(inputSize, rows, panelWidth);                             // B = X (L·N, H_in)
        HiddenBefore = new PackedWeights(hidden, rows, panelWidth);                         // B = H_before (L·N, H)
    }

    public int PanelWidth { get; }

    public float[] DeltaInput { get; }

    /// <summary>GRU's deltas as W_hh sees them; the same array as <see cref="DeltaInput"/> for RNN and LSTM.</summary>
    public float[] DeltaHidden { get; }

    public float[] InputTransposed { get; }

    public float[] HiddenTransposed { get; }

    public PackedWeights WeightHh { get; }

    public PackedWeights WeightIh { get; }

    public PackedWeights Input { get; }

    public PackedWeights HiddenBefore { get; }
}
