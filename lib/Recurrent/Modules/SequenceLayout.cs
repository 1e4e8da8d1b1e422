// How the caller lays out a batch of sequences (time-major, batch-first, unbatched, packed) and how that maps onto the kernels' rows.
namespace Recurrent;

/// <summary>
/// The kernels see every sequence batch as time-major rows, (L, N, features), row t·N + n. The caller's tensors are
/// (L, N, ·), (N, L, ·) with batch_first, (L, ·) unbatched (N = 1), or a packed batch's data (Σ lengths, ·), whose
/// step t holds its <c>BatchSizes[t]</c> rows one after another, longest sequence first. A packed batch built with
/// <c>enforceSorted: false</c> also reorders the batch: kernel row n is the caller's row <c>SortedIndices[n]</c>,
/// which matters for the states h_0 and h_n, kept in the caller's order. A value type, so the inference path
/// allocates nothing for it.
/// </summary>
internal readonly record struct SequenceLayout(
    int Steps,
    int Batch,
    bool Batched,
    bool BatchFirst,
    int[]? BatchSizes,
    int[]? SortedIndices)
{
    public bool Packed => BatchSizes is not null;

    /// <summary>Rows of a sequence tensor: L·N, or for a packed batch the sum of the lengths.</summary>
    public int Rows => Packed ? PackedRows : checked(Steps * Batch);

    /// <summary>The shape of a sequence tensor of <paramref name="width"/> features in this layout.</summary>
    public int[] SequenceShape(int width)
    {
        Span<int> shape = stackalloc int[3];
        return shape[..SequenceShape(width, shape)].ToArray();
    }

    /// <summary>The same into <paramref name="shape"/> (3 long), without allocating; returns its rank.</summary>
    public int SequenceShape(int width, Span<int> shape)
    {
        if (Packed || !Batched)
        {
            (shape[0], shape[1]) = (Packed ? Rows : Steps, width);
            return 2;
        }
        (shape[0], shape[1], shape[2]) = BatchFirst ? (Batch, Steps, width) : (Steps, Batch, width);
        return 3;
    }

    /// <summary>The shape of h_0 / h_n: (D·layers, N, H), or (D·layers, H) unbatched.</summary>
    public int[] StateShape(int states, int hidden)
    {
        Span<int> shape = stackalloc int[3];
        return shape[..StateShape(states, hidden, shape)].ToArray();
    }

    /// <summary>The same into <paramref name="shape"/> (3 long), without allocating; returns its rank.</summary>
    public int StateShape(int states, int hidden, Span<int> shape)
    {
        if (!Batched)
        {
            (shape[0], shape[1]) = (states, hidden);
            return 2;
        }
        (shape[0], shape[1], shape[2]) = (states, Batch, hidden);
        return 3;
    }

    /// <summary>The caller's batch row that kernel row <paramref name="n"/> holds.</summary>
    public int CallerRow(int n) => SortedIndices is null ? n : SortedIndices[n];

    /// <summary>
    /// Writes <paramref name="sequence"/> (this layout, <paramref name="width"/> features) as time-major rows into
    /// <paramref name="destination"/> (L·N·width); a packed batch's padding rows become zeros.
    /// </summary>
    public void ToTimeMajor(Tensor sequence, Span<float> destination, int width)
    {
        if (BatchSizes is { } sizes)
        {
            destination.Clear();
            ReadOnlySpan<float> data = sequence.IsContiguous ? sequence.ContiguousStorage() : sequence.ToArray();
            var offset = 0;
            for (var t = 0; t < sizes.Length; t++)
            {
                var count = sizes[t] * width;
                data.Slice(offset, count).CopyTo(destination.Slice(t * Batch * width, count));
                offset += count;
            }
        }
        else if (!Batched || !BatchFirst)
        {
            sequence.CopyTo(destination);
        }
        else if (sequence.IsContiguous)
        {
            SwapFirstTwo(sequence.ContiguousStorage(), destination, Batch, Steps, width);   // (N, L, ·) → (L, N, ·)
        }
        else
        {
            sequence.Transpose(0, 1).CopyTo(destination);
        }
    }

    /// <summary>The reverse of <see cref="ToTimeMajor"/>: time-major rows (L·N·width) into this layout.</summary>
    public void FromTimeMajor(ReadOnlySpan<float> source, Span<float> destination, int width)
    {
        if (BatchSizes is { } sizes)
        {
            var offset = 0;
            for (var t = 0; t < sizes.Length; t++)
            {
                var count = sizes[t] * width;
                source.Slice(t * Batch * width, count).CopyTo(destination.Slice(offset, count));
                offset += count;
            }
        }
        else if (!Batched || !BatchFirst)
        {
            source[..destination.Length].CopyTo(destination);
        }
        else
        {
            SwapFirstTwo(source, destination, Steps, Batch, width);                       // (L, N, ·) → (N, L, ·)
        }
    }

    /// <summary>
    /// Copies a (D·layers, N, H) state from the caller's batch order into per-layer-and-direction (N, H) blocks in
    /// the kernels' order, or zeroes them when no state was given.
    /// </summary>
    public void StateToKernel(Tensor? given, float[][] slots, int hidden)
    {
        if (given is null)
        {
            foreach (var slot in slots)
            {
                Array.Clear(slot);
            }
            return;
        }
        ReadOnlySpan<float> values = given.IsContiguous ? given.ContiguousStorage() : given.ToArray();
        for (var s = 0; s < slots.Length; s++)
        {
            for (var n = 0; n < Batch; n++)
            {
                values.Slice((s * Batch + CallerRow(n)) * hidden, hidden).CopyTo(slots[s].AsSpan(n * hidden, hidden));
            }
        }
    }

    /// <summary>The reverse of <see cref="StateToKernel"/>: per-slot (N, H) blocks into one (D·layers, N, H) state.</summary>
    public void StateFromKernel(float[][] slots, Span<float> destination, int hidden)
    {
        for (var s = 0; s < slots.Length; s++)
        {
            for (var n = 0; n < Batch; n++)
            {
                slots[s].AsSpan(n * hidden, hidden).CopyTo(destination.Slice((s * Batch + CallerRow(n)) * hidden, hidden));
            }
        }
    }

    /// <summary>Rows of a packed batch's data: the sum of the lengths.</summary>
    private int PackedRows
    {
        get
        {
            var rows = 0;
            foreach (var size in BatchSizes!)
            {
                rows = checked(rows + size);
            }
            return rows;
        }
    }

    /// <summary>Copies an (a, b, c) row-major block into (b, a, c) order.</summary>
    private static void SwapFirstTwo(ReadOnlySpan<float> source, Span<float> destination, int a, int b, int c)
    {
        for (var i = 0; i < a; i++)
        {
            for (var j = 0; j < b; j++)
            {
                source.Slice((i * b + j) * c, c).CopyTo(destination.Slice((j * a + i) * c, c));
            }
        }
    }
}
