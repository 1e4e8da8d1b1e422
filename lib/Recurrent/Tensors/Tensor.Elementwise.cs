// Element-wise arithmetic with PyTorch broadcasting and type promotion, and the activations; each records its backward.
using Recurrent.Autograd;

namespace Recurrent;

public sealed partial class Tensor
{
    /// <summary>Element-wise sum with broadcasting (torch.add, AddBackward0).</summary>
    public static Tensor operator +(Tensor a, Tensor b)
    {
        var result = Broadcast(a, b, static (x, y) => x + y, "add", Promote(a._dtype, b._dtype));
        return Records(a, b) ? result.AttachGradFn(new AddBackward(a, b)) : result;
    }

    /// <summary>Element-wise difference with broadcasting (torch.sub, SubBackward0).</summary>
    public static Tensor operator -(Tensor a, Tensor b)
    {
        var result = Broadcast(a, b, static (x, y) => x - y, "sub", Promote(a._dtype, b._dtype));
        return Records(a, b) ? result.AttachGradFn(new AddBackward(a, b, subtract: true)) : result;
    }

    /// <summary>Element-wise (Hadamard) product; use <see cref="MatMul"/> for matrix products.</summary>
    public static Tensor operator *(Tensor a, Tensor b)
    {
        var result = Broadcast(a, b, static (x, y) => x * y, "mul", Promote(a._dtype, b._dtype));
        return Records(a, b) ? result.AttachGradFn(new MulBackward(a, b)) : result;
    }

    /// <summary>True division, as torch's <c>/</c>: the result is Float32 even for two Int64 tensors.</summary>
    public static Tensor operator /(Tensor a, Tensor b)
    {
        var result = Broadcast(a, b, static (x, y) => x / y, "div", DType.Float32);
        return Records(a, b) ? result.AttachGradFn(new DivBackward(a, b)) : result;
    }

    // With a number, as Python's `t + 2`: the number never changes the tensor's dtype unless it is a float and the
    // tensor Int64 (then the result is Float32), and the grad_fn is the tensor-tensor one (AddBackward0, …), because
    // PyTorch wraps the number in a tensor. `2 - t` is torch.rsub (RsubBackward1); `2 / t` is t.reciprocal() * 2.
    /// <summary>Adds a number to every element; an Int64 tensor becomes Float32.</summary>
    public static Tensor operator +(Tensor a, float b) => a.AddScalar(b, DType.Float32);

    /// <summary>Adds a whole number to every element, keeping the tensor's dtype.</summary>
    public static Tensor operator +(Tensor a, int b) => a.AddScalar(b, a.DType);

    /// <summary>Adds a number to every element; an Int64 tensor becomes Float32.</summary>
    public static Tensor operator +(float a, Tensor b) => b.AddScalar(a, DType.Float32);

    /// <summary>Adds a whole number to every element, keeping the tensor's dtype.</summary>
    public static Tensor operator +(int a, Tensor b) => b.AddScalar(a, b.DType);

    /// <summary>Subtracts a number from every element; an Int64 tensor becomes Float32.</summary>
    public static Tensor operator -(Tensor a, float b) => a.SubtractScalar(b, DType.Float32);

    /// <summary>Subtracts a whole number from every element, keeping the tensor's dtype.</summary>
    public static Tensor operator -(Tensor a, int b) => a.SubtractScalar(b, a.DType);

    /// <summary>torch.rsub: the number minus every element (<c>1 - z</c> in a GRU); an Int64 tensor becomes Float32.</summary>
    public static Tensor operator -(float a, Tensor b) => b.SubtractFromScalar(a, DType.Float32);

    /// <summary>torch.rsub: the whole number minus every element, keeping the tensor's dtype.</summary>
    public static Tensor operator -(int a, Tensor b) => b.SubtractFromScalar(a, b.DType);

    /// <summary>Multiplies every element by a number; an Int64 tensor becomes Float32.</summary>
    public static Tensor operator *(Tensor a, float b) => a.MultiplyScalar(b, DType.Float32);

    /// <summary>Multiplies every element by a whole number, keeping the tensor's dtype.</summary>
    public static Tensor operator *(Tensor a, int b) => a.MultiplyScalar(b, a.DType);

    /// <summary>Multiplies every element by a number; an Int64 tensor becomes Float32.</summary>
    public static Tensor operator *(float a, Tensor b) => b.MultiplyScalar(a, DType.Float32);

    /// <summary>Multiplies every element by a whole number, keeping the tensor's dtype.</summary>
    public static Tensor operator *(int a, Tensor b) => b.MultiplyScalar(a, b.DType);

    /// <summary>Divides every element by a number; the result is Float32.</summary>
    public static Tensor operator /(Tensor a, float b) => a.DivideByScalar(b);

    /// <summary>The number divided by every element (t.reciprocal() * a); the result is Float32.</summary>
    public static Tensor operator /(float a, Tensor b) => b.Reciprocal().MultiplyScalar(a, DType.Float32);

    /// <summary>Negates every element (NegBackward0).</summary>
    public static Tensor operator -(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var result = a.Apply(static x => -x, a._dtype);
        return Records(a) ? result.AttachGradFn(new ScaleBackward(a, -1f, "NegBackward0")) : result;
    }

    /// <summary>torch.pow with a constant exponent, element-wise (Float32 even for an Int64 tensor).</summary>
    public Tensor Pow(float exponent)
    {
        var result = Apply(x => ScalarPow.Of(x, exponent), DType.Float32);
        return Records(this) ? result.AttachGradFn(new PowBackward(this, exponent)) : result;
    }

