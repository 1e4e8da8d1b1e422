// torch.nn.utils.rnn.pack_padded_sequence and pad_packed_sequence: padded batches to packed ones and back, gradients included.
namespace Recurrent;

public static partial class Torch
{
    /// <summary>
    /// torch.nn.utils.rnn.pack_padded_sequence: packs a padded batch, (T, B, *) or (B, T, *) with
    /// <paramref name="batchFirst"/>, whose sequence b is <paramref name="lengths"/>[b] steps long. With
    /// <paramref name="enforceSorted"/> the lengths must not increase; otherwise the batch is sorted by length,
    /// longest first, ties kept in their order (a stable sort, which is what torch.sort gives for up to 16
    /// sequences; beyond that PyTorch's sort does not keep ties in order, so only the packed order of tied lengths
    /// can differ, never a result in the caller's order), and <see cref="PackedSequence.SortedIndices"/> records it.
    /// </summary>
    public static PackedSequence PackPaddedSequence(Tensor input, IReadOnlyList<int> lengths, bool batchFirst = false,
        bool enforceSorted = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lengths);
        if (input.Dim < 2)
        {
            throw new ArgumentException(
                $"Expected a padded input with time and batch dimensions (at least 2-D), got {input.Dim}D tensor",
                nameof(input));
        }
        if (input.Numel() == 0)
        {
            throw new ArgumentException("Cannot pack empty tensors.", nameof(input));
        }
        var (steps, batch) = batchFirst ? (input.Size(1), input.Size(0)) : (input.Size(0), input.Size(1));
        CheckLengths(lengths, steps, batch, enforceSorted);
        var order = enforceSorted
            ? null
            : Enumerable.Range(0, batch).OrderByDescending(b => lengths[b]).ToArray();   // stable
        var batchSizes = new int[order is null ? lengths[0] : lengths[order[0]]];
        foreach (var length in lengths)
        {
            for (var t = 0; t < length; t++)
            {
                batchSizes[t]++;
            }
        }

        var features = input.Numel() / (steps * batch);
        var map = PackedRows.Map(batchSizes, order, batchFirst, steps, batch);
        var data = new float[checked(map.Length * features)];
        PackedRows.Gather(input.IsContiguous ? input.ContiguousStorage() : input.ToArray(), data, map, features);
        var packed = new Tensor(data, [map.Length, .. input.Shape.Skip(2)], input.DType);   // token ids stay Int64, as in PyTorch
        if (Tensor.Records(input))
        {
            packed.AttachGradFn(new PackPaddedSequenceBackward(input, map, features));
        }
        return new PackedSequence(packed, batchSizes, order);
    }

    /// <summary>
    /// torch.nn.utils.rnn.pad_packed_sequence: the padded batch, (T, B, *) or (B, T, *) with
    /// <paramref name="batchFirst"/>, in the caller's batch order, with <paramref name="paddingValue"/> after each
    /// sequence's end; T is the longest length, or <paramref name="totalLength"/> when given. Also returns the lengths.
    /// </summary>
    public static (Tensor Padded, int[] Lengths) PadPackedSequence(PackedSequence sequence, bool batchFirst = false,
        float paddingValue = 0f, int? totalLength = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var batchSizes = sequence.BatchSizesArray;
        var steps = totalLength ?? batchSizes.Length;
        if (steps < batchSizes.Length)
        {
            throw new ArgumentException(
                "Expected total_length to be at least the length of the longest sequence in input, but got " +
                $"total_length={steps} and max sequence length being {batchSizes.Length}", nameof(totalLength));
        }
        var batch = batchSizes[0];
        var sorted = sequence.SortedIndicesArray;
        var lengths = new int[batch];
        foreach (var size in batchSizes)
        {
            for (var i = 0; i < size; i++)
            {
                lengths[sorted is null ? i : sorted[i]]++;
            }
        }

        var data = sequence.Data;
        var features = data.Numel() / data.Size(0);
        var map = PackedRows.Map(batchSizes, sorted, batchFirst, steps, batch);
        var padded = new float[checked(steps * batch * features)];
        Array.Fill(padded, data.DType == DType.Int64 ? MathF.Truncate(paddingValue) : paddingValue);   // as torch.full casts it
        PackedRows.Scatter(data.IsContiguous ? data.ContiguousStorage() : data.ToArray(), padded, map, features);
        int[] shape = [.. batchFirst ? new[] { batch, steps } : [steps, batch], .. data.Shape.Skip(1)];
        var result = new Tensor(padded, shape, data.DType);
        if (Tensor.Records(data))
        {
            var name = sorted is not null ? "IndexSelectBackward0" : batchFirst ? "TransposeBackward0" : "CopySlices";
            result.AttachGradFn(new PadPackedSequenceBackward(data, map, features, name));
        }
        return (result, lengths);
    }

    /// <summary>PyTorch's checks of the lengths, each message with the numbers that broke it.</summary>
    private static void CheckLengths(IReadOnlyList<int> lengths, int steps, int batch, bool enforceSorted)
    {
        if (lengths.Count != batch)
        {
            throw new ArgumentException(
                $"Expected `len(lengths)` to be equal to batch_size, but got {lengths.Count} (batch_size={batch})",
                nameof(lengths));
        }
        for (var b = 0; b < batch; b++)
        {
            if (lengths[b] <= 0)
            {
                throw new ArgumentException(
                    "Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0 " +
                    $"(lengths[{b}] = {lengths[b]})", nameof(lengths));
            }
            if (lengths[b] > steps)
            {
                throw new ArgumentException(
                    $"Length of all samples has to be at most the input's sequence length {steps}, but found an " +
                    $"element in 'lengths' that is longer (lengths[{b}] = {lengths[b]})", nameof(lengths));
            }
            if (enforceSorted && b > 0 && lengths[b] > lengths[b - 1])
            {
                throw new ArgumentException(
                    "`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass " +
                    "`enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement " +
                    $"if you do not need ONNX exportability. (lengths[{b - 1}] = {lengths[b - 1]}, " +
                    $"lengths[{b}] = {lengths[b]})", nameof(lengths));
            }
        }
    }
}
