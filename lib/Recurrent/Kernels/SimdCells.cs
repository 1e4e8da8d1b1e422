// The element-wise part of a time step for a block of batch rows, one pass per step on one vector width.
namespace Recurrent.Kernels;

/// <summary>The cell update at one vector width; <see cref="SimdCells.For"/> picks it with the GEMM's width.</summary>
internal interface ICellMath
{
    /// <summary>
    /// Overwrites nothing but h (and LSTM's c), all (rows, H) contiguous: <paramref name="count"/> = rows·H. Each
    /// gate's pre-activations for the rows are one contiguous run, <paramref name="gateStride"/> floats apart, holding
    /// W_ih·x + W_hh·h + both biases, except GRU's n gate, which holds W_in·x + b_in, with W_hn·h + b_hn in
    /// <paramref name="newGate"/>.
    /// </summary>
    unsafe void Update(CellKind kind, Nonlinearity nonlinearity, int count, float* gates, nint gateStride, float* h,
        float* c, float* newGate);
}

internal static class SimdCells
{
    public static ICellMath For(int vectorBits) => vectorBits switch
    {
        512 => new SimdCells<Simd512, System.Runtime.Intrinsics.Vector512<float>>(),
        256 => new SimdCells<Simd256, System.Runtime.Intrinsics.Vector256<float>>(),
        128 => new SimdCells<Simd128, System.Runtime.Intrinsics.Vector128<float>>(),
        _ => new SimdCells<SimdScalar, float>(),
    };
}

/// <summary>
/// One fused pass over the lanes per step: whole vectors, then the tail one float at a time through the scalar
/// instantiation of the same formulas, so every element gets the same bits whichever width computes it.
/// </summary>
internal sealed unsafe class SimdCells<TS, TV> : ICellMath
    where TS : struct, ISimd<TV>
    where TV : struct
{
    public void Update(CellKind kind, Nonlinearity nonlinearity, int count, float* gates, nint gateStride, float* h,
        float* c, float* newGate)
    {
        switch (kind)
        {
            case CellKind.Rnn when nonlinearity == Nonlinearity.Tanh:
                Run<RnnTanhCell>(count, gates, gateStride, h, c, newGate);
                break;
            case CellKind.Rnn:
                Run<RnnReluCell>(count, gates, gateStride, h, c, newGate);
                break;
            case CellKind.Lstm:
                Run<LstmCell>(count, gates, gateStride, h, c, newGate);
                break;
            default:
                Run<GruCell>(count, gates, gateStride, h, c, newGate);
                break;
        }
    }

    private static void Run<TC>(int count, float* gates, nint gateStride, float* h, float* c, float* newGate)
        where TC : struct, ICellLanes
    {
        var i = 0;
        for (; i + TS.Count <= count; i += TS.Count)
        {
            TC.Apply<TS, TV>(gates + i, gateStride, h + i, c + i, newGate + i);
        }
        for (; i < count; i++)
        {
            TC.Apply<SimdScalar, float>(gates + i, gateStride, h + i, c + i, newGate + i);
        }
    }
}

/// <summary>One cell's update of one vector of lanes (see <see cref="ICellMath.Update"/> for the layout).</summary>
internal unsafe interface ICellLanes
{
    static abstract void Apply<TS, TV>(float* gates, nint gateStride, float* h, float* c, float* newGate)
        where TS : struct, ISimd<TV> where TV : struct;
}

/// <summary>h = tanh(a).</summary>
internal readonly unsafe struct RnnTanhCell : ICellLanes
{
    public static void Apply<TS, TV>(float* gates, nint gateStride, float* h, float* c, float* newGate)
        where TS : struct, ISimd<TV> where TV : struct =>
        TS.Store(Activations.Tanh<TS, TV>(TS.Load(gates)), h);
}

/// <summary>h = relu(a).</summary>
internal readonly unsafe struct RnnReluCell : ICellLanes
{
    public static void Apply<TS, TV>(float* gates, nint gateStride, float* h, float* c, float* newGate)
        where TS : struct, ISimd<TV> where TV : struct =>
        TS.Store(Activations.Relu<TS, TV>(TS.Load(gates)), h);
}

/// <summary>i, f, g, o = σ, σ, tanh, σ of the four gate blocks; c = f⊙c + i⊙g (one rounding for the sum); h = o⊙tanh(c).</summary>
internal readonly unsafe struct LstmCell : ICellLanes
{
    public static void Apply<TS, TV>(float* gates, nint gateStride, float* h, float* c, float* newGate)
        where TS : struct, ISimd<TV> where TV : struct
    {
        var i = Activations.Sigmoid<TS, TV>(TS.Load(gates));
        var f = Activations.Sigmoid<TS, TV>(TS.Load(gates + gateStride));
        var g = Activations.Tanh<TS, TV>(TS.Load(gates + 2 * gateStride));
        var o = Activations.Sigmoid<TS, TV>(TS.Load(gates + 3 * gateStride));
        var cell = TS.MultiplyAdd(f, TS.Load(c), TS.Multiply(i, g));
        TS.Store(cell, c);
        TS.Store(TS.Multiply(o, Activations.Tanh<TS, TV>(cell)), h);
    }
}

/// <summary>r, z = σ; n = tanh(gx_n + r⊙(W_hn·h + b_hn)); h' = n + z⊙(h − n) = (1 − z)⊙n + z⊙h.</summary>
internal readonly unsafe struct GruCell : ICellLanes
{
    public static void Apply<TS, TV>(float* gates, nint gateStride, float* h, float* c, float* newGate)
        where TS : struct, ISimd<TV> where TV : struct
    {
        var r = Activations.Sigmoid<TS, TV>(TS.Load(gates));
        var z = Activations.Sigmoid<TS, TV>(TS.Load(gates + gateStride));
        var n = Activations.Tanh<TS, TV>(TS.MultiplyAdd(r, TS.Load(newGate), TS.Load(gates + 2 * gateStride)));
        var state = TS.Load(h);
        TS.Store(TS.MultiplyAdd(z, TS.Subtract(state, n), n), h);
    }
}
