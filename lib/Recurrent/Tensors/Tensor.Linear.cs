// Matrix products and joining tensors: MatMul, Cat, Stack, each recording its backward.
using Recurrent.Autograd;
using Recurrent.Kernels;

namespace Recurrent;

public sealed partial class Tensor
{
    /// <summary>
    /// torch.matmul for 1-D and 2-D Float32 operands: (n)·(n) → scalar, (m, n)·(n) → (m), (n)·(n, p) → (p),
    /// (m, n)·(n, p) → (m, p). In the graph as PyTorch dispatches them: DotBackward0, MvBackward0, SqueezeBackward4
    /// (a vector times a matrix is unsqueeze, mm, squeeze_), MmBackward0.
    /// </summary>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Dim is < 1 or > 2 || other.Dim is < 1 or > 2)
        {
            throw new ArgumentException(
                $"MatMul supports 1-D and 2-D tensors, got shapes {ShapeText(_shape)} and {ShapeText(other._shape)}",
                nameof(other));
        }
        if (_dtype != DType.Float32 || other._dtype != DType.Float32)
        {
            throw new NotSupportedException(
                $"MatMul supports Float32 tensors, got {TorchName(_dtype)} and {TorchName(other._dtype)}; convert with .Float() first");
        }
        var a = Dim == 1 ? ViewOf(_offset, [1, _shape[0]], [0, _strides[0]]) : this;                    // (m, n)
        var b = other.Dim == 1 ? other.ViewOf(other._offset, [other._shape[0], 1], [other._strides[0], 0]) : other;   // (n, p)
        if (a._shape[1] != b._shape[0])
        {
            throw new ArgumentException(
                $"mat1 and mat2 shapes cannot be multiplied ({a._shape[0]}x{a._shape[1]} and {b._shape[0]}x{b._shape[1]})",
                nameof(other));
        }
        var product = Product(a, b);                                                                      // (m, p)
        int[] shape = (Dim, other.Dim) switch
        {
            (1, 1) => [],
            (1, _) => [product._shape[1]],
            (_, 1) => [product._shape[0]],
            _ => product._shape,
        };
        var result = new Tensor(product._storage, shape);
        if (!Records(this, other))
        {
            return result;
        }
        var name = (Dim, other.Dim) switch
        {
            (1, 1) => "DotBackward0",
            (1, _) => "SqueezeBackward4",
            (_, 1) => "MvBackward0",
            _ => "MmBackward0",
        };
        return result.AttachGradFn(new MatMulBackward(this, other, name));
    }

    /// <summary>torch.cat: joins tensors of equal shape except along <paramref name="dim"/> (dtypes promoted).</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Cat expects a non-empty list of tensors", nameof(tensors));
        }
        var first = tensors[0];
        var d = NormalizeDim(dim, first.Dim, nameof(dim));
        var dtype = first._dtype;
        for (var i = 1; i < tensors.Count; i++)
        {
            var t = tensors[i];
            var same = t.Dim == first.Dim && Enumerable.Range(0, t.Dim).All(k => k == d || t._shape[k] == first._shape[k]);
            if (!same)
            {
                throw new ArgumentException(
                    $"Sizes of tensors must match except in dimension {d}. Expected {ShapeText(first._shape)} " +
                    $"(any size in dimension {d}), got {ShapeText(t._shape)} for tensor number {i} in the list",
                    nameof(tensors));
            }
            dtype = Promote(dtype, t._dtype);
        }
        var shape = (int[])first._shape.Clone();
        shape[d] = tensors.Sum(t => t._shape[d]);
        var result = new Tensor(new float[Numel(shape)], shape, dtype);
        var start = 0;
        foreach (var t in tensors)
        {
            result.Narrow(d, start, t._shape[d]).CopyFrom(t);
            start += t._shape[d];
        }
        return Records(tensors) ? result.AttachGradFn(new CatBackward(tensors, d)) : result;
    }

    /// <summary>torch.stack: joins tensors of one shape along a new dimension.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Stack expects a non-empty list of tensors", nameof(tensors));
        }
        var rank = tensors[0].Dim;
        var d = NormalizeDim(dim, rank + 1, nameof(dim));
        foreach (var t in tensors)
        {
            if (!t._shape.AsSpan().SequenceEqual(tensors[0]._shape))
            {
                throw new ArgumentException(
                    $"stack expects each tensor to be equal size, but got {ShapeText(tensors[0]._shape)} and " +
                    $"{ShapeText(t._shape)}", nameof(tensors));
            }
        }
        Tensor result;
        using (GradMode.Disable())
        {
            result = Cat(tensors.Select(t => t.Unsqueeze(d)).ToList(), d);
        }
        return Records(tensors) ? result.AttachGradFn(new StackBackward(tensors, d)) : result;
    }

    /// <summary>The product of two 2-D Float32 tensors as a new (m, p) tensor; records nothing.</summary>
    internal static Tensor Product(Tensor a, Tensor b)
    {
        var (m, n, p) = (a._shape[0], a._shape[1], b._shape[1]);
        var result = new float[m * p];
        MatrixProduct.Multiply(a.RowMajor(), b.RowMajor(), result, m, n, p);
        return new Tensor(result, [m, p]);
    }

    /// <summary>The elements in row-major order: the storage itself when contiguous, else a copy.</summary>
    internal ReadOnlySpan<float> RowMajor() => IsContiguous ? _storage.AsSpan(_offset, Numel()) : ToArray();

    /// <summary>Copies <paramref name="source"/> element by element into this tensor (or view) of the same shape.</summary>
    internal void CopyFrom(Tensor source)
    {
        if (!_shape.AsSpan().SequenceEqual(source._shape))
        {
            throw new ArgumentException(
                $"shape mismatch: cannot copy {ShapeText(source._shape)} into {ShapeText(_shape)}", nameof(source));
        }
        if (IsContiguous)
        {
            source.CopyTo(_storage.AsSpan(_offset, Numel()));
            return;
        }
        var values = source.ToArray();
        var i = 0;
        foreach (var index in StorageIndices())
        {
            _storage[index] = values[i++];
        }
    }
}
