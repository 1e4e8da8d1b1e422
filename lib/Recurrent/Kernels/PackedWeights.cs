// A weight matrix W (columns × depth, PyTorch's row-major layout) rearranged for the micro-kernel as W^T in column panels.
using System.Runtime.InteropServices;

namespace Recurrent.Kernels;

/// <summary>
/// Holds B = W^T (depth × columns) for <c>C = A · W^T</c>. With at least one full panel of columns, B is stored in
/// panels of <see cref="PanelWidth"/> columns, each panel k-major (<c>Data[(p·depth + k)·PanelWidth + j]</c>), the last
/// one zero-padded (even when that is the only panel: a matrix narrower than a panel takes the same path, so its
/// sums are formed in the same order at every vector width). <see cref="Bias"/> is padded the same way.
/// The weights are live tensors a caller may change between calls, so every call hands them in again; packing is
/// skipped when they are bit for bit those of the last call (a memory compare is cheaper than the strided repack).
/// </summary>
internal sealed unsafe class PackedWeights
{
    private readonly PinnedBuffer _data;
    private readonly PinnedBuffer _bias;
    private float[]? _packedFrom;                       // the weights of the last Pack (null until Pack is used)
    private int _biasLength = -1;                       // and its bias length; -1 when the last packing was not a Pack

    public PackedWeights(int columns, int depth, int panelWidth)
    {
        Columns = columns;
        Depth = depth;
        PanelWidth = panelWidth;
        Panels = (columns + panelWidth - 1) / panelWidth;
        _data = new PinnedBuffer(Panels * panelWidth * depth);
        _bias = new PinnedBuffer(Panels * panelWidth);
    }

    public int Columns { get; }

    public int Depth { get; }

    public int PanelWidth { get; }

    public int Panels { get; }

    public float* Data => _data.Pointer;

    public float* Bias => _bias.Pointer;

    /// <summary>Copies <paramref name="weight"/> (columns × depth) in, and the bias (columns, or empty for zeros).</summary>
    public void Pack(ReadOnlySpan<float> weight, ReadOnlySpan<float> bias)
    {
        weight = weight[..(Columns * Depth)];
        _packedFrom ??= new float[Columns * Depth];
        if (bias.Length == _biasLength && SameBits(bias, _bias.Span[..bias.Length]) && SameBits(weight, _packedFrom))
        {
            return;
        }
        weight.CopyTo(_packedFrom);
        _biasLength = bias.Length;
        _bias.Span.Clear();
        bias.CopyTo(_bias.Span);
        var packed = _data.Span;
        var width = PanelWidth;
        for (var p = 0; p < Panels; p++)
        {
            var panel = packed.Slice(p * Depth * width, Depth * width);
            var first = p * width;
            var count = Math.Min(width, Columns - first);
            if (count < width)
            {
                panel.Clear();
            }
            for (var j = 0; j < count; j++)
            {
                var row = weight.Slice((first + j) * Depth, Depth);          // W[first + j, :]
                for (var k = 0; k < row.Length; k++)
                {
                    panel[k * width + j] = row[k];
                }
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
