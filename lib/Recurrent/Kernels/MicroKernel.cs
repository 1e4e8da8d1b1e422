// The register-blocked inner loop of every product: an R×2W block of C held in 2R vector registers while k runs.
using System.Runtime.CompilerServices;

namespace Recurrent.Kernels;

internal static unsafe class MicroKernel
{
    /// <summary>
    /// For r &lt; R and j &lt; 2W (W = floats per vector): <c>C[r, j] = init[j] + Σ_k A[r, k] · B[k, j]</c>, where
    /// init is the vector <paramref name="rowInit"/> shared by all rows (a bias), or C itself when it is null
    /// (accumulate). A is row-major with stride <paramref name="lda"/>; B is one packed panel, 2W floats per k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<TS, TV, TR>(float* a, int lda, float* b, int depth, float* c, int ldc, float* rowInit)
        where TS : struct, ISimd<TV>
        where TV : struct
        where TR : struct, IRowCount
    {
        var w = TS.Count;
        var r = TR.Count;
        float* a0 = a, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda, a6 = a5 + lda, a7 = a6 + lda;
        float* c0 = c, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;

        // x holds columns [0, W) of a row, y columns [W, 2W).
        TV x0, y0, x1, y1, x2, y2, x3, y3, x4, y4, x5, y5, x6, y6, x7, y7;
        if (rowInit != null)
        {
            var left = TS.Load(rowInit);
            var right = TS.Load(rowInit + w);
            (x0, y0, x1, y1, x2, y2, x3, y3) = (left, right, left, right, left, right, left, right);
            (x4, y4, x5, y5, x6, y6, x7, y7) = (left, right, left, right, left, right, left, right);
        }
        else
        {
            x0 = TS.Load(c0); y0 = TS.Load(c0 + w);
            x1 = r > 1 ? TS.Load(c1) : default; y1 = r > 1 ? TS.Load(c1 + w) : default;
            x2 = r > 2 ? TS.Load(c2) : default; y2 = r > 2 ? TS.Load(c2 + w) : default;
            x3 = r > 3 ? TS.Load(c3) : default; y3 = r > 3 ? TS.Load(c3 + w) : default;
            x4 = r > 4 ? TS.Load(c4) : default; y4 = r > 4 ? TS.Load(c4 + w) : default;
            x5 = r > 5 ? TS.Load(c5) : default; y5 = r > 5 ? TS.Load(c5 + w) : default;
            x6 = r > 6 ? TS.Load(c6) : default; y6 = r > 6 ? TS.Load(c6 + w) : default;
            x7 = r > 7 ? TS.Load(c7) : default; y7 = r > 7 ? TS.Load(c7 + w) : default;
        }

        if (r == 1)
        {
            // One row (a matrix-vector step): split k over four chains so the FMAs do not wait on each other.
            (x1, y1, x2, y2, x3, y3) = (default, default, default, default, default, default);
            var k4 = depth & ~3;
            for (var k = 0; k < k4; k += 4, b += 8 * w)
            {
                x0 = TS.MultiplyAdd(TS.Broadcast(a0[k]), TS.Load(b), x0);
                y0 = TS.MultiplyAdd(TS.Broadcast(a0[k]), TS.Load(b + w), y0);
                x1 = TS.MultiplyAdd(TS.Broadcast(a0[k + 1]), TS.Load(b + 2 * w), x1);
                y1 = TS.MultiplyAdd(TS.Broadcast(a0[k + 1]), TS.Load(b + 3 * w), y1);
                x2 = TS.MultiplyAdd(TS.Broadcast(a0[k + 2]), TS.Load(b + 4 * w), x2);
                y2 = TS.MultiplyAdd(TS.Broadcast(a0[k + 2]), TS.Load(b + 5 * w), y2);
                x3 = TS.MultiplyAdd(TS.Broadcast(a0[k + 3]), TS.Load(b + 6 * w), x3);
                y3 = TS.MultiplyAdd(TS.Broadcast(a0[k + 3]), TS.Load(b + 7 * w), y3);
            }
            for (var k = k4; k < depth; k++, b += 2 * w)
            {
                x0 = TS.MultiplyAdd(TS.Broadcast(a0[k]), TS.Load(b), x0);
                y0 = TS.MultiplyAdd(TS.Broadcast(a0[k]), TS.Load(b + w), y0);
            }
            TS.Store(Sum<TS, TV>(x0, x1, x2, x3), c0);
            TS.Store(Sum<TS, TV>(y0, y1, y2, y3), c0 + w);
            return;
        }

        for (var k = 0; k < depth; k++, b += 2 * w)
        {
            var lo = TS.Load(b);
            var hi = TS.Load(b + w);
            var s = TS.Broadcast(a0[k]); x0 = TS.MultiplyAdd(s, lo, x0); y0 = TS.MultiplyAdd(s, hi, y0);
            if (r > 1) { s = TS.Broadcast(a1[k]); x1 = TS.MultiplyAdd(s, lo, x1); y1 = TS.MultiplyAdd(s, hi, y1); }
            if (r > 2) { s = TS.Broadcast(a2[k]); x2 = TS.MultiplyAdd(s, lo, x2); y2 = TS.MultiplyAdd(s, hi, y2); }
            if (r > 3) { s = TS.Broadcast(a3[k]); x3 = TS.MultiplyAdd(s, lo, x3); y3 = TS.MultiplyAdd(s, hi, y3); }
            if (r > 4) { s = TS.Broadcast(a4[k]); x4 = TS.MultiplyAdd(s, lo, x4); y4 = TS.MultiplyAdd(s, hi, y4); }
            if (r > 5) { s = TS.Broadcast(a5[k]); x5 = TS.MultiplyAdd(s, lo, x5); y5 = TS.MultiplyAdd(s, hi, y5); }
            if (r > 6) { s = TS.Broadcast(a6[k]); x6 = TS.MultiplyAdd(s, lo, x6); y6 = TS.MultiplyAdd(s, hi, y6); }
            if (r > 7) { s = TS.Broadcast(a7[k]); x7 = TS.MultiplyAdd(s, lo, x7); y7 = TS.MultiplyAdd(s, hi, y7); }
        }

        TS.Store(x0, c0); TS.Store(y0, c0 + w);
        if (r > 1) { TS.Store(x1, c1); TS.Store(y1, c1 + w); }
        if (r > 2) { TS.Store(x2, c2); TS.Store(y2, c2 + w); }
        if (r > 3) { TS.Store(x3, c3); TS.Store(y3, c3 + w); }
        if (r > 4) { TS.Store(x4, c4); TS.Store(y4, c4 + w); }
        if (r > 5) { TS.Store(x5, c5); TS.Store(y5, c5 + w); }
        if (r > 6) { TS.Store(x6, c6); TS.Store(y6, c6 + w); }
        if (r > 7) { TS.Store(x7, c7); TS.Store(y7, c7 + w); }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Sum<TS, TV>(TV p, TV q, TV u, TV v) where TS : struct, ISimd<TV> where TV : struct =>
        TS.Add(TS.Add(p, q), TS.Add(u, v));
}
