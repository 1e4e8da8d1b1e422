// torch.nn.utils.rnn.PackedSequence: a batch of sequences of different lengths, stored step by step without padding.
namespace Recurrent;

/// <summary>
/// What <see cref="Torch.PackPaddedSequence"/> returns and what <c>Forward</c> of <see cref="Rnn"/>, <see cref="Lstm"/>
/// and <see cref="Gru"/> takes and gives back: <see cref="Data"/> holds step 0 of every sequence, then step 1 of
/// those that are that long, and so on, longest sequence first; <see cref="BatchSizes"/> says how many rows each
/// step has. When the lengths came unsorted (<c>enforceSorted: false</c>), <see cref="SortedIndices"/> gives the
/// caller's batch row of each packed row, and <see cref="UnsortedIndices"/> the reverse, so results return in the
/// caller's order.
/// </summary>
public sealed class PackedSequence
{
    internal PackedSequence(Tensor data, int[] batchSizes, int[]? sortedIndices)
    {
        Data = data;
        BatchSizesArray = batchSizes;
        SortedIndicesArray = sortedIndices;
        if (sortedIndices is not null)
        {
            var unsorted = new int[sortedIndices.Length];
            for (var i = 0; i < sortedIndices.Length; i++)
            {
                unsorted[sortedIndices[i]] = i;
            }
            UnsortedIndicesArray = unsorted;
        }
    }

    /// <summary>(sum of lengths, features): the rows of every step, one step after another.</summary>
    public Tensor Data { get; }

    /// <summary>Rows per step: how many sequences are at least t + 1 long.</summary>
    public IReadOnlyList<int> BatchSizes => BatchSizesArray;

    /// <summary>The caller's batch row of each packed row; null when the lengths came sorted (enforceSorted).</summary>
    public IReadOnlyList<int>? SortedIndices => SortedIndicesArray;

    /// <summary>The packed row of each of the caller's batch rows; null when <see cref="SortedIndices"/> is.</summary>
    public IReadOnlyList<int>? UnsortedIndices => UnsortedIndicesArray;

    internal int[] BatchSizesArray { get; }

    internal int[]? SortedIndicesArray { get; }

    internal int[]? UnsortedIndicesArray { get; }

    /// <summary>The same batch structure around new data (a module's output).</summary>
    internal PackedSequence WithData(Tensor data) => new(data, BatchSizesArray, SortedIndicesArray);

    /// <summary>PyTorch's repr: <c>PackedSequence(data=tensor(…), batch_sizes=tensor(…), sorted_indices=…, unsorted_indices=…)</c>.</summary>
    public override string ToString() =>
        $"PackedSequence(data={Data}, batch_sizes=tensor([{string.Join(", ", BatchSizesArray)}]), " +
        $"sorted_indices={Indices(SortedIndicesArray)}, unsorted_indices={Indices(UnsortedIndicesArray)})";

    private static string Indices(int[]? indices) => indices is null ? "None" : $"tensor([{string.Join(", ", indices)}])";
}
