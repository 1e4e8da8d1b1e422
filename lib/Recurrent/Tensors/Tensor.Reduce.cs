// Reductions: Sum (to a 0-dim tensor, as torch.sum) and SumTo, which undoes broadcasting for gradients.
using Recurrent.Autograd;

namespace Recurrent;

public sealed partial class Tensor
{
    /// <summary>torch.sum: the sum of all elements as a 0-dim tensor (read it with <see cref="Item"/>), accumulated in double.</summary>
    public Tensor Sum()
    {
        var total = 0.0;
        foreach (var index in StorageIndices())
        {
            total += _storage[index];
        }
        var result = new Tensor([(float)total], []);
        return Records(this) ? result.AttachGradFn(new SumBackward(this)) : result;
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
}
