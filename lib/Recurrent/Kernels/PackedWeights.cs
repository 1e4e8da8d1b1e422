// A weight matrix W (G·H × depth, PyTorch's row-major layout) rearranged for the micro-kernel as W^T in column panels.
using System.Runtime.InteropServices;

namespace Recurrent.Kernels;

/// <summary>
/// Holds B = W^T (depth × columns) for <c>C = A · W^T</c>, its columns in the <see cref="GateLayout"/>'s order, stored in
/// panels of <see cref="PanelWidth"/> columns, each panel k-major (<c>Data[(p·depth + k)·PanelWidth + j]</c>), the last
/// one zero-padded (even when that is the only panel: a matrix narrower than a panel takes the same path, so its sums
/// are formed in the same order at every vector width). <see cref="Bias"/> is ordered and padded the same way.
/// The weights are live tensors a caller may change between calls, so every call hands them in again; packing is
/// skipped when they are bit for bit those of the last call (a memory compare is cheaper than the strided repack).
/// </summary>
internal sealed unsafe class PackedWeights
{
    private readonly GateLayout _layout;
    private readonly PinnedBuffer _data;
    private readonly PinnedBuffer _bias;
    private float[]? _packedFrom;                       // the weights of the last Pack (null until Pack is used)
    private float[]? _biasFrom;                         // and its bias
    private int _biasLength = -1;                       // the bias length of the last Pack; -1 when the last packing was not a Pack

    public PackedWeights(GateLayout layout, int depth, int panelWidth)
    {
        _layout = layout;
        Columns = layout.RowWidth;
        Depth = depth;
        PanelWidth = panelWidth;
        Panels = (Columns + panelWidth - 1) / panelWidth;
        _data = new PinnedBuffer(Panels * panelWidth * depth);
        _bias = new PinnedBuffer(Panels * panelWidth);
    }

    /// <summary>A plain matrix of <paramref name="columns"/> columns, in its own order (one gate, unpadded).</summary>
    public PackedWeights(int columns, int depth, int panelWidth) : this(new GateLayout(1, columns, 1), depth, panelWidth)
    {
    }

    public int Columns { get; }

    public int Depth { get; }

    public int PanelWidth { get; }

    public int Panels { get; }

    public float* Data => _data.Pointer;

    public float* Bias => _bias.Pointer;

    /// <summary>Copies <paramref name="weight"/> (G·H × depth) in, and the bias (G·H, or empty for zeros).</summary>
    public void Pack(ReadOnlySpan<float> weight, ReadOnlySpan<float> bias)
    {
        var sourceRows = _layout.Gates * _layout.Hidden;
        weight = weight[..(sourceRows * Depth)];
        _packedFrom ??= new float[sourceRows * Depth];
        _biasFrom ??= new float[sourceRows];
        if (bias.Length == _biasLength && SameBits(bias, _biasFrom.AsSpan(0, bias.Length)) && SameBits(weight, _packedFrom))
        {
            return;
        }
        weight.CopyTo(_packedFrom);
        bias.CopyTo(_biasFrom);
        _biasLength = bias.Length;
        var packedBias = _bias.Span;
        packedBias.Clear();
        var packed = _data.Span;
        packed.Clear();
        var width = PanelWidth;
        for (var column = 0; column < Columns; column++)
        {
            var source = _layout.SourceRow(column);
            if (source < 0)
            {
                continue;
            }
            if (!bias.IsEmpty)
            {
                packedBias[column] = bias[source];
            }
            var (p, j) = Math.DivRem(column, width);
            var panel = packed.Slice(p * Depth * width, Depth * width);
            var row = weight.Slice(source * Depth, Depth);                     // W[source, :]
            for (var k = 0; k < row.Length; k++)
            {
                panel[k * width + j] = row[k];
            }
        }
    }

    /// <summary>
    /// Copies in B itself, given row-major as (depth × columns), with a zero bias: for <c>C = A · B</c> when B is a
    /// matrix as stored (the backward pass's W_hh, W_ih and the saved inputs and states), not a weight to transpose.
    /// </summary>
    public void PackTransposed(ReadOnlySpan<float> b)
    {
        b = b[..(Columns * Depth)];
        _biasLength = -1;                               // what Pack last packed is gone
        _bias.Span.Clear();
        var width = PanelWidth;
        for (var p = 0; p < Panels; p++)
        {
            var panel = _data.Span.Slice(p * Depth * width, Depth * width);
            var first = p * width;
            var count = Math.Min(width, Columns - first);
            if (count < width)
            {
                panel.Clear();
            }
            for (var k = 0; k < Depth; k++)
            {
                b.Slice(k * Columns + first, count).CopyTo(panel.Slice(k * width, count));   // B[k, first..]
            }
        }
    }

    private static bool SameBits(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        MemoryMarshal.AsBytes(a).SequenceEqual(MemoryMarshal.AsBytes(b));
}
