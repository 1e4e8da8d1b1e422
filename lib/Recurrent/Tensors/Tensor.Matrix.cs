// Conversions between Tensor and MathNet.Numerics matrices and vectors, the types the teaching notebooks compute with.
using MathNet.Numerics.LinearAlgebra;

namespace Recurrent;

public sealed partial class Tensor
{
    /// <summary>A copy of a 2-D tensor as a MathNet matrix.</summary>
    public Matrix<float> ToMatrix()
    {
        if (Dim != 2)
        {
            throw new InvalidOperationException($"ToMatrix expects a 2-D tensor, got shape {ShapeText(_shape)}");
        }
        // MathNet stores column-major: the row-major (m, n) data is the column-major (n, m) transpose.
        return Matrix<float>.Build.Dense(_shape[1], _shape[0], ToArray()).Transpose();
    }

    /// <summary>A copy of a 1-D tensor as a MathNet vector.</summary>
    public Vector<float> ToVector()
    {
        if (Dim != 1)
        {
            throw new InvalidOperationException($"ToVector expects a 1-D tensor, got shape {ShapeText(_shape)}");
        }
        return Vector<float>.Build.Dense(ToArray());
    }

    /// <summary>A (rows, columns) tensor holding a copy of <paramref name="matrix"/>.</summary>
    public static Tensor FromMatrix(Matrix<float> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new Tensor(matrix.ToRowMajorArray(), [matrix.RowCount, matrix.ColumnCount]);
    }

    /// <summary>A 1-D tensor holding a copy of <paramref name="vector"/>.</summary>
    public static Tensor FromVector(Vector<float> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return new Tensor(vector.ToArray(), [vector.Count]);
    }
}