    /// <summary>torch.tanh, element-wise (Float32), with the kernels' formula (exactly rounded operations only), so results do not depend on the CPU or C library.</summary>
    public Tensor Tanh()
    {
        var result = Apply(Kernels.Activations.Tanh, DType.Float32);
        return Records(this) ? result.AttachGradFn(new TanhBackward(this, result)) : result;
    }

    /// <summary>torch.sigmoid, element-wise: 1 / (1 + e^−x) (Float32).</summary>
    public Tensor Sigmoid()
    {
        var result = Apply(Kernels.Activations.Sigmoid, DType.Float32);
        return Records(this) ? result.AttachGradFn(new SigmoidBackward(this, result)) : result;
    }

    /// <summary>torch.relu, element-wise: max(x, 0).</summary>
    public Tensor Relu()
    {
        var result = Apply(Kernels.Activations.Relu, _dtype);
        return Records(this) ? result.AttachGradFn(new ReluBackward(this, result)) : result;
    }

    /// <summary>torch.abs, element-wise.</summary>
    public Tensor Abs()
    {
        var result = Apply(MathF.Abs, _dtype);
        return Records(this) ? result.AttachGradFn(new AbsBackward(this)) : result;
    }

    /// <summary>
    /// A new tensor of the same shape and dtype with <paramref name="f"/> applied to every element. A C# function has
    /// no derivative, so Map refuses a tensor that requires grad while grad mode is on: detach it first, or use the
    /// differentiable operations.
    /// </summary>
    public Tensor Map(Func<float, float> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (Records(this))
        {
            throw new InvalidOperationException(
                "Map cannot be differentiated: this tensor requires grad and a C# function has no derivative for " +
                "Backward to use. Call Detach().Map(f) to compute values outside the graph (or run it inside " +
                "Torch.NoGrad()), or build f from differentiable operations (+, -, *, /, Pow, Tanh, Sigmoid, Relu, Abs).");
        }
        return Apply(f, _dtype);
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
        Broadcast(a, b, (x, y) => MathF.Abs(x - y) <= atol + rtol * MathF.Abs(y) ? 1f : 0f, "allclose", DType.Float32)
            .ToArray().All(static v => v == 1f);

    /// <summary>The largest absolute element-wise difference, for messages and assertions.</summary>
    public static float MaxAbsDiff(Tensor a, Tensor b) =>
        Broadcast(a, b, static (x, y) => MathF.Abs(x - y), "max_abs_diff", DType.Float32).Max();

    /// <summary>1 / x, element-wise; torch.reciprocal (ReciprocalBackward0).</summary>
    internal Tensor Reciprocal()
    {
        var result = Apply(static x => 1f / x, DType.Float32);
        return Records(this) ? result.AttachGradFn(new ReciprocalBackward(this, result)) : result;
    }

    private Tensor AddScalar(float value, DType dtype)
    {
        var result = Apply(x => x + value, Promote(_dtype, dtype));
        return Records(this) ? result.AttachGradFn(new RearrangeBackward(this, "AddBackward0", static g => g)) : result;
    }

    private Tensor SubtractScalar(float value, DType dtype)
    {
        var result = Apply(x => x - value, Promote(_dtype, dtype));
        return Records(this) ? result.AttachGradFn(new RearrangeBackward(this, "SubBackward0", static g => g)) : result;
    }

    private Tensor SubtractFromScalar(float value, DType dtype)
    {
        var result = Apply(x => value - x, Promote(_dtype, dtype));
        return Records(this) ? result.AttachGradFn(new ScaleBackward(this, -1f, "RsubBackward1")) : result;
    }

    private Tensor MultiplyScalar(float value, DType dtype)
    {
        var result = Apply(x => x * value, Promote(_dtype, dtype));
        return Records(this) ? result.AttachGradFn(new ScaleBackward(this, value, "MulBackward0")) : result;
    }

    private Tensor DivideByScalar(float value)
    {
        var result = Apply(x => x / value, DType.Float32);
        return Records(this) ? result.AttachGradFn(new DivideByBackward(this, value)) : result;
    }

    /// <summary><paramref name="f"/> of every element into a new contiguous tensor of <paramref name="dtype"/>; records nothing.</summary>
    internal Tensor Apply(Func<float, float> f, DType dtype)
    {
        var values = ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = f(values[i]);
        }
        return Result(values, (int[])_shape.Clone(), dtype);
    }

    /// <summary><paramref name="op"/> of the elements of a and b broadcast together, as a new tensor; records nothing.</summary>
    internal static Tensor Broadcast(Tensor a, Tensor b, Func<float, float, float> op, string name, DType dtype)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shape = BroadcastShape(a, b, name);
        var result = new float[Numel(shape)];
        if (a.IsContiguous && b.IsContiguous && a._shape.AsSpan().SequenceEqual(shape) && b._shape.AsSpan().SequenceEqual(shape))
        {
            var x = a._storage.AsSpan(a._offset, result.Length);
            var y = b._storage.AsSpan(b._offset, result.Length);
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = op(x[i], y[i]);
            }
            return Result(result, shape, dtype);
        }
        using var left = a.Expand(shape).StorageIndices().GetEnumerator();
        using var right = b.Expand(shape).StorageIndices().GetEnumerator();
        for (var i = 0; i < result.Length && left.MoveNext() && right.MoveNext(); i++)
        {
            result[i] = op(a._storage[left.Current], b._storage[right.Current]);
        }
        return Result(result, shape, dtype);
    }

    private static int[] BroadcastShape(Tensor a, Tensor b, string name)
    {
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
        return shape;
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
        return ViewOf(_offset, shape, strides);
    }
}
