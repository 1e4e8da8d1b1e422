// Data types: Float32 for values, Int64 for indices (token ids, class labels), with torch's conversions and promotion.
using System.Globalization;

namespace Recurrent;

/// <summary>The element type of a tensor, as torch.float32 and torch.int64.</summary>
public enum DType
{
    /// <summary>torch.float32, the default: values, parameters, activations.</summary>
    Float32,

    /// <summary>
    /// torch.int64, for indices: token ids for <see cref="Embedding"/>, class labels for
    /// <see cref="Functional.CrossEntropy"/>. Stored in float32, so every value is a whole number of magnitude below
    /// 2^24 = 16777216 (where float32 stops holding every integer exactly); creating or computing a larger one fails.
    /// </summary>
    Int64,
}

public sealed partial class Tensor
{
    /// <summary>2^24: Int64 values stay below it in magnitude, so float32 storage and arithmetic on them are exact.</summary>
    internal const float Int64Limit = 16777216f;

    /// <summary>The element type; prints as PyTorch prints dtypes (<c>torch.float32</c>, <c>torch.int64</c>).</summary>
    public DType DType => _dtype;

    /// <summary>
    /// A tensor of whole numbers (torch.int64) holding a copy of <paramref name="values"/> in the given shape, as
    /// <c>torch.tensor([9, 8, 4])</c>. (Not an overload of <see cref="FromArray(float[], int[])"/>: C# would then
    /// read <c>FromArray([1, 2], 2)</c>, long used for float tensors, as Int64.)
    /// </summary>
    public static Tensor FromInt64Array(long[] values, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        var floats = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (Math.Abs((double)values[i]) >= Int64Limit)
            {
                throw new ArgumentOutOfRangeException(nameof(values), values[i], OutOfInt64Range(values[i], i));
            }
            floats[i] = values[i];
        }
        var result = FromArray(floats, shape);
        return new Tensor(result._storage, result._shape, DType.Int64);
    }

    /// <summary>torch's .long(): a copy converted to Int64, truncating toward zero; this tensor if already Int64.</summary>
    public Tensor Long()
    {
        if (_dtype == DType.Int64)
        {
            return this;
        }
        var values = ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            values[i] = MathF.Truncate(v) + 0f;   // + 0 turns −0 into 0: integers have no negative zero
            if (!(Math.Abs(values[i]) < Int64Limit))
            {
                throw new InvalidOperationException(
                    float.IsFinite(v) ? OutOfInt64Range(v, i) : $"cannot convert {DecimalFormat.Python(v)} at position {i} to Int64");
            }
        }
        return new Tensor(values, (int[])_shape.Clone(), DType.Int64);
    }

    /// <summary>torch's .float(): a copy converted to Float32; this tensor if already Float32.</summary>
    public Tensor Float() => _dtype == DType.Float32 ? this : new Tensor(ToArray(), (int[])_shape.Clone());

    /// <summary>
    /// The elements as indices, row-major: an Int64 tensor's values, or a Float32 tensor's when they are all whole
    /// numbers below 2^24 in magnitude (above that, float32 no longer tells neighbouring integers apart, so the index
    /// read might not be the one meant). Range checks are the caller's: <paramref name="owner"/> names it in messages.
    /// </summary>
    internal int[] ToIndices(string owner, string paramName)
    {
        var values = ToArray();
        var indices = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v != MathF.Floor(v) || !float.IsFinite(v))
            {
                throw new ArgumentException(
                    $"{owner} indices must be whole numbers, got {DecimalFormat.Python(v)} at flat position {i} of shape {ShapeText(_shape)}",
                    paramName);
            }
            if (!(Math.Abs(v) < Int64Limit))
            {
                throw new ArgumentException(
                    $"{owner} index {DecimalFormat.Python(v)} at flat position {i} is 2^24 = 16777216 or more in magnitude: " +
                    "float32 does not hold every whole number there, so it may not be the index meant", paramName);
            }
            indices[i] = (int)v;
        }
        return indices;
    }

    /// <summary>PyTorch's name for a dtype, as in <c>dtype=torch.int64</c>.</summary>
    internal static string TorchName(DType dtype) => dtype == DType.Int64 ? "torch.int64" : "torch.float32";

    /// <summary>torch.result_type of two tensors: Int64 only when both are.</summary>
    internal static DType Promote(DType a, DType b) => a == DType.Int64 && b == DType.Int64 ? DType.Int64 : DType.Float32;

    /// <summary>Fails unless this tensor is Float32: for operations defined on floating-point values only.</summary>
    internal void RequireFloat(string operation)
    {
        if (_dtype != DType.Float32)
        {
            throw new NotSupportedException(
                $"{operation} expects a Float32 tensor, got {TorchName(_dtype)}; convert it with .Float() first");
        }
    }

    /// <summary>
    /// A new tensor of <paramref name="dtype"/> owning <paramref name="values"/>; Int64 results computed in float32
    /// arithmetic are checked to be whole numbers in range, so an Int64 tensor never holds an inexact value.
    /// </summary>
    private static Tensor Result(float[] values, int[] shape, DType dtype)
    {
        if (dtype == DType.Int64)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                if (!(Math.Abs(v) < Int64Limit) || v != MathF.Floor(v))
                {
                    throw new InvalidOperationException(float.IsFinite(v) && v == MathF.Floor(v)
                        ? OutOfInt64Range(v, i)
                        : $"an Int64 result must be a whole number, got {DecimalFormat.Python(v)} at position {i}");
                }
                values[i] = v + 0f;   // no negative zero (−0 from negating 0)
            }
        }
        return new Tensor(values, shape, dtype);
    }

    private static string OutOfInt64Range(double value, int position) =>
        $"{value.ToString(CultureInfo.InvariantCulture)} at position {position} is outside what an Int64 tensor holds here: " +
        "|value| < 2^24 = 16777216 (the values are stored in float32, which holds every integer exactly only below that)";
}
