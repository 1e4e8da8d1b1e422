// The element-wise part of a time step for a block of batch rows, vectorised with TensorPrimitives (tanh, sigmoid, FMA).
using System.Numerics.Tensors;

namespace Recurrent.Kernels;

/// <summary>
/// The formulas of <see cref="CellUpdate"/>, applied gate block by gate block: each gate's pre-activations for the
/// block's rows are one contiguous run of <c>count = rows·H</c> floats, <paramref name="gateStride"/> apart, so every
/// step costs a fixed handful of TensorPrimitives calls whatever the batch size. Gates already hold
/// W_ih·x + W_hh·h + both biases, except GRU's n gate, which holds W_in·x + b_in, with W_hn·h + b_hn in newGate.
/// </summary>
internal static unsafe class SimdCells
{
    /// <summary>Overwrites the gates; updates h (and LSTM's c) in place, all (rows, H) contiguous.</summary>
    public static void Update(CellKind kind, Nonlinearity nonlinearity, int count, float* gates, nint gateStride,
        float* h, float* c, float* newGate)
    {
        var state = new Span<float>(h, count);
        var first = new Span<float>(gates, count);
        var second = new Span<float>(gates + gateStride, count);
        var third = new Span<float>(gates + 2 * gateStride, count);
        switch (kind)
        {
            case CellKind.Rnn when nonlinearity == Nonlinearity.Tanh:
                TensorPrimitives.Tanh(first, state);
                break;
            case CellKind.Rnn:
                TensorPrimitives.Max(first, 0f, state);
                break;
            case CellKind.Lstm:
                Lstm(first, second, third, new Span<float>(gates + 3 * gateStride, count), new Span<float>(c, count), state);
                break;
            default:
                Gru(first, second, third, new Span<float>(newGate, count), state);
                break;
        }
    }

    /// <summary>c = f⊙c + i⊙g, h = o⊙tanh(c).</summary>
    private static void Lstm(Span<float> i, Span<float> f, Span<float> g, Span<float> o, Span<float> c, Span<float> h)
    {
        TensorPrimitives.Sigmoid(i, i);
        TensorPrimitives.Sigmoid(f, f);
        TensorPrimitives.Tanh(g, g);
        TensorPrimitives.Sigmoid(o, o);
        TensorPrimitives.Multiply(i, g, i);                 // i⊙g
        TensorPrimitives.FusedMultiplyAdd(f, c, i, c);      // c = f⊙c + i⊙g
        TensorPrimitives.Tanh(c, g);                        // tanh(c), in g's place
        TensorPrimitives.Multiply(o, g, h);
    }

    /// <summary>n = tanh(gx_n + r⊙(W_hn·h + b_hn)), h' = n + z⊙(h − n) = (1 − z)⊙n + z⊙h.</summary>
    private static void Gru(Span<float> r, Span<float> z, Span<float> n, Span<float> newGate, Span<float> h)
    {
        TensorPrimitives.Sigmoid(r, r);
        TensorPrimitives.Sigmoid(z, z);
        TensorPrimitives.Multiply(r, newGate, newGate);     // r⊙(W_hn·h + b_hn)
        TensorPrimitives.Add(n, newGate, n);
        TensorPrimitives.Tanh(n, n);
        TensorPrimitives.Subtract(h, n, h);                 // h − n
        TensorPrimitives.FusedMultiplyAdd(z, h, n, h);      // n + z⊙(h − n)
    }
}
