// One direction of one layer over the whole sequence: the unit of work a recurrent kernel computes.
namespace Recurrent.Kernels;

/// <summary>
/// Inputs are time-major rows (L·N rows of <see cref="InputSize"/>). The kernel starts from <see cref="Hidden"/>
/// (and <see cref="Cell"/> for LSTM), leaves the final states there, and writes h_t of batch row n into
/// <c>Output[(t·N + n)·OutputWidth + OutputColumn + j]</c>. Jobs live in a module's <see cref="ForwardWorkspace"/>
/// and are reused while the input shape stays; only the arrays' contents and the last layer's output change per call.
/// </summary>
internal sealed record DirectionJob(
    CellKind Kind,
    Nonlinearity Nonlinearity,
    float[] Input,          // (L, N, H_in)
    int SeqLen,
    int Batch,
    int InputSize,
    int HiddenSize,
    Tensor WeightIh,        // (G·H, H_in)
    Tensor WeightHh,        // (G·H, H)
    Tensor? BiasIh,         // (G·H)
    Tensor? BiasHh,         // (G·H)
    bool Reverse,
    float[] Hidden,         // (N, H), in and out
    float[]? Cell,          // (N, H), LSTM only
    float[] Output,         // (L, N, D·H)
    int OutputColumn,
    int OutputWidth)
{
    /// <summary>The first layer reads the caller's input array when it is dense and time-major (no copy), so this is set per call.</summary>
    public float[] Input { get; set; } = Input;

    /// <summary>The last layer writes straight into the array the caller gets back, so this one is set per call.</summary>
    public float[] Output { get; set; } = Output;

    /// <summary>Whatever a kernel keeps for this job between calls (packed weights, gate buffers), or null.</summary>
    public object? KernelState { get; set; }

    /// <summary>Set for a call that records for backward: what the kernel saves before each step's cell update.</summary>
    public DirectionRecord? Record { get; set; }

    /// <summary>
    /// Set for a packed batch: at step t only rows [0, BatchSizes[t]) take part (the sequences are sorted longest
    /// first); the others keep their state, so a finished sequence keeps its last one and a reverse direction starts
    /// each sequence from its initial state at its own last element.
    /// </summary>
    public int[]? BatchSizes { get; set; }

}
