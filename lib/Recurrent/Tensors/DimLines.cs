// The lines of a row-major tensor along one dimension: what a reduction or softmax over `dim` walks, line by line.
namespace Recurrent;

/// <summary>
/// A row-major shape seen as <see cref="Count"/> lines of <see cref="Size"/> elements along one dimension, each line's
/// elements <see cref="Stride"/> apart: for shape (A, B, C) and dim 1, A·C lines of B elements, C apart.
/// </summary>
internal readonly record struct DimLines(int Count, int Size, int Stride)
{
    /// <summary>The lines of <paramref name="shape"/> along <paramref name="dim"/> (already normalised; a 0-dim shape has one line of one).</summary>
    public static DimLines Of(IReadOnlyList<int> shape, int dim)
    {
        if (shape.Count == 0)
        {
            return new DimLines(1, 1, 1);
        }
        var stride = 1;
        for (var d = dim + 1; d < shape.Count; d++)
        {
            stride *= shape[d];
        }
        var total = shape.Aggregate(1, static (n, s) => n * s);
        return new DimLines(shape[dim] == 0 ? 0 : total / shape[dim], shape[dim], stride);
    }

    /// <summary>The row-major position of the first element of line <paramref name="line"/>.</summary>
    public int Start(int line) => line / Stride * Size * Stride + line % Stride;
}
