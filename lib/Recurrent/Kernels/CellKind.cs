// The three recurrent cells and how many gate blocks of size H each stacks in its weight matrices.
namespace Recurrent.Kernels;

internal enum CellKind
{
    Rnn,
    Lstm,
    Gru,
}

internal static class CellKindExtensions
{
    /// <summary>Rows of weight_ih / weight_hh per hidden unit: 1 (RNN), 4 (LSTM: i, f, g, o), 3 (GRU: r, z, n).</summary>
    public static int GateCount(this CellKind kind) => kind switch
    {
        CellKind.Lstm => 4,
        CellKind.Gru => 3,
        _ => 1,
    };
}
