// Element-wise arithmetic with PyTorch broadcasting, and the activation functions the recurrences use.
using Recurrent.Autograd;

namespace Recurrent;

public sealed partial class Tensor
{
    public static Tensor operator +(Tensor a, Tensor b)
    {
        var result = Broadcast(a, b, static (x, y) => x + y, "add");
        return Records(a, b) ? result.AttachGradFn(new AddBackward(a, b)) : result;
    }

    public static Tensor operator -(Tensor a, Tensor b) => Broadcast(a, b, static (x, y) => x - y, "sub");

    /// <summary>Element-wise (Hadamard) product; use <see cref="MatMul"/> for matrix products.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Broadcast(a, b, static (x, y) => x * y, "mul");

    public static Tensor operator /(Tensor a, Tensor b) => Broadcast(a, b, static (x, y) => x / y, "div");

    public static Tensor operator +(Tensor a, float b) => a.Map(x => x + b);

    public static Tensor operator -(Tensor a, float b) => a.Map(x => x - b);

    public static Tensor operator *(Tensor a, float b) => a.Map(x => x * b);

    public static Tensor operator *(float a, Tensor b) => b.Map(x => a * x);

    public static Tensor operator -(float a, Tensor b) => b.Map(x => a - x);

    public static Tensor operator -(Tensor a) => a.Map(static x => -x);

    /// <summary>torch.pow with a constant exponent, element-wise.</summary>
    public Tensor Pow(float exponent)
    {
        var result = Map(x => MathF.Pow(x, exponent));
        return Records(this) ? result.AttachGradFn(new PowBackward(this, exponent)) : result;
    }

    public Tensor Tanh() => Map(MathF.Tanh);

    public Tensor Sigmoid() => Map(static x => 1f / (1f + MathF.Exp(-x)));

    public Tensor Relu() => Map(static x => MathF.Max(x, 0f));

    public Tensor Abs() => Map(MathF.Abs);

    /// <summary>A new tensor of the same shape with <paramref name="f"/> applied to every element.</summary>
    public Tensor Map(Func<float, float> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var values = ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = f(values[i]);
        }
        return new Tensor(values, (int[])_shape.Clone());
    }

    /// <summary>The largest element.</summary>
    public float Max() => Numel() == 0
        ? throw new InvalidOperationException("Max() of an empty tensor has no value")
        : ToArray().Max();

    /// <summary>True when both tensors have the same shape and exactly the same elements.</summary>
    public static bool Equal(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a._shape.AsSpan().SequenceEqual(b._shape) && a.ToArray().AsSpan().SequenceEqual(b.ToArray());
    }

    /// <summary>torch.allclose: |a - b| ≤ atol + rtol·|b| element-wise (after broadcasting); NaN never equals.</summary>
    public static bool AllClose(Tensor a, Tensor b, float rtol = 1e-5f, float atol = 1e-8f) =>
        Broadcast(a, b, (x, y) => MathF.Abs(x - y) <= atol + rtol * MathF.Abs(y) ? 1f : 0f, "allclose")
            .ToArray().All(static v => v == 1f);

    /// <summary>The largest absolute element-wise difference, for messages and assertions.</summary>
    public static float MaxAbsDiff(Tensor a, Tensor b) =>
        Broadcast(a, b, static (x, y) => MathF.Abs(x - y), "max_abs_diff").Max();

    private static Tensor Broadcast(Tensor a, Tensor b, Func<float, float, float> op, string name)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var rank = Math.Max(a.Dim, b.Dim);
        var shape = new int[rank];
        for (var d = 0; d < rank; d++)
        {
            var sa = DimOrOne(a, d - rank + a.Dim);
            var sb = DimOrOne(b, d - rank + b.Dim);
            if (sa != sb && sa != 1 && sb != 1)
            {
                throw new ArgumentException(
                    $"{name}: the size of tensor a ({sa}) must match the size of tensor b ({sb}) at non-singleton " +
                    $"dimension {d}; shapes {ShapeText(a._shape)} and {ShapeText(b._shape)}");
            }
            shape[d] = Math.Max(sa, sb);
        }
        var left = a.Expand(shape).StorageIndices().GetEnumerator();
        var right = b.Expand(shape).StorageIndices().GetEnumerator();
        var result = new float[Numel(shape)];
        for (var i = 0; i < result.Length && left.MoveNext() && right.MoveNext(); i++)
        {
            result[i] = op(a._storage[left.Current], b._storage[right.Current]);
        }
        return new Tensor(result, shape);
    }

    private static int DimOrOne(Tensor t, int d) => d < 0 ? 1 : t._shape[d];

    /// <summary>A broadcast view with stride 0 along the dimensions it repeats.</summary>
    private Tensor Expand(int[] shape)
    {
        var strides = new int[shape.Length];
        for (var d = 0; d < shape.Length; d++)
        {
            var own = d - shape.Length + Dim;
            strides[d] = own < 0 || _shape[own] == 1 && shape[d] != 1 ? 0 : _strides[own];
        }
        return new Tensor(_storage, _offset, shape, strides);
    }
}
