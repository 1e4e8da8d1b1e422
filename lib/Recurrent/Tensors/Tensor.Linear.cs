// Matrix products and joining tensors: MatMul, Cat, Stack.
namespace Recurrent;

public sealed partial class Tensor
{
    /// <summary>
    /// torch.matmul for 1-D and 2-D operands: (n)·(n) → scalar, (m, n)·(n) → (m), (n)·(n, p) → (p), (m, n)·(n, p) → (m, p).
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
        var a = Dim == 1 ? Unsqueeze(0) : this;                 // (m, n)
        var b = other.Dim == 1 ? other.Unsqueeze(1) : other;    // (n, p)
        if (a._shape[1] != b._shape[0])
        {
            throw new ArgumentException(
                $"mat1 and mat2 shapes cannot be multiplied ({a._shape[0]}x{a._shape[1]} and {b._shape[0]}x{b._shape[1]})",
                nameof(other));
        }
        var product = FromMatrix(a.ToMatrix() * b.ToMatrix());  // (m, p)
        if (Dim == 1 && other.Dim == 1)
        {
            return product.View();
        }
        return Dim == 1 ? product.Squeeze(0) : other.Dim == 1 ? product.Squeeze(1) : product;
    }

    /// <summary>torch.cat: joins tensors of equal shape except along <paramref name="dim"/>.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Cat expects a non-empty list of tensors", nameof(tensors));
        }
        var first = tensors[0];
        var d = NormalizeDim(dim, first.Dim, nameof(dim));
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
        }
        var shape = (int[])first._shape.Clone();
        shape[d] = tensors.Sum(t => t._shape[d]);
        var result = Zeros(shape);
        var start = 0;
        foreach (var t in tensors)
        {
            var index = Enumerable.Repeat<TensorIndex>(Range.All, d).Append(start..(start + t._shape[d])).ToArray();
            result[index].CopyFrom(t);
            start += t._shape[d];
        }
        return result;
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
        return Cat(tensors.Select(t => t.Unsqueeze(d)).ToList(), d);
    }

    /// <summary>Copies <paramref name="source"/> element by element into this tensor (or view) of the same shape.</summary>
    internal void CopyFrom(Tensor source)
    {
        if (!_shape.AsSpan().SequenceEqual(source._shape))
        {
            throw new ArgumentException(
                $"shape mismatch: cannot copy {ShapeText(source._shape)} into {ShapeText(_shape)}", nameof(source));
        }
        var values = source.ToArray();
        var i = 0;
        foreach (var index in StorageIndices())
        {
            _storage[index] = values[i++];
        }
    }
}
