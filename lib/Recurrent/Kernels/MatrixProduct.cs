// Row-major matrix products for Tensor.MatMul, Linear and their gradients: the same bits at every vector width.
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Recurrent.Kernels;

/// <summary>
/// C = A·B for small and medium row-major matrices. Each row of C is built as a sum of scaled rows of B,
/// <c>C[i, :] += A[i, k]·B[k, :]</c> for k = 0, 1, …, so every element accumulates its products in the order of k
/// with a separate multiply and add (never fused). The vectors only run across columns, so the arithmetic of an
/// element does not depend on how many columns one vector holds: 128-, 256- and 512-bit machines and the scalar tail
/// give the same bits, which keeps stored notebook outputs and gradients machine-neutral.
/// </summary>
internal static class MatrixProduct
{
    /// <summary><paramref name="c"/> (m, n) = <paramref name="a"/> (m, k) · <paramref name="b"/> (k, n).</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        c[..(m * n)].Clear();
        for (var i = 0; i < m; i++)
        {
            var row = c.Slice(i * n, n);
            for (var p = 0; p < k; p++)
            {
                AddScaled(row, a[i * k + p], b.Slice(p * n, n));
            }
        }
    }

    /// <summary>The transpose of a row-major (rows, columns) matrix, as a row-major (columns, rows) copy.</summary>
    public static float[] Transpose(ReadOnlySpan<float> source, int rows, int columns)
    {
        var result = new float[source.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var col = 0; col < columns; col++)
            {
                result[col * rows + r] = source[r * columns + col];
            }
        }
        return result;
    }

    /// <summary>
    /// row += scale·source, element by element (multiply, then add). The callers' slices give both the same length,
    /// so the loop reads through references without per-element bounds checks.
    /// </summary>
    private static void AddScaled(Span<float> row, float scale, ReadOnlySpan<float> source)
    {
        ref var target = ref MemoryMarshal.GetReference(row);
        ref var from = ref MemoryMarshal.GetReference(source);
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var factor = new Vector<float>(scale);
            for (; j <= row.Length - Vector<float>.Count; j += Vector<float>.Count)
            {
                ref var slot = ref Unsafe.As<float, byte>(ref Unsafe.Add(ref target, j));
                var sum = Unsafe.ReadUnaligned<Vector<float>>(ref slot)
                    + factor * Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref from, j)));
                Unsafe.WriteUnaligned(ref slot, sum);
            }
        }
        for (; j < row.Length; j++)
        {
            Unsafe.Add(ref target, j) += scale * Unsafe.Add(ref from, j);
        }
    }
}
