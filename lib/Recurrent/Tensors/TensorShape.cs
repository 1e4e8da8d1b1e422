// The read-only shape of a tensor, printed the way PyTorch prints torch.Size.
namespace Recurrent;

/// <summary>A tensor's sizes; <see cref="ToString"/> gives <c>torch.Size([4, 5, 2])</c>.</summary>
public sealed class TensorShape : IReadOnlyList<int>, IEquatable<TensorShape>
{
    private readonly int[] _sizes;

    /// <summary>A shape of these sizes, copied.</summary>
    public TensorShape(params int[] sizes) => _sizes = (int[])sizes.Clone();

    /// <summary>The size of dimension <paramref name="index"/>.</summary>
    public int this[int index] => _sizes[index];

    /// <summary>The number of dimensions.</summary>
    public int Count => _sizes.Length;

    /// <summary>The sizes, outermost dimension first.</summary>
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_sizes).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether both shapes have the same sizes in the same order.</summary>
    public bool Equals(TensorShape? other) => other is not null && _sizes.AsSpan().SequenceEqual(other._sizes);

    /// <summary>Whether <paramref name="obj"/> is a shape with the same sizes.</summary>
    public override bool Equals(object? obj) => obj is TensorShape other && Equals(other);

    /// <summary>A hash of the sizes, consistent with <see cref="Equals(TensorShape?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var s in _sizes)
        {
            hash.Add(s);
        }
        return hash.ToHashCode();
    }

    /// <summary>PyTorch's form: <c>torch.Size([4, 5, 2])</c>.</summary>
    public override string ToString() => $"torch.Size([{string.Join(", ", _sizes)}])";
}
