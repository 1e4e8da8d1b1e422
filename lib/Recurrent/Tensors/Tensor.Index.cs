// Indexing: t[0, .., 1..3] returns a view, as basic indexing does in PyTorch.
using System.Runtime.CompilerServices;

namespace Recurrent;

public sealed partial class Tensor
{
    /// <summary>
    /// A view selected by one index per leading dimension: <c>int</c> or <c>^n</c> picks one position and drops the
    /// dimension, a range (<c>..</c>, <c>1..3</c>, <c>^2..</c>) keeps it; missing trailing indices mean "all".
    /// </summary>
    [IndexerName("Slice")]
    public Tensor this[params TensorIndex[] index] => Select(index);

    private Tensor Select(TensorIndex[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Length > Dim)
        {
            throw new ArgumentException(
                $"too many indices for tensor of dimension {Dim}: got {index.Length} (shape {ShapeText(_shape)})",
                nameof(index));
        }
        var offset = _offset;
        var shape = new List<int>();
        var strides = new List<int>();
        for (var d = 0; d < Dim; d++)
        {
            var size = _shape[d];
            if (d < index.Length && index[d].Single is { } single)
            {
                var position = single.IsFromEnd ? size - single.Value : single.Value;
                if (position < 0 || position >= size)
                {
                    var shown = single.IsFromEnd ? -single.Value : single.Value;
                    throw new ArgumentOutOfRangeException(nameof(index), shown,
                        $"index {shown} is out of bounds for dimension {d} with size {size}");
                }
                offset += position * _strides[d];
                continue;
            }
            var range = d < index.Length && index[d].Slice is { } r ? r : Range.All;
            var start = Clamp(range.Start, size);
            var end = Math.Max(start, Clamp(range.End, size));
            offset += start * _strides[d];
            shape.Add(end - start);
            strides.Add(_strides[d]);
        }
        return new Tensor(_storage, offset, shape.ToArray(), strides.ToArray());
    }

    /// <summary>Python slice bounds: out-of-range ends are clamped, never an error.</summary>
    private static int Clamp(Index bound, int size)
    {
        var value = bound.IsFromEnd ? size - bound.Value : bound.Value;
        return Math.Clamp(value, 0, size);
    }
}
