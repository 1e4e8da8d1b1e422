// Tensor: a float32 n-d array over shared storage with strides, like a CPU torch.Tensor without autograd.
namespace Recurrent;

/// <summary>
/// A float32 tensor: row-major storage shared between views, a shape, strides and an offset.
/// Operations named like PyTorch's say whether they return a view (<see cref="View"/>, <see cref="Transpose"/>,
/// indexing) or a copy (<see cref="Clone"/>, <see cref="ToArray"/>, arithmetic).
/// </summary>
public sealed partial class Tensor
{
    private readonly float[] _storage;
    private readonly int _offset;
    private readonly int[] _shape;
    private readonly int[] _strides;

    private Tensor(float[] storage, int offset, int[] shape, int[] strides)
    {
        _storage = storage;
        _offset = offset;
        _shape = shape;
        _strides = strides;
    }

    /// <summary>A new contiguous tensor owning <paramref name="storage"/> (not copied).</summary>
    internal Tensor(float[] storage, int[] shape) : this(storage, 0, shape, ContiguousStrides(shape)) { }

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

    /// <summary>A contiguous copy with its own storage.</summary>
    public Tensor Clone() => new(ToArray(), (int[])_shape.Clone());

    /// <summary>This tensor if it is already contiguous, else a contiguous copy.</summary>
    public Tensor Contiguous() => IsContiguous && _offset == 0 && _storage.Length == Numel() ? this : Clone();

    /// <summary>The storage of a tensor that owns all of it contiguously, for in-place fills and fast kernels.</summary>
    internal Span<float> ContiguousStorage()
    {
        if (!IsContiguous)
        {
            throw new InvalidOperationException($"expected a contiguous tensor, got strides {ShapeText(_strides)}");
        }
        return _storage.AsSpan(_offset, Numel());
    }

    /// <summary>Writes the elements in row-major order into <paramref name="destination"/>.</summary>
    internal void CopyTo(Span<float> destination)
    {
        if (IsContiguous)
        {
            _storage.AsSpan(_offset, Numel()).CopyTo(destination);
            return;
        }
        var i = 0;
        foreach (var index in StorageIndices())
        {
            destination[i++] = _storage[index];
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
            for (var d = _shape.Length - 1; d >= 0; d--)
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
        }
    }

    internal static int[] ContiguousStrides(int[] shape)
    {
        var strides = new int[shape.Length];
        var stride = 1;
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= Math.Max(shape[d], 1);
        }
        return strides;
    }

    internal static int Numel(IReadOnlyList<int> shape)
    {
        var n = 1;
        for (var d = 0; d < shape.Count; d++)   // indexed, not foreach: no boxed enumerator on the forward pass
        {
            n *= shape[d];
        }
        return n;
    }

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
