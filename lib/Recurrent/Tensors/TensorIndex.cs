// One position in a tensor index expression: an integer, a System.Index (^1) or a System.Range (.., 1..3).
namespace Recurrent;

/// <summary>
/// An index into one dimension. Integers and <see cref="System.Index"/> select one element and drop the dimension;
/// <see cref="System.Range"/> selects a slice and keeps it, so <c>t[.., ^1]</c> reads like Python's <c>t[:, -1]</c>.
/// </summary>
public readonly struct TensorIndex
{
    private TensorIndex(Index? single, Range? range)
    {
        Single = single;
        Slice = range;
    }

    internal Index? Single { get; }

    internal Range? Slice { get; }

    public static implicit operator TensorIndex(int index) =>
        index == int.MinValue   // -index overflows: no dimension is that long
            ? throw new ArgumentOutOfRangeException(nameof(index), index, $"index {index} is out of bounds: a dimension has at most {int.MaxValue} positions")
            : new(index < 0 ? Index.FromEnd(-index) : Index.FromStart(index), null);

    public static implicit operator TensorIndex(Index index) => new(index, null);

    public static implicit operator TensorIndex(Range range) => new(null, range);

    public override string ToString() => Single?.ToString() ?? Slice?.ToString() ?? "";
}
