// The element-wise part of a time step for a block of batch rows, vectorised with TensorPrimitives (tanh, sigmoid, FMA).
using System.Numerics.Tensors;

namespace Recurrent.Kernels;

/// <summary>
/// The same formulas as <see cref="CellUpdate"/>, for rows whose gate pre-activations already hold
/// W_ih·x + W_hh·h + both biases (GRU's n block: W_in·x + b_in only, with W_hn·h + b_hn given apart).
/// </summary>
internal static unsafe class SimdCells
{
    /// <summary>
    /// Updates <paramref name="rows"/> batch rows. gates: (rows, G·H), overwritten; hPrev: (rows, H) with stride ldh;
    /// cell: (rows, H), LSTM only, updated in place; newGate: (rows, H), GRU only, overwritten; h_t goes to output
    /// (rows, H) with stride ldo.
    /// </summary>
    public static void Update(CellKind kind, Nonlinearity nonlinearity, int rows, int hidden, float* gates,
        float* hPrev, int ldh, float* cell, float* newGate, float* output, int ldo)
    {
        var stride = kind.GateCount() * hidden;
        if (kind == CellKind.Rnn && ldo == hidden)
        {
            // Gates and outputs are both one contiguous (rows, H) block: one call for all rows.
            Activate(nonlinearity, new Span<float>(gates, rows * hidden), new Span<float>(output, rows * hidden));
            return;
        }
        for (var r = 0; r < rows; r++)
        {
            var g = new Span<float>(gates + (nint)r * stride, stride);
            var h = new Span<float>(output + (nint)r * ldo, hidden);
            switch (kind)
            {
                case CellKind.Rnn:
                    Activate(nonlinearity, g, h);
                    break;
                case CellKind.Lstm:
                    Lstm(hidden, g, new Span<float>(cell + (nint)r * hidden, hidden), h);
                    break;
                default:
                    Gru(hidden, g, new Span<float>(newGate + (nint)r * hidden, hidden),
                        new ReadOnlySpan<float>(hPrev + (nint)r * ldh, hidden), h);
                    break;
            }
        }
    }

    private static void Activate(Nonlinearity nonlinearity, Span<float> preActivation, Span<float> h)
    {
        if (nonlinearity == Nonlinearity.Tanh)
        {
            TensorPrimitives.Tanh(preActivation, h);
        }
        else
        {
            TensorPrimitives.Max(preActivation, 0f, h);
        }
    }

    /// <summary>Gates i, f, g, o: c = f⊙c + i⊙g, h = o⊙tanh(c).</summary>
    private static void Lstm(int size, Span<float> gates, Span<float> c, Span<float> h)
    {
        var inputForget = gates[..(2 * size)];
        var i = gates[..size];
        var f = gates.Slice(size, size);
        var g = gates.Slice(2 * size, size);
        var o = gates.Slice(3 * size, size);
        TensorPrimitives.Sigmoid(inputForget, inputForget);
        TensorPrimitives.Tanh(g, g);
        TensorPrimitives.Sigmoid(o, o);
        TensorPrimitives.Multiply(i, g, i);                 // i⊙g
        TensorPrimitives.FusedMultiplyAdd(f, c, i, c);      // c = f⊙c + i⊙g
        TensorPrimitives.Tanh(c, g);                        // tanh(c), in g's place
        TensorPrimitives.Multiply(o, g, h);
    }

    /// <summary>Gates r, z, n: n = tanh(gx_n + r⊙(W_hn·h + b_hn)), h' = n + z⊙(h − n) = (1 − z)⊙n + z⊙h.</summary>
    private static void Gru(int size, Span<float> gates, Span<float> newGate, ReadOnlySpan<float> hPrev, Span<float> h)
    {
        var resetUpdate = gates[..(2 * size)];
        var r = gates[..size];
        var z = gates.Slice(size, size);
        var n = gates.Slice(2 * size, size);
        TensorPrimitives.Sigmoid(resetUpdate, resetUpdate);
        TensorPrimitives.Multiply(r, newGate, newGate);     // r⊙(W_hn·h + b_hn)
        TensorPrimitives.Add(n, newGate, n);
        TensorPrimitives.Tanh(n, n);
        TensorPrimitives.Subtract(hPrev, n, h);             // h − n
        TensorPrimitives.FusedMultiplyAdd(z, h, n, h);      // n + z⊙(h − n)
    }
}
