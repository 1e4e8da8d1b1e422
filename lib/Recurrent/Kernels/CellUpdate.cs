// The element-wise part of one time step for each cell, given the two projections W_ih·x + b_ih and W_hh·h + b_hh.
namespace Recurrent.Kernels;

internal static class CellUpdate
{
    /// <summary>
    /// Updates one batch row's hidden (and cell) state in place from its gate pre-activations, each G·H long.
    /// RNN: h = act(gx + gh). LSTM: i, f, g, o blocks; c = f⊙c + i⊙g; h = o⊙tanh(c).
    /// GRU: r, z, n blocks; n = tanh(gx_n + r⊙gh_n); h = (1 − z)⊙n + z⊙h.
    /// </summary>
    public static void Apply(CellKind kind, Nonlinearity nonlinearity, ReadOnlySpan<float> gx, ReadOnlySpan<float> gh,
        Span<float> h, Span<float> c)
    {
        var size = h.Length;
        switch (kind)
        {
            case CellKind.Rnn:
                for (var j = 0; j < size; j++)
                {
                    var a = gx[j] + gh[j];
                    h[j] = nonlinearity == Nonlinearity.Tanh ? Activations.Tanh(a) : Activations.Relu(a);
                }
                break;
            case CellKind.Lstm:
                for (var j = 0; j < size; j++)
                {
                    var i = Activations.Sigmoid(gx[j] + gh[j]);
                    var f = Activations.Sigmoid(gx[size + j] + gh[size + j]);
                    var g = Activations.Tanh(gx[2 * size + j] + gh[2 * size + j]);
                    var o = Activations.Sigmoid(gx[3 * size + j] + gh[3 * size + j]);
                    c[j] = f * c[j] + i * g;
                    h[j] = o * Activations.Tanh(c[j]);
                }
                break;
            case CellKind.Gru:
                for (var j = 0; j < size; j++)
                {
                    var r = Activations.Sigmoid(gx[j] + gh[j]);
                    var z = Activations.Sigmoid(gx[size + j] + gh[size + j]);
                    var n = Activations.Tanh(gx[2 * size + j] + r * gh[2 * size + j]);
                    h[j] = (1f - z) * n + z * h[j];
                }
                break;
        }
    }

}
