// tanh, sigmoid and ReLU built only from exactly rounded operations, so every width (and the scalar path) gives the same bits.
using System.Runtime.CompilerServices;

namespace Recurrent.Kernels;

/// <summary>
/// The runtime's <c>MathF.Tanh</c> comes from the C library (it differs between glibc, macOS and Windows), and
/// TensorPrimitives computes vector lanes with one formula and the tail with <c>MathF</c>, so which elements fall in
/// the tail (a matter of vector width) changed results. These use one formula per lane made of additions,
/// multiplications, one division and fused multiply-adds, each exactly rounded by IEEE 754, so a lane's result is
/// the same on 512-, 256-, 128-bit and scalar paths and on any CPU. Accuracy: within 3 ulp of the true value over
/// the whole float range (tested against double precision).
/// </summary>
internal static class Activations
{
    private const float Log2E = 1.44269504f;
    private const float Ln2High = 0.693145751953125f;          // ln 2 to 16 bits: n·Ln2High is exact for |n| < 256
    private const float Ln2Low = 1.42860677e-06f;              // ln 2 − Ln2High
    private const float RoundingShift = 12582912f;             // 1.5·2^23: adding it rounds a float to a whole number

    /// <summary>tanh(x) = sign(x)·(−m)/(2 + m) with m = expm1(−2|x|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tanh<TS, TV>(TV x) where TS : struct, ISimd<TV> where TV : struct
    {
        var y = TS.Multiply(TS.Abs(x), TS.Broadcast(-2f));
        var floor = TS.Broadcast(-40f);                         // expm1(−40) is −1 in float: tanh is ±1 beyond
        var (scale, poly) = Reduce<TS, TV>(TS.SelectLess(y, floor, floor, y));
        var m = TS.MultiplyAdd(scale, poly, TS.Subtract(scale, TS.Broadcast(1f)));   // expm1(y)
        var t = TS.Divide(TS.Subtract(TS.Broadcast(0f), m), TS.Add(TS.Broadcast(2f), m));
        return TS.CopySign(t, x);
    }

    /// <summary>σ(x) = 1/(1 + e) for x ≥ 0 and e/(1 + e) for x &lt; 0, with e = exp(−|x|) ≤ 1 (no overflow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sigmoid<TS, TV>(TV x) where TS : struct, ISimd<TV> where TV : struct
    {
        var y = TS.Subtract(TS.Broadcast(0f), TS.Abs(x));
        var floor = TS.Broadcast(-87f);                         // keeps 2^n normal; below it σ(x) < 1.7e−38 is 0
        var (scale, poly) = Reduce<TS, TV>(TS.SelectLess(y, floor, floor, y));
        var e = TS.SelectLess(y, floor, TS.Broadcast(0f), TS.MultiplyAdd(scale, poly, scale));   // exp(y)
        var one = TS.Broadcast(1f);
        return TS.Divide(TS.SelectLess(x, TS.Broadcast(0f), e, one), TS.Add(one, e));
    }

    /// <summary>max(x, 0) with NaN kept and −0 made +0 (adding +0 does that).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Relu<TS, TV>(TV x) where TS : struct, ISimd<TV> where TV : struct
    {
        var zero = TS.Broadcast(0f);
        return TS.Add(TS.SelectLess(x, zero, zero, x), zero);
    }

    public static float Tanh(float x) => Tanh<SimdScalar, float>(x);

    public static float Sigmoid(float x) => Sigmoid<SimdScalar, float>(x);

    public static float Relu(float x) => Relu<SimdScalar, float>(x);

    /// <summary>
    /// exp(y) for y ≤ 0, the argument of the softmax family (x − max), with the same formula as the activations, so
    /// softmax, log-softmax and cross-entropy give the same bits on every CPU and C library (MathF.Exp does not).
    /// Within 2 ulp of the true value for normal results; below e^−87 the result is scaled from e^(y+87), and 0
    /// below e^−104 (under the smallest float). NaN stays NaN.
    /// </summary>
    public static float ExpOfNonPositive(float y)
    {
        if (y >= -87f)
        {
            var (scale, poly) = Reduce<SimdScalar, float>(y);
            return SimdScalar.MultiplyAdd(scale, poly, scale);
        }
        return float.IsNaN(y) ? y : y < -104f ? 0f : ExpOfNonPositive(y + 87f) * ExpMinus87;
    }

    private const float ExpMinus87 = 1.64581145e-38f;          // e^−87 rounded to float

    /// <summary>
    /// For y in [−87, 0]: y = n·ln 2 + r with n whole and |r| ≤ ln 2 / 2; returns 2^n and expm1(r) (degree-8 Taylor,
    /// truncation below 1e−8·|r|), so exp(y) = 2^n + 2^n·p and expm1(y) = 2^n·p + (2^n − 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TV Scale, TV Poly) Reduce<TS, TV>(TV y) where TS : struct, ISimd<TV> where TV : struct
    {
        var shift = TS.Broadcast(RoundingShift);
        var n = TS.Subtract(TS.Add(TS.Multiply(y, TS.Broadcast(Log2E)), shift), shift);
        var minusN = TS.Subtract(TS.Broadcast(0f), n);
        var r = TS.MultiplyAdd(minusN, TS.Broadcast(Ln2High), y);
        r = TS.MultiplyAdd(minusN, TS.Broadcast(Ln2Low), r);
        var q = TS.Broadcast(1f / 40320f);
        q = TS.MultiplyAdd(q, r, TS.Broadcast(1f / 5040f));
        q = TS.MultiplyAdd(q, r, TS.Broadcast(1f / 720f));
        q = TS.MultiplyAdd(q, r, TS.Broadcast(1f / 120f));
        q = TS.MultiplyAdd(q, r, TS.Broadcast(1f / 24f));
        q = TS.MultiplyAdd(q, r, TS.Broadcast(1f / 6f));
        q = TS.MultiplyAdd(q, r, TS.Broadcast(0.5f));
        var p = TS.MultiplyAdd(q, TS.Multiply(r, r), r);        // r + r²·q = expm1(r)
        return (TS.Pow2(n), p);
    }
}
