// Tensor: an n-d array over shared storage with strides, like a CPU torch.Tensor (float32, or int64 index tensors).
using Recurrent.Autograd;

namespace Recurrent;

/// <summary>
/// A tensor: row-major storage shared between views, a shape, strides, an offset and a <see cref="DType"/>.
/// Operations named like PyTorch's say whether they return a view (<see cref="View"/>, <see cref="Transpose"/>,
/// indexing) or a copy (<see cref="Clone"/>, <see cref="ToArray"/>, arithmetic).
/// </summary>
public sealed partial class Tensor
{
    private readonly float[] _storage;
    private readonly int _offset;
    private readonly int[] _shape;
    private readonly int[] _strides;
    private readonly DType _dtype;

    private Tensor(float[] storage, int offset, int[] shape, int[] strides, DType dtype)
    {
        _storage = storage;
        _offset = offset;
        _shape = shape;
        _strides = strides;
        _dtype = dtype;
    }

    /// <summary>A new contiguous tensor owning <paramref name="storage"/> (not copied).</summary>
    internal Tensor(float[] storage, int[] shape, DType dtype = DType.Float32)
        : this(storage, 0, shape, ContiguousStrides(shape), dtype) { }

    /// <summary>A tensor holding a copy of <paramref name="values"/> in the given shape (row-major).</summary>
    public static Tensor FromArray(float[] values, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        ValidateShape(shape, nameof(shape));
        var count = Numel(shape);
        if (count != values.Length)
        {
            throw new ArgumentException(
                $"shape [{string.Join(", ", shape)}] is invalid for input of size {values.Length}", nameof(shape));
        }
        return new Tensor((float[])values.Clone(), (int[])shape.Clone());
    }

    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(params int[] shape)
    {
        ValidateShape(shape, nameof(shape));
        return new Tensor(new float[Numel(shape)], (int[])shape.Clone());
    }

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor Full(int[] shape, float value)
    {
        var t = Zeros(shape);
        Array.Fill(t._storage, value);
        return t;
    }

    /// <summary>The shape; prints as <c>torch.Size([4, 5, 2])</c>.</summary>
    public IReadOnlyList<int> Shape => new TensorShape(_shape);

    /// <summary>Number of dimensions.</summary>
    public int Dim => _shape.Length;

    /// <summary>Number of elements.</summary>
    public int Numel() => Numel(_shape);

    /// <summary>The size of one dimension; negative dims count from the end.</summary>
    public int Size(int dim) => _shape[NormalizeDim(dim, Dim, nameof(dim))];

    /// <summary>True when the elements are laid out row-major without gaps.</summary>
    public bool IsContiguous
    {
        get
        {
            var expected = 1;
            for (var d = _shape.Length - 1; d >= 0; d--)
            {
                if (_shape[d] != 1 && _strides[d] != expected)
                {
                    return false;
                }
                expected *= _shape[d];
            }
            return true;
        }
    }

