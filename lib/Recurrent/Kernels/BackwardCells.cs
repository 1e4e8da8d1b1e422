// The element-wise part of one step of backpropagation through time: gate deltas from recomputed activations.
namespace Recurrent.Kernels;

/// <summary>The rows of one backward step, as pointers to their first row; every buffer is row-major.</summary>
internal unsafe struct StepGradients
{
    public float* Gates;            // (rows, G·H) saved pre-activations (see DirectionRecord.Gates)
    public float* HiddenBefore;     // (rows, H) h_(t−1)
    public float* CellBefore;       // LSTM (rows, H) c_(t−1)
    public float* NewGate;          // GRU (rows, H) W_hn·h_(t−1) + b_hn
    public float* OutputGrad;       // rows OutputGradStride apart, H each: ∂L/∂h_t through the layer's output
    public nint OutputGradStride;
    public float* HiddenGrad;       // (rows, H) in: ∂L/∂h_t through step t + 1; out (GRU): the part of ∂L/∂h_(t−1) not through W_hh
    public float* CellGrad;         // LSTM (rows, H) in: ∂L/∂c_t; out: ∂L/∂c_(t−1)
    public float* DeltaInput;       // (rows, G·H) out: ∂L/∂(gate pre-activations), the factor of W_ih, b_ih and x
    public float* DeltaHidden;      // GRU (rows, G·H) out: the factor of W_hh, b_hh and h_(t−1) (n gate times r)
}

/// <summary>The backward pass's element-wise work at one vector width; <see cref="BackwardCells.For"/> picks it.</summary>
internal interface IBackwardMath
{
    /// <summary>One step's gate deltas for <paramref name="rows"/> rows of <paramref name="hidden"/> units.</summary>
    unsafe void Deltas(CellKind kind, Nonlinearity nonlinearity, int rows, int hidden, in StepGradients step);

    /// <summary><c>sums[j] += Σ_r source[r, j]</c>, the rows added in order (a bias gradient).</summary>
    unsafe void AddRows(float* source, int rows, int columns, float* sums);
}

internal static class BackwardCells
{
    public static IBackwardMath For(int vectorBits) => vectorBits switch
    {
        512 => new BackwardCells<Simd512, System.Runtime.Intrinsics.Vector512<float>>(),
        256 => new BackwardCells<Simd256, System.Runtime.Intrinsics.Vector256<float>>(),
        128 => new BackwardCells<Simd128, System.Runtime.Intrinsics.Vector128<float>>(),
        _ => new BackwardCells<SimdScalar, float>(),
    };
}

/// <summary>
/// Whole vectors along each row, then its tail one float at a time through the scalar instantiation of the same
/// formulas, so every element gets the same bits whichever width computes it (as <see cref="SimdCells{TS, TV}"/>).
/// Activations are recomputed from the saved pre-activations with the forward pass's own formulas.
/// </summary>
internal sealed unsafe class BackwardCells<TS, TV> : IBackwardMath
    where TS : struct, ISimd<TV>
    where TV : struct
{
    public void Deltas(CellKind kind, Nonlinearity nonlinearity, int rows, int hidden, in StepGradients step)
    {
        switch (kind)
        {
            case CellKind.Rnn when nonlinearity == Nonlinearity.Tanh:
                Run<RnnTanhDeltas>(rows, hidden, 1, step);
                break;
            case CellKind.Rnn:
                Run<RnnReluDeltas>(rows, hidden, 1, step);
                break;
            case CellKind.Lstm:
                Run<LstmDeltas>(rows, hidden, 4, step);
                break;
            default:
                Run<GruDeltas>(rows, hidden, 3, step);
                break;
        }
    }

    public void AddRows(float* source, int rows, int columns, float* sums)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = source + (nint)r * columns;
            var j = 0;
            for (; j + TS.Count <= columns; j += TS.Count)
            {
                TS.Store(TS.Add(TS.Load(sums + j), TS.Load(row + j)), sums + j);
            }
            for (; j < columns; j++)
            {
                sums[j] += row[j];
            }
        }
    }

    private static void Run<TD>(int rows, int hidden, int gates, in StepGradients step) where TD : struct, IDeltaLanes
    {
        for (var r = 0; r < rows; r++)
        {
            var lanes = new LaneOffsets((nint)r * gates * hidden, (nint)r * hidden, r * step.OutputGradStride, hidden);
            var j = 0;
            for (; j + TS.Count <= hidden; j += TS.Count)
            {
                TD.Apply<TS, TV>(step, lanes.Plus(j));
            }
            for (; j < hidden; j++)
            {
                TD.Apply<SimdScalar, float>(step, lanes.Plus(j));
            }
        }
    }
}

