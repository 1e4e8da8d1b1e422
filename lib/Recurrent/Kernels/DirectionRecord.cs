// What one direction of one layer keeps from a recording forward pass: per step, what its backward reads.
namespace Recurrent.Kernels;

/// <summary>
/// Filled by the kernel just before each step's cell update, for the rows that take part in the step, so its
/// backward can recompute every gate activation with the same formulas instead of storing them all: the gate
/// pre-activations, the state the step started from, and the weights as they were. Rows are time-major,
/// <c>t·N + n</c>; rows a packed batch skips stay zero. A graph keeps its record while later forward passes run;
/// once its backward has run, the module may reuse the buffers for a later call (see <see cref="StackRecord"/>),
/// so the memory stays warm instead of being new pages every training step.
/// </summary>
internal sealed unsafe class DirectionRecord
{
    private readonly int _batch;
    private readonly int _hidden;
    private readonly int _gateWidth;

    public DirectionRecord(CellKind kind, int steps, int batch, int hidden, Tensor weightIh, Tensor weightHh)
    {
        (_batch, _hidden, _gateWidth) = (batch, hidden, kind.GateCount() * hidden);
        var rows = checked(steps * batch);
        Gates = new float[checked(rows * _gateWidth)];
        HiddenBefore = new float[checked(rows * hidden)];
        CellBefore = kind == CellKind.Lstm ? new float[HiddenBefore.Length] : null;
        NewGate = kind == CellKind.Gru ? new float[HiddenBefore.Length] : null;
        WeightIh = weightIh.ToArray();
        WeightHh = weightHh.ToArray();
    }

    /// <summary>The backward pass for this direction with its buffers, kept with the record so reuse keeps them too.</summary>
    public DirectionBackward? Backward { get; set; }

    /// <summary>
    /// (L·N, G·H): W_ih·x + b_ih + W_hh·h + b_hh per gate, except GRU's n gate, which holds W_in·x + b_in only.
    /// </summary>
    public float[] Gates { get; }

    /// <summary>(L·N, H): h_(t−1), the hidden state each step started from.</summary>
    public float[] HiddenBefore { get; }

    /// <summary>LSTM: (L·N, H), c_(t−1).</summary>
    public float[]? CellBefore { get; }

    /// <summary>GRU: (L·N, H), W_hn·h_(t−1) + b_hn, which r multiplies.</summary>
    public float[]? NewGate { get; }

    /// <summary>(G·H, H_in) and (G·H, H): the weights this forward pass used.</summary>
    public float[] WeightIh { get; }

    public float[] WeightHh { get; }

    /// <summary>Readies the buffers for another call: the weights as they are now, and zeros where a packed batch skips rows.</summary>
    public void Reuse(Tensor weightIh, Tensor weightHh, bool packed)
    {
        weightIh.CopyTo(WeightIh);
        weightHh.CopyTo(WeightHh);
        if (packed)
        {
            Array.Clear(Gates);
            Array.Clear(HiddenBefore);
        }
    }

    /// <summary>
    /// Saves step <paramref name="t"/> for batch rows [first, first + rows), in PyTorch's gate order. The pointers are
    /// the kernel's, as its cell update reads them: each row's gates in <paramref name="layout"/>'s order
    /// (<c>layout.RowWidth</c> apart), for GRU with W_hh·h + b_hh in <paramref name="hiddenGates"/> laid out alike
    /// (its r and z pre-activations are the sums the cell update forms); (rows, H) blocks for h and c (LSTM).
    /// </summary>
    public void Save(int t, int first, int rows, GateLayout layout, float* gates, float* hiddenGates, float* h, float* c)
    {
        var row = (nint)t * _batch + first;
        var count = rows * _hidden;
        var (block, gateCount) = (layout.Block, layout.Gates);
        fixed (float* saved = Gates, newGate = NewGate)
        {
            for (var r = 0; r < rows; r++)
            {
                var from = gates + (nint)r * layout.RowWidth;                  // unit block u, gate q, lane l at (u·G + q)·B + l
                var hiddenFrom = hiddenGates + (nint)r * layout.RowWidth;
                var to = saved + (row + r) * _gateWidth;                        // gate q of unit j at q·H + j
                for (var unit = 0; unit < _hidden; unit += block, from += gateCount * block, hiddenFrom += gateCount * block)
                {
                    var lanes = Math.Min(block, _hidden - unit);
                    for (var q = 0; q < gateCount; q++)
                    {
                        for (var l = 0; l < lanes; l++)
                        {
                            var (column, source) = (q * block + l, q * _hidden + unit + l);
                            if (newGate == null)
                            {
                                to[source] = from[column];
                            }
                            else if (q < 2)
                            {
                                to[source] = from[column] + hiddenFrom[column];     // GRU r, z: as the cell update adds them
                            }
                            else
                            {
                                to[source] = from[column];                          // GRU n: W_in·x + b_in
                                newGate[(row + r) * _hidden + unit + l] = hiddenFrom[column];
                            }
                        }
                    }
                }
            }
        }
        new ReadOnlySpan<float>(h, count).CopyTo(HiddenBefore.AsSpan((int)(row * _hidden), count));
        if (CellBefore is not null)
        {
            new ReadOnlySpan<float>(c, count).CopyTo(CellBefore.AsSpan((int)(row * _hidden), count));
        }
    }
}

/// <summary>
/// A recorded forward pass of a whole layer stack: each layer's input (L, N, H_in or D·H) and each direction's record,
/// in h_n's order. <see cref="Generation"/> counts the calls that have used these buffers: a graph whose record has
/// since been reused by a later call can tell, and refuses a second backward instead of computing it from another
/// call's values.
/// </summary>
internal sealed class StackRecord(int steps, int batch, float[][] layerInputs, DirectionRecord[] directions)
{
    public int Steps { get; } = steps;

    public int Batch { get; } = batch;

    public float[][] LayerInputs { get; } = layerInputs;

    public DirectionRecord[] Directions { get; } = directions;

    public int Generation { get; set; }

    /// <summary>The backward pass's per-layer gradient buffers, (L, N, width) each, kept for reuse like the rest.</summary>
    public float[]?[] LayerGrads { get; } = new float[layerInputs.Length + 1][];

    /// <summary>Layer <paramref name="layer"/>'s gradient buffer of <paramref name="length"/> floats (layer count: the output's).</summary>
    public float[] LayerGrad(int layer, int length) =>
        LayerGrads[layer] is { } buffer && buffer.Length == length ? buffer : LayerGrads[layer] = new float[length];
}