    /// <summary>A row-major copy of the elements.</summary>
    public float[] ToArray()
    {
        var result = new float[Numel()];
        CopyTo(result);
        return result;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public float Item()
    {
        if (Numel() != 1)
        {
            throw new InvalidOperationException(
                $"a Tensor with {Numel()} elements cannot be converted to Scalar (shape {ShapeText(_shape)})");
        }
        return _storage[_offset];
    }

    /// <summary>A contiguous copy with its own storage; in the graph, as torch's clone (CloneBackward0).</summary>
    public Tensor Clone()
    {
        var result = new Tensor(ToArray(), (int[])_shape.Clone(), _dtype);
        return Records(this) ? result.AttachGradFn(new RearrangeBackward(this, "CloneBackward0", static g => g)) : result;
    }

    /// <summary>This tensor if it is already contiguous (a view may be), else a contiguous copy, as torch's contiguous().</summary>
    public Tensor Contiguous() => IsContiguous ? this : Clone();

    /// <summary>A view of this tensor's storage with another geometry; same dtype.</summary>
    private Tensor ViewOf(int offset, int[] shape, int[] strides) => new(_storage, offset, shape, strides, _dtype);

    /// <summary>The storage of a tensor that owns all of it contiguously, for in-place fills and fast kernels.</summary>
    internal Span<float> ContiguousStorage()
    {
        if (!IsContiguous)
        {
            throw new InvalidOperationException($"expected a contiguous tensor, got strides {ShapeText(_strides)}");
        }
        return _storage.AsSpan(_offset, Numel());
    }

    /// <summary>The whole storage array when this tensor is all of it, contiguous from index 0; else null.</summary>
    internal float[]? DenseArray() => IsContiguous && _offset == 0 && _storage.Length == Numel() ? _storage : null;

    /// <summary>Writes the elements in row-major order into <paramref name="destination"/>.</summary>
    internal void CopyTo(Span<float> destination)
    {
        var count = Numel();
        if (IsContiguous)
        {
            _storage.AsSpan(_offset, count).CopyTo(destination);
            return;
        }
        // Row by row along the last dimension (a non-contiguous tensor has at least one), stepping the rows above it.
        var rank = _shape.Length;
        var (inner, innerStride) = (_shape[rank - 1], _strides[rank - 1]);
        var counter = new int[rank];
        var position = _offset;
        for (var written = 0; written < count; written += inner)
        {
            for (var (j, p) = (0, position); j < inner; j++, p += innerStride)
            {
                destination[written + j] = _storage[p];
            }
            position = Next(counter, position, rank - 2);
        }
    }

    /// <summary>The storage positions of the elements, in row-major order.</summary>
    internal IEnumerable<int> StorageIndices()
    {
        var count = Numel();
        if (count == 0)
        {
            yield break;
        }
        var counter = new int[_shape.Length];
        var position = _offset;
        for (var n = 0; n < count; n++)
        {
            yield return position;
            position = Next(counter, position, _shape.Length - 1);
        }
    }

    /// <summary>
    /// The storage position after <paramref name="position"/> in row-major order over dimensions 0 … <paramref name="last"/>:
    /// an odometer, <paramref name="counter"/> holding the current index in each of them.
    /// </summary>
    private int Next(int[] counter, int position, int last)
    {
        for (var d = last; d >= 0; d--)
        {
            counter[d]++;
            position += _strides[d];
            if (counter[d] < _shape[d])
            {
                break;
            }
            position -= _strides[d] * _shape[d];
            counter[d] = 0;
        }
        return position;
    }

    internal static int[] ContiguousStrides(int[] shape)
    {
        var strides = new int[shape.Length];
        long stride = 1;
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = (int)stride;
            stride *= Math.Max(shape[d], 1);
            if (stride > int.MaxValue && d > 0)   // only an empty tensor gets here: its element count is 0 but its strides are not
            {
                throw TooManyElements(shape);
            }
        }
        return strides;
    }

    /// <summary>The number of elements of a shape, in checked arithmetic: a shape whose elements no array holds is refused.</summary>
    internal static int Numel(IReadOnlyList<int> shape)
    {
        long n = 1;
        for (var d = 0; d < shape.Count; d++)   // indexed, not foreach: no boxed enumerator on the forward pass
        {
            n *= shape[d];
            if (n > Array.MaxLength)   // n ≤ 2^31 before the product and a size < 2^31: no long overflow
            {
                throw TooManyElements(shape);
            }
        }
        return (int)n;
    }

    /// <summary>PyTorch's wording, with the count a shape asks for and the most a tensor here holds.</summary>
    internal static ArgumentException TooManyElements(IReadOnlyList<int> shape) => new(
        $"Trying to create tensor with {shape.Aggregate(System.Numerics.BigInteger.One, (n, s) => n * s)} elements (shape {ShapeText(shape)}), " +
        $"but a tensor holds at most {Array.MaxLength} elements", "shape");

    internal static string ShapeText(IReadOnlyList<int> shape) => "[" + string.Join(", ", shape) + "]";

    internal static int NormalizeDim(int dim, int rank, string paramName)
    {
        var low = rank == 0 ? -1 : -rank;
        var high = rank == 0 ? 0 : rank - 1;
        if (dim < low || dim > high)
        {
            throw new ArgumentOutOfRangeException(paramName, dim,
                $"Dimension out of range (expected to be in range of [{low}, {high}], but got {dim})");
        }
        return dim < 0 ? dim + Math.Max(rank, 1) : dim;
    }

    private static void ValidateShape(int[] shape, string paramName)
    {
        foreach (var s in shape)
        {
            if (s < 0)
            {
                throw new ArgumentException($"sizes must be non-negative, got {ShapeText(shape)}", paramName);
            }
        }
    }
}