/// <summary>Where lane j of row r sits: in the gate rows, in the (rows, H) buffers, in the output gradient rows.</summary>
internal readonly record struct LaneOffsets(nint Gate, nint Hidden, nint Output, nint Size)
{
    public LaneOffsets Plus(int j) => new(Gate + j, Hidden + j, Output + j, Size);
}

/// <summary>One cell's deltas for one vector of lanes.</summary>
internal unsafe interface IDeltaLanes
{
    static abstract void Apply<TS, TV>(in StepGradients step, LaneOffsets at)
        where TS : struct, ISimd<TV> where TV : struct;
}

/// <summary>
/// Derivatives from the pre-activation a, as products of sigmoids: σ′(a) = σ(a)·σ(−a) and tanh′(a) = 1 − tanh²(a)
/// = 4·σ(2a)·σ(−2a). Where an activation saturates, 1 − y² or s − s² from the rounded activation y or s would
/// cancel to a few significant bits (tanh(a) = 0.99995 is known to 1e−7, 1 − tanh² is 1e−4): these keep the
/// relative accuracy of <see cref="Activations"/> everywhere, so gradients through saturated units stay exact to a
/// few ulp.
/// </summary>
internal static class Slopes
{
    public static TV OfTanh<TS, TV>(TV a) where TS : struct, ISimd<TV> where TV : struct
    {
        var twice = TS.Add(a, a);
        var product = TS.Multiply(Activations.Sigmoid<TS, TV>(twice), Activations.Sigmoid<TS, TV>(Negate<TS, TV>(twice)));
        return TS.Multiply(TS.Broadcast(4f), product);
    }

    /// <summary>σ′(a) given <paramref name="sigmoid"/> = σ(a).</summary>
    public static TV OfSigmoid<TS, TV>(TV a, TV sigmoid) where TS : struct, ISimd<TV> where TV : struct =>
        TS.Multiply(sigmoid, Activations.Sigmoid<TS, TV>(Negate<TS, TV>(a)));

    /// <summary>∂L/∂h_t: what came back through step t + 1 plus what the layer's output received.</summary>
    public static unsafe TV HiddenGrad<TS, TV>(in StepGradients step, LaneOffsets at)
        where TS : struct, ISimd<TV> where TV : struct =>
        TS.Add(TS.Load(step.HiddenGrad + at.Hidden), TS.Load(step.OutputGrad + at.Output));

    private static TV Negate<TS, TV>(TV a) where TS : struct, ISimd<TV> where TV : struct =>
        TS.Subtract(TS.Broadcast(0f), a);
}

/// <summary>h = tanh(a): δ = ∂L/∂h ⊙ tanh′(a).</summary>
internal readonly unsafe struct RnnTanhDeltas : IDeltaLanes
{
    public static void Apply<TS, TV>(in StepGradients step, LaneOffsets at) where TS : struct, ISimd<TV> where TV : struct
    {
        var slope = Slopes.OfTanh<TS, TV>(TS.Load(step.Gates + at.Gate));
        TS.Store(TS.Multiply(Slopes.HiddenGrad<TS, TV>(step, at), slope), step.DeltaInput + at.Gate);
    }
}

/// <summary>h = relu(a): δ = ∂L/∂h where h &gt; 0, else 0.</summary>
internal readonly unsafe struct RnnReluDeltas : IDeltaLanes
{
    public static void Apply<TS, TV>(in StepGradients step, LaneOffsets at) where TS : struct, ISimd<TV> where TV : struct
    {
        var h = Activations.Relu<TS, TV>(TS.Load(step.Gates + at.Gate));
        var zero = TS.Broadcast(0f);
        TS.Store(TS.SelectLess(zero, h, Slopes.HiddenGrad<TS, TV>(step, at), zero), step.DeltaInput + at.Gate);
    }
}

