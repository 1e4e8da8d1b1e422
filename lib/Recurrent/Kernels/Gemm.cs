// C = init + A · W^T over packed weights: 8-row blocks of A against every column panel, edges through a scratch tile.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Recurrent.Kernels;

/// <summary>A matrix product for one vector width; <see cref="Gemm.For"/> picks the widest one the machine runs fast.</summary>
internal interface IGemm
{
    /// <summary>Columns per packed panel: two vectors.</summary>
    int PanelWidth { get; }

    /// <summary>
    /// <c>C[i, j] = init + Σ_k A[i, k] · W[j, k]</c> for i &lt; <paramref name="rows"/>, j &lt; W.Columns, where init is
    /// C[i, j] itself when <paramref name="accumulate"/>, else W's bias. A and C are row-major with strides lda, ldc.
    /// </summary>
    unsafe void Multiply(PackedWeights w, float* a, int lda, int rows, float* c, int ldc, bool accumulate);
}

internal static class Gemm
{
    public static IGemm For(int vectorBits) => vectorBits switch
    {
        512 => new Gemm<Simd512, Vector512<float>>(),
        256 => new Gemm<Simd256, Vector256<float>>(),
        128 => new Gemm<Simd128, Vector128<float>>(),
        0 => new Gemm<SimdScalar, float>(),
        _ => throw new ArgumentOutOfRangeException(nameof(vectorBits), vectorBits, "expected 512, 256, 128 or 0 (scalar)"),
    };

    /// <summary>The widest vector width this machine accelerates; 0 for the scalar path.</summary>
    public static int BestVectorBits =>
        Simd512.IsSupported ? 512 : Simd256.IsSupported ? 256 : Simd128.IsSupported ? 128 : 0;

    public static bool Supports(int vectorBits) => vectorBits switch
    {
        512 => Simd512.IsSupported,
        256 => Simd256.IsSupported,
        128 => Simd128.IsSupported,
        _ => true,
    };
}

internal sealed unsafe class Gemm<TS, TV> : IGemm
    where TS : struct, ISimd<TV>
    where TV : struct
{
    private const int BlockRows = 8;

    public int PanelWidth => 2 * TS.Count;

    [SkipLocalsInit]   // the scratch tile is cleared only when a partial panel needs it
    public void Multiply(PackedWeights w, float* a, int lda, int rows, float* c, int ldc, bool accumulate)
    {
        var width = PanelWidth;
        var tile = stackalloc float[BlockRows * width];
        if (w.Columns % width != 0)
        {
            new Span<float>(tile, BlockRows * width).Clear();   // padding columns must hold numbers, not NaN garbage
        }
        for (var i = 0; i < rows; i += BlockRows)
        {
            var count = Math.Min(BlockRows, rows - i);
            var ai = a + (nint)i * lda;
            var ci = c + (nint)i * ldc;
            for (var p = 0; p < w.Panels; p++)
            {
                var panel = w.Data + (nint)p * w.Depth * width;
                var init = accumulate ? null : w.Bias + p * width;
                var columns = Math.Min(width, w.Columns - p * width);
                var cp = ci + p * width;
                if (columns == width)
                {
                    Tile(count, ai, lda, panel, w.Depth, cp, ldc, init);
                    continue;
                }
                // The last, partial panel: run the full tile on scratch and copy back only the real columns.
                if (accumulate)
                {
                    CopyBlock(cp, ldc, tile, width, count, columns);
                }
                Tile(count, ai, lda, panel, w.Depth, tile, width, init);
                CopyBlock(tile, width, cp, ldc, count, columns);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile(int rows, float* a, int lda, float* b, int depth, float* c, int ldc, float* init)
    {
        switch (rows)
        {
            case 8: MicroKernel.Tile<TS, TV, R8>(a, lda, b, depth, c, ldc, init); break;
            case 7: MicroKernel.Tile<TS, TV, R7>(a, lda, b, depth, c, ldc, init); break;
            case 6: MicroKernel.Tile<TS, TV, R6>(a, lda, b, depth, c, ldc, init); break;
            case 5: MicroKernel.Tile<TS, TV, R5>(a, lda, b, depth, c, ldc, init); break;
            case 4: MicroKernel.Tile<TS, TV, R4>(a, lda, b, depth, c, ldc, init); break;
            case 3: MicroKernel.Tile<TS, TV, R3>(a, lda, b, depth, c, ldc, init); break;
            case 2: MicroKernel.Tile<TS, TV, R2>(a, lda, b, depth, c, ldc, init); break;
            default: MicroKernel.Tile<TS, TV, R1>(a, lda, b, depth, c, ldc, init); break;
        }
    }

    private static void CopyBlock(float* from, int fromStride, float* to, int toStride, int rows, int columns)
    {
        for (var r = 0; r < rows; r++)
        {
            new ReadOnlySpan<float>(from + (nint)r * fromStride, columns).CopyTo(new Span<float>(to + (nint)r * toStride, columns));
        }
    }
}
