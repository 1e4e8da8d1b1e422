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

    /// <summary>One element of the dimension; negative counts from the end, as in Python (<c>-1</c> is the last).</summary>
    public static implicit operator TensorIndex(int index) =>
        index == int.MinValue   // -index overflows: no dimension is that long
            ? throw new ArgumentOutOfRangeException(nameof(index), index, $"index {index} is out of bounds: a dimension has at most {int.MaxValue} positions")
            : new(index < 0 ? Index.FromEnd(-index) : Index.FromStart(index), null);

    /// <summary>One element of the dimension, <c>^1</c> being the last.</summary>
    public static implicit operator TensorIndex(Index index) => new(index, null);

    /// <summary>A slice of the dimension, kept in the result: <c>..</c> is all of it, <c>1..3</c> elements 1 and 2.</summary>
    public static implicit operator TensorIndex(Range range) => new(null, range);

    /// <summary>The index as C# writes it: <c>2</c>, <c>^1</c> or <c>1..3</c>.</summary>
    public override string ToString() => Single?.ToString() ?? Slice?.ToString() ?? "";
}