/// <summary>
/// c = f⊙c′ + i⊙g, h = o⊙tanh(c): ∂c = ∂c_next + ∂h⊙o⊙tanh′(c); δi = ∂c⊙g⊙σ′, δf = ∂c⊙c′⊙σ′, δg = ∂c⊙i⊙tanh′,
/// δo = ∂h⊙tanh(c)⊙σ′; ∂c′ = ∂c⊙f.
/// </summary>
internal readonly unsafe struct LstmDeltas : IDeltaLanes
{
    public static void Apply<TS, TV>(in StepGradients step, LaneOffsets at) where TS : struct, ISimd<TV> where TV : struct
    {
        var gates = step.Gates + at.Gate;
        var (ai, af, ag, ao) = (TS.Load(gates), TS.Load(gates + at.Size), TS.Load(gates + 2 * at.Size), TS.Load(gates + 3 * at.Size));
        var i = Activations.Sigmoid<TS, TV>(ai);
        var f = Activations.Sigmoid<TS, TV>(af);
        var g = Activations.Tanh<TS, TV>(ag);
        var o = Activations.Sigmoid<TS, TV>(ao);
        var before = TS.Load(step.CellBefore + at.Hidden);
        var cell = TS.MultiplyAdd(f, before, TS.Multiply(i, g));                   // c_t, as the forward pass formed it
        var dh = Slopes.HiddenGrad<TS, TV>(step, at);
        var dc = TS.MultiplyAdd(TS.Multiply(dh, o), Slopes.OfTanh<TS, TV>(cell), TS.Load(step.CellGrad + at.Hidden));
        var deltas = step.DeltaInput + at.Gate;
        TS.Store(TS.Multiply(TS.Multiply(dc, g), Slopes.OfSigmoid<TS, TV>(ai, i)), deltas);
        TS.Store(TS.Multiply(TS.Multiply(dc, before), Slopes.OfSigmoid<TS, TV>(af, f)), deltas + at.Size);
        TS.Store(TS.Multiply(TS.Multiply(dc, i), Slopes.OfTanh<TS, TV>(ag)), deltas + 2 * at.Size);
        TS.Store(TS.Multiply(TS.Multiply(dh, Activations.Tanh<TS, TV>(cell)), Slopes.OfSigmoid<TS, TV>(ao, o)),
            deltas + 3 * at.Size);
        TS.Store(TS.Multiply(dc, f), step.CellGrad + at.Hidden);
    }
}

/// <summary>
/// n = tanh(a_n + r⊙m) with m = W_hn·h′ + b_hn, h = (1 − z)⊙n + z⊙h′: δn = ∂h⊙(1 − z)⊙tanh′,
/// δz = ∂h⊙(h′ − n)⊙σ′, δr = δn⊙m⊙σ′; W_hh sees δn⊙r in the n gate; ∂h′ = ∂h⊙z + (δh·W_hh, added by the caller).
/// </summary>
internal readonly unsafe struct GruDeltas : IDeltaLanes
{
    public static void Apply<TS, TV>(in StepGradients step, LaneOffsets at) where TS : struct, ISimd<TV> where TV : struct
    {
        var gates = step.Gates + at.Gate;
        var (ar, az) = (TS.Load(gates), TS.Load(gates + at.Size));
        var r = Activations.Sigmoid<TS, TV>(ar);
        var z = Activations.Sigmoid<TS, TV>(az);
        var m = TS.Load(step.NewGate + at.Hidden);
        var an = TS.MultiplyAdd(r, m, TS.Load(gates + 2 * at.Size));                // as the forward pass
        var n = Activations.Tanh<TS, TV>(an);
        var dh = Slopes.HiddenGrad<TS, TV>(step, at);
        var deltaN = TS.Multiply(TS.Multiply(dh, TS.Subtract(TS.Broadcast(1f), z)), Slopes.OfTanh<TS, TV>(an));
        var deltaZ = TS.Multiply(TS.Multiply(dh, TS.Subtract(TS.Load(step.HiddenBefore + at.Hidden), n)),
            Slopes.OfSigmoid<TS, TV>(az, z));
        var deltaR = TS.Multiply(TS.Multiply(deltaN, m), Slopes.OfSigmoid<TS, TV>(ar, r));
        var input = step.DeltaInput + at.Gate;
        var hidden = step.DeltaHidden + at.Gate;
        TS.Store(deltaR, input);
        TS.Store(deltaR, hidden);
        TS.Store(deltaZ, input + at.Size);
        TS.Store(deltaZ, hidden + at.Size);
        TS.Store(deltaN, input + 2 * at.Size);
        TS.Store(TS.Multiply(deltaN, r), hidden + 2 * at.Size);
        TS.Store(TS.Multiply(dh, z), step.HiddenGrad + at.Hidden);
    }
}
