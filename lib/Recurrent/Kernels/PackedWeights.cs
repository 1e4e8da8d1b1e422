// A weight matrix W (columns × depth, PyTorch's row-major layout) rearranged for the micro-kernel as W^T in column panels.
namespace Recurrent.Kernels;

/// <summary>
/// Holds B = W^T (depth × columns) for <c>C = A · W^T</c>. With at least one full panel of columns, B is stored in
/// panels of <see cref="PanelWidth"/> columns, each panel k-major (<c>Data[(p·depth + k)·PanelWidth + j]</c>), the last
/// one zero-padded; narrower matrices keep W as it is for the scalar path. <see cref="Bias"/> is padded the same way.
/// </summary>
internal sealed unsafe class PackedWeights
{
    private readonly PinnedBuffer _data;
    private readonly PinnedBuffer _bias;

    public PackedWeights(int columns, int depth, int panelWidth)
    {
        Columns = columns;
        Depth = depth;
        PanelWidth = panelWidth;
        IsPanelled = columns >= panelWidth;
        Panels = (columns + panelWidth - 1) / panelWidth;
        _data = new PinnedBuffer(IsPanelled ? Panels * panelWidth * depth : columns * depth);
        _bias = new PinnedBuffer(Panels * panelWidth);
    }

    public int Columns { get; }

    public int Depth { get; }

    public int PanelWidth { get; }

    public int Panels { get; }

    public bool IsPanelled { get; }

    public float* Data => _data.Pointer;

    public float* Bias => _bias.Pointer;

    /// <summary>Copies <paramref name="weight"/> (columns × depth) in, and the bias (columns, or empty for zeros).</summary>
    public void Pack(ReadOnlySpan<float> weight, ReadOnlySpan<float> bias)
    {
        _bias.Span.Clear();
        bias.CopyTo(_bias.Span);
        if (!IsPanelled)
        {
            weight[..(Columns * Depth)].CopyTo(_data.Span);
            return;
        }
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
}
