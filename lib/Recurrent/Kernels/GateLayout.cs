// How a cell's G gates sit in one row of the gate buffer: interleaved per block of one vector of hidden units.
namespace Recurrent.Kernels;

/// <summary>
/// PyTorch stacks the gates' weight rows gate by gate (i, f, g, o: rows q·H + j). The kernels reorder those rows so
/// one product per step computes every gate, and each vector of <see cref="Block"/> hidden units finds its G gates
/// side by side: column <c>u·G·Block + q·Block + l</c> holds gate q of unit <c>u·Block + l</c>. H is padded up to whole
/// blocks (the padding columns have zero weights and bias). A one-gate cell (RNN) keeps PyTorch's order, unpadded.
/// The order depends on the vector width, the arithmetic does not: each element is still summed alone in k order.
/// </summary>
internal sealed record GateLayout(int Gates, int Hidden, int Block)
{
    /// <summary>H rounded up to whole blocks (H itself for one gate).</summary>
    public int PaddedHidden => Gates == 1 ? Hidden : (Hidden + Block - 1) / Block * Block;

    /// <summary>Floats per batch row of the gate buffer: G·PaddedHidden.</summary>
    public int RowWidth => Gates * PaddedHidden;

    /// <summary>The PyTorch weight row (q·H + j) that gate-buffer column <paramref name="column"/> holds, or −1 for padding.</summary>
    public int SourceRow(int column)
    {
        if (Gates == 1)
        {
            return column;
        }
        var (unitBlock, within) = Math.DivRem(column, Gates * Block);
        var (gate, lane) = Math.DivRem(within, Block);
        var unit = unitBlock * Block + lane;
        return unit < Hidden ? gate * Hidden + unit : -1;
    }
}
