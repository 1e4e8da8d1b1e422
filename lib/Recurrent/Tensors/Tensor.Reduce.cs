// Reductions: Sum and Mean (to a 0-dim tensor, as torch.sum and torch.mean) and SumTo, which undoes broadcasting for gradients.
using Recurrent.Autograd;

namespace Recurrent;

public sealed partial class Tensor
{
    /// <summary>
    /// torch.sum: the sum of all elements as a 0-dim tensor (read it with <see cref="Item"/>), accumulated in double;
    /// Int64 for an Int64 tensor.
    /// </summary>
    public Tensor Sum()
    {
        var result = Result([(float)Total()], [], _dtype);
        return Records(this) ? result.AttachGradFn(new SumBackward(this)) : result;
    }

    /// <summary>torch.mean: the mean of all elements as a 0-dim tensor (NaN for an empty tensor); Float32 only, as in PyTorch.</summary>
    public Tensor Mean()
    {
        if (_dtype != DType.Float32)
        {
            throw new NotSupportedException(
                "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. " +
                $"Got: Long (a {TorchName(_dtype)} tensor; convert it with .Float() first)");
        }
        var result = new Tensor([(float)Total() / Numel()], []);
        return Records(this) ? result.AttachGradFn(new MeanBackward(this)) : result;
    }

    /// <summary>
    /// The sum of this tensor over the dimensions along which <paramref name="shape"/> was broadcast to this one's
    /// shape (leading extra dimensions, and dimensions of size 1 in <paramref name="shape"/>); this tensor if equal.
    /// </summary>
    internal Tensor SumTo(int[] shape)
    {
        if (_shape.AsSpan().SequenceEqual(shape))
        {
            return this;
        }
        var result = new float[Numel(shape)];
        var target = Zeros(shape).Expand(_shape);              // stride 0 along broadcast dimensions
        using var positions = target.StorageIndices().GetEnumerator();
        foreach (var index in StorageIndices())
        {
            positions.MoveNext();
            result[positions.Current] += _storage[index];
        }
        return new Tensor(result, (int[])shape.Clone());
    }

    /// <summary>The sum of all elements in double, in row-major order.</summary>
    private double Total()
    {
        var total = 0.0;
        foreach (var value in RowMajor())
        {
            total += value;
        }
        return total;
    }
}
