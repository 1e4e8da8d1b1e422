// Indexing: t[0, .., 1..3] returns a view, as basic indexing does in PyTorch, and records where its gradient goes.
using System.Runtime.CompilerServices;
using Recurrent.Autograd;

namespace Recurrent;

public sealed partial class Tensor
{
    /// <summary>
    /// A view selected by one index per leading dimension: <c>int</c> or <c>^n</c> picks one position and drops the
    /// dimension, a range (<c>..</c>, <c>1..3</c>, <c>^2..</c>) keeps it; missing trailing indices mean "all".
    /// In the graph it is PyTorch's last select or slice (SelectBackward0, SliceBackward0, or AliasBackward0 when
    /// every index keeps a whole dimension); the gradient lands in the selected positions of the input.
    /// </summary>
    [IndexerName("Slice")]
    public Tensor this[params TensorIndex[] index] => Select(index);

    private Tensor Select(TensorIndex[] index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var (result, name) = Locate(index);
        if (!Records(this))
        {
            return result;
        }
        var shape = (int[])_shape.Clone();
        var positions = (TensorIndex[])index.Clone();
        return result.AttachGradFn(new RearrangeBackward(this, name, g =>
        {
            var grad = Zeros(shape);
            grad.Locate(positions).View.CopyFrom(g);
            return grad;
        }));
    }

    /// <summary>The view <paramref name="index"/> selects, and PyTorch's name for the last operation it applies.</summary>
    private (Tensor View, string Name) Locate(TensorIndex[] index)
    {
        if (index.Length > Dim)
        {
            throw new ArgumentException(
                $"too many indices for tensor of dimension {Dim}: got {index.Length} (shape {ShapeText(_shape)})",
                nameof(index));
        }
        var offset = _offset;
        var shape = new List<int>();
        var strides = new List<int>();
        var name = "AliasBackward0";
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
                name = "SelectBackward0";
                continue;
            }
            var range = d < index.Length && index[d].Slice is { } r ? r : Range.All;
            var start = Clamp(range.Start, size);
            var end = Math.Max(start, Clamp(range.End, size));
            offset += start * _strides[d];
            shape.Add(end - start);
            strides.Add(_strides[d]);
            if (d < index.Length && (index.Length == 1 || !CoversWholeDimension(range, size)))
            {
                name = "SliceBackward0";
            }
        }
        return (ViewOf(offset, [.. shape], [.. strides]), name);
    }

    /// <summary>
    /// PyTorch skips the slice (records nothing for it) when it starts at 0 and stops at or past the end, as
    /// Python's <c>:</c> does; only a lone slice (<c>t[:]</c>) is always recorded.
    /// </summary>
    private static bool CoversWholeDimension(Range range, int size) =>
        range.Start is { IsFromEnd: false, Value: 0 } && (range.End.IsFromEnd ? range.End.Value == 0 : range.End.Value >= size);

    /// <summary>Python slice bounds: out-of-range ends are clamped, never an error.</summary>
    private static int Clamp(Index bound, int size)
    {
        var value = bound.IsFromEnd ? size - bound.Value : bound.Value;
        return Math.Clamp(value, 0, size);
    }
}
