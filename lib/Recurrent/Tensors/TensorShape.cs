// The read-only shape of a tensor, printed the way PyTorch prints torch.Size.
namespace Recurrent;

/// <summary>A tensor's sizes; <see cref="ToString"/> gives <c>torch.Size([4, 5, 2])</c>.</summary>
public sealed class TensorShape : IReadOnlyList<int>, IEquatable<TensorShape>
{
    private readonly int[] _sizes;

    public TensorShape(params int[] sizes) => _sizes = (int[])sizes.Clone();

    public int this[int index] => _sizes[index];

    public int Count => _sizes.Length;

    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_sizes).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(TensorShape? other) => other is not null && _sizes.AsSpan().SequenceEqual(other._sizes);

    public override bool Equals(object? obj) => obj is TensorShape other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var s in _sizes)
        {
            hash.Add(s);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => $"torch.Size([{string.Join(", ", _sizes)}])";
}
