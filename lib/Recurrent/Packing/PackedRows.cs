// Where each row of a packed batch sits in the padded tensor it came from or goes to: one map serves packing and unpacking.
namespace Recurrent;

internal static class PackedRows
{
    /// <summary>
    /// For packed row r (step t's i-th row, steps one after another), the row of the padded tensor, seen as
    /// (T·B, features) in its own order: (t, b) time-major or (b, t) batch-first, where b is the caller's batch row,
    /// <c>sortedIndices[i]</c> for a batch that was sorted by length, else i.
    /// </summary>
    public static int[] Map(int[] batchSizes, int[]? sortedIndices, bool batchFirst, int steps, int batch)
    {
        var rows = 0;
        foreach (var size in batchSizes)
        {
            rows = checked(rows + size);
        }
        var map = new int[rows];
        var r = 0;
        for (var t = 0; t < batchSizes.Length; t++)
        {
            for (var i = 0; i < batchSizes[t]; i++)
            {
                var b = sortedIndices is null ? i : sortedIndices[i];
                map[r++] = batchFirst ? b * steps + t : t * batch + b;
            }
        }
        return map;
    }

    /// <summary>Copies row <c>map[r]</c> of <paramref name="padded"/> to row r of <paramref name="packed"/>, for every r.</summary>
    public static void Gather(ReadOnlySpan<float> padded, Span<float> packed, int[] map, int features)
    {
        for (var r = 0; r < map.Length; r++)
        {
            padded.Slice(map[r] * features, features).CopyTo(packed.Slice(r * features, features));
        }
    }

    /// <summary>The reverse of <see cref="Gather"/>: row r of <paramref name="packed"/> into row <c>map[r]</c>.</summary>
    public static void Scatter(ReadOnlySpan<float> packed, Span<float> padded, int[] map, int features)
    {
        for (var r = 0; r < map.Length; r++)
        {
            packed.Slice(r * features, features).CopyTo(padded.Slice(map[r] * features, features));
        }
    }
}
