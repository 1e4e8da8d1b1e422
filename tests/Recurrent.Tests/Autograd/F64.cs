// A float64 n-d array for reference computations: plain loops and index arithmetic, independent of the library's kernels.
namespace Recurrent.Tests.Autograd;

/// <summary>
/// The second oracle for gradients: formulas re-computed in double precision from their definitions (element by
/// element, with NumPy broadcasting written out as index arithmetic), so central finite differences of them are
/// accurate to about 1e-9 and share no code with the float32 library they check.
/// </summary>
public sealed class F64
{
    public F64(int[] shape, double[] data)
    {
        Assert.Equal(data.Length, shape.Aggregate(1, (n, s) => n * s));
        Shape = shape;
        Data = data;
    }

    public int[] Shape { get; }

    public double[] Data { get; }

    public int Rank => Shape.Length;

    public static F64 From(Tensor t) => new([.. t.Shape], [.. t.ToArray().Select(v => (double)v)]);

    public static F64 Scalar(double value) => new([], [value]);

    public double this[params int[] index] => Data[Flat(Shape, index)];

    /// <summary>An array of <paramref name="shape"/> whose element at each multi-index is <paramref name="element"/>(index).</summary>
    public static F64 Build(int[] shape, Func<int[], double> element)
    {
        var data = new double[shape.Aggregate(1, (n, s) => n * s)];
        var index = new int[shape.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = element((int[])index.Clone());
            for (var d = shape.Length - 1; d >= 0 && ++index[d] == shape[d]; d--)
            {
                index[d] = 0;
            }
        }
        return new F64(shape, data);
    }

    public F64 Map(Func<double, double> f) => new(Shape, [.. Data.Select(f)]);

    /// <summary><paramref name="f"/> of a and b broadcast together as NumPy does (trailing dimensions aligned, 1 stretches).</summary>
    public static F64 Zip(F64 a, F64 b, Func<double, double, double> f)
    {
        var rank = Math.Max(a.Rank, b.Rank);
        var shape = new int[rank];
        for (var d = 0; d < rank; d++)
        {
            shape[d] = Math.Max(SizeAt(a, d - rank + a.Rank), SizeAt(b, d - rank + b.Rank));
        }
        return Build(shape, i => f(a[Project(a, i)], b[Project(b, i)]));
    }

    /// <summary>(m, n)·(n, p) in double, summing over n.</summary>
    public static F64 MatMul(F64 a, F64 b) =>
        Build([a.Shape[0], b.Shape[1]], i => Enumerable.Range(0, a.Shape[1]).Sum(k => a[i[0], k] * b[k, i[1]]));

    /// <summary>Σ w·x over all elements: a scalar loss that weighs every output element differently.</summary>
    public double Dot(F64 weights) => Data.Zip(weights.Data, (x, w) => x * w).Sum();

    public double Sum() => Data.Sum();

    public F64 With(int flat, double value)
    {
        var data = (double[])Data.Clone();
        data[flat] = value;
        return new F64(Shape, data);
    }

    private static int SizeAt(F64 a, int d) => d < 0 ? 1 : a.Shape[d];

    /// <summary>The index into <paramref name="a"/> that a broadcast output index reads.</summary>
    private static int[] Project(F64 a, int[] outputIndex)
    {
        var offset = outputIndex.Length - a.Rank;
        return [.. Enumerable.Range(0, a.Rank).Select(d => a.Shape[d] == 1 ? 0 : outputIndex[d + offset])];
    }

    private static int Flat(int[] shape, int[] index)
    {
        Assert.Equal(shape.Length, index.Length);
        var flat = 0;
        for (var d = 0; d < shape.Length; d++)
        {
            Assert.InRange(index[d], 0, shape[d] - 1);
            flat = flat * shape[d] + index[d];
        }
        return flat;
    }
}
