// Which batch rows take part in a time step: all of them, or for a packed batch the first batch_sizes[t].
namespace Recurrent.Kernels;

internal static class ActiveRows
{
    /// <summary>
    /// How many of the rows [first, first + rows) take part in step <paramref name="t"/>. A packed batch is sorted
    /// longest first, so the rows of step t are [0, batchSizes[t]); without batch sizes every row takes part.
    /// </summary>
    public static int At(int[]? batchSizes, int t, int first, int rows) =>
        batchSizes is null ? rows : Math.Clamp(batchSizes[t] - first, 0, rows);
}
