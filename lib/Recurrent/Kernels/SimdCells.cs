// The element-wise part of a time step for a block of batch rows, one pass per step on one vector width.
using System.Runtime.CompilerServices;

namespace Recurrent.Kernels;

/// <summary>The cell update at one vector width; <see cref="SimdCells.For"/> picks it with the GEMM's width.</summary>
internal interface ICellMath
{
    /// <summary>
    /// Updates h (and LSTM's c), (rows, H) contiguous, from the step's gate rows laid out by <paramref name="layout"/>
    /// (<c>layout.RowWidth</c> floats apart): W_ih·x + W_hh·h + both biases for RNN and LSTM; for GRU W_ih·x + b_ih,
    /// with W_hh·h + b_hh in <paramref name="hiddenGates"/>, laid out alike (r multiplies only its n part).
    /// </summary>
    unsafe void Update(CellKind kind, Nonlinearity nonlinearity, GateLayout layout, int rows, float* gates,
        float* hiddenGates, float* h, float* c);
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
/// One fused pass over the lanes per step: whole vectors, then what is left one float at a time through the scalar
/// instantiation of the same formulas, so every element gets the same bits whichever width computes it.
/// </summary>
internal sealed unsafe class SimdCells<TS, TV> : ICellMath
    where TS : struct, ISimd<TV>
    where TV : struct
{
    public void Update(CellKind kind, Nonlinearity nonlinearity, GateLayout layout, int rows, float* gates,
        float* hiddenGates, float* h, float* c)
    {
        switch (kind)
        {
            case CellKind.Rnn when nonlinearity == Nonlinearity.Tanh:
                Flat<RnnTanhCell>(rows * layout.Hidden, gates, h);
                break;
            case CellKind.Rnn:
                Flat<RnnReluCell>(rows * layout.Hidden, gates, h);
                break;
            case CellKind.Lstm:
                Blocked<LstmCell>(layout, rows, gates, hiddenGates, h, c);
                break;
            default:
                Blocked<GruCell>(layout, rows, gates, hiddenGates, h, c);
                break;
        }
    }

    /// <summary>One gate, rows·H contiguous floats (a one-gate layout keeps rows H apart).</summary>
    private static void Flat<TC>(int count, float* gates, float* h) where TC : struct, ICellLanes
    {
        var i = 0;
        for (; i + TS.Count <= count; i += TS.Count)
        {
            TC.Apply<TS, TV>(gates + i, 0, null, h + i, null);
        }
        for (; i < count; i++)
        {
            TC.Apply<SimdScalar, float>(gates + i, 0, null, h + i, null);
        }
    }

    /// <summary>Row by row, block by block of <c>layout.Block</c> (= one vector) units; a last partial block lane by lane.</summary>
    private static void Blocked<TC>(GateLayout layout, int rows, float* gates, float* hiddenGates, float* h, float* c)
        where TC : struct, ICellLanes
    {
        var (hidden, block, span) = (layout.Hidden, layout.Block, layout.Gates * layout.Block);
        for (var r = 0; r < rows; r++)
        {
            var g = gates + (nint)r * layout.RowWidth;
            var gh = hiddenGates + (nint)r * layout.RowWidth;
            var hr = h + (nint)r * hidden;
            var cr = c + (nint)r * hidden;
            var unit = 0;
            for (; unit + block <= hidden; unit += block, g += span, gh += span)
            {
                TC.Apply<TS, TV>(g, block, gh, hr + unit, cr + unit);
            }
            for (var lane = 0; unit + lane < hidden; lane++)
            {
                TC.Apply<SimdScalar, float>(g + lane, block, gh + lane, hr + unit + lane, cr + unit + lane);
            }
        }
    }
}

/// <summary>One cell's update of one vector of lanes: gate q of these units at <c>gates + q·gateStride</c>.</summary>
internal unsafe interface ICellLanes
{
    /// <remarks>
    /// Implementations are compiled fully optimised at once (AggressiveOptimization): at tier 0 nothing inlines, and
    /// the runtime was seen to leave this generic code at tier 0 for the whole of a long run.
    /// </remarks>
    static abstract void Apply<TS, TV>(float* gates, nint gateStride, float* hiddenGates, float* h, float* c)
        where TS : struct, ISimd<TV> where TV : struct;
}

/// <summary>h = tanh(a).</summary>
internal readonly unsafe struct RnnTanhCell : ICellLanes
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<TS, TV>(float* gates, nint gateStride, float* hiddenGates, float* h, float* c)
        where TS : struct, ISimd<TV> where TV : struct =>
        TS.Store(Activations.Tanh<TS, TV>(TS.Load(gates)), h);
}

/// <summary>h = relu(a).</summary>
internal readonly unsafe struct RnnReluCell : ICellLanes
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<TS, TV>(float* gates, nint gateStride, float* hiddenGates, float* h, float* c)
        where TS : struct, ISimd<TV> where TV : struct =>
        TS.Store(Activations.Relu<TS, TV>(TS.Load(gates)), h);
}

/// <summary>i, f, g, o = σ, σ, tanh, σ of the four gate blocks; c = f⊙c + i⊙g (one rounding for the sum); h = o⊙tanh(c).</summary>
internal readonly unsafe struct LstmCell : ICellLanes
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<TS, TV>(float* gates, nint gateStride, float* hiddenGates, float* h, float* c)
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

/// <summary>r, z = σ(gx + gh); n = tanh(gx_n + r⊙gh_n) (one rounding); h' = n + z⊙(h − n) = (1 − z)⊙n + z⊙h.</summary>
internal readonly unsafe struct GruCell : ICellLanes
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<TS, TV>(float* gates, nint gateStride, float* hiddenGates, float* h, float* c)
        where TS : struct, ISimd<TV> where TV : struct
    {
        var r = Activations.Sigmoid<TS, TV>(TS.Add(TS.Load(gates), TS.Load(hiddenGates)));
        var z = Activations.Sigmoid<TS, TV>(TS.Add(TS.Load(gates + gateStride), TS.Load(hiddenGates + gateStride)));
        var n = Activations.Tanh<TS, TV>(
            TS.MultiplyAdd(r, TS.Load(hiddenGates + 2 * gateStride), TS.Load(gates + 2 * gateStride)));
        var state = TS.Load(h);
        TS.Store(TS.MultiplyAdd(z, TS.Subtract(state, n), n), h);
    }
}
