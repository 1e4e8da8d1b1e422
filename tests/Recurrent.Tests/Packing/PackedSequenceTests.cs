// Packing and unpacking as torch.nn.utils.rnn: order, batch sizes, padding, grad_fn names, and PyTorch's errors with the numbers.
namespace Recurrent.Tests.Packing;

public sealed class PackedSequenceTests
{
    /// <summary>(T = 4, B = 3, 2): element (t, b, k) = 100t + 10b + k, so every packed row says where it came from.</summary>
    private static Tensor Padded() =>
        Tensor.FromArray([.. Enumerable.Range(0, 24).Select(i => (float)(100 * (i / 6) + 10 * (i / 2 % 3) + i % 2))], 4, 3, 2);

    [Fact]
    public void PackPaddedSequence_WithUnsortedLengths_SortsLongestFirstKeepingTiesInOrder()
    {
        var packed = Torch.PackPaddedSequence(Padded(), [2, 3, 2], enforceSorted: false);

        Assert.Equal([1, 0, 2], packed.SortedIndices);
        Assert.Equal([1, 0, 2], packed.UnsortedIndices);
        Assert.Equal([3, 3, 1], packed.BatchSizes);
        Assert.Equal([7, 2], packed.Data.Shape);
        Assert.Equal([10f, 11, 0, 1, 20, 21, 110, 111, 100, 101, 120, 121, 210, 211], packed.Data.ToArray());
    }

    [Fact]
    public void PackPaddedSequence_BatchFirstWithSortedLengths_HasNoIndices()
    {
        var batchFirst = Padded().Transpose(0, 1);                                       // (B, T, 2)

        var packed = Torch.PackPaddedSequence(batchFirst, [4, 2, 1], batchFirst: true);

        Assert.Null(packed.SortedIndices);
        Assert.Null(packed.UnsortedIndices);
        Assert.Equal([3, 2, 1, 1], packed.BatchSizes);
        Assert.Equal([0f, 1, 10, 11, 20, 21, 100, 101, 110, 111, 200, 201, 300, 301], packed.Data.ToArray());
    }

    [Fact]
    public void PadPackedSequence_RestoresTheCallersOrderAndPadsWithTheGivenValue()
    {
        var packed = Torch.PackPaddedSequence(Padded(), [2, 3, 1], enforceSorted: false);

        var (padded, lengths) = Torch.PadPackedSequence(packed, batchFirst: true, paddingValue: -1, totalLength: 4);

        Assert.Equal([2, 3, 1], lengths);
        Assert.Equal([3, 4, 2], padded.Shape);
        Assert.Equal([0f, 1, 100, 101, -1, -1, -1, -1], padded[0].ToArray());
        Assert.Equal([10f, 11, 110, 111, 210, 211, -1, -1], padded[1].ToArray());
        Assert.Equal([20f, 21, -1, -1, -1, -1, -1, -1], padded[2].ToArray());
    }

    [Fact]
    public void PackAndPad_OfTokenIds_KeepInt64AndPrintAsPyTorch()
    {
        var ids = Tensor.FromInt64Array([6, 12, 7, 9, 5, 3], 2, 3);                      // (B, T) = (2, 3)

        var packed = Torch.PackPaddedSequence(ids, [2, 3], batchFirst: true, enforceSorted: false);
        var (padded, _) = Torch.PadPackedSequence(packed, batchFirst: true, paddingValue: 0.5f);

        Assert.Equal(DType.Int64, packed.Data.DType);
        Assert.Equal("tensor([ 9,  6,  5, 12,  3])", packed.Data.ToString());
        Assert.Equal(DType.Int64, padded.DType);
        Assert.Equal("tensor([[ 6, 12,  0],\n        [ 9,  5,  3]])", padded.ToString());   // 0.5 truncated, as torch.full does
    }

    [Theory]
    [InlineData(true, false, "CopySlices")]
    [InlineData(true, true, "TransposeBackward0")]
    [InlineData(false, false, "IndexSelectBackward0")]
    [InlineData(false, true, "IndexSelectBackward0")]
    public void PackAndPad_PrintPyTorchsGradFns(bool enforceSorted, bool batchFirst, string padded)
    {
        var input = Padded().RequiresGrad_();

        var packed = Torch.PackPaddedSequence(input, [4, 2, 2], enforceSorted: enforceSorted);

        Assert.EndsWith("grad_fn=<PackPaddedSequenceBackward0>)", packed.Data.ToString());
        Assert.EndsWith($"grad_fn=<{padded}>)", Torch.PadPackedSequence(packed, batchFirst).Padded.ToString());
    }

    [Theory]
    [InlineData(true, "StackBackward0")]
    [InlineData(false, "IndexSelectBackward0")]
    public void Forward_OfAPackedBatch_PrintsCatBackward0OnTheDataAndPyTorchsNameOnTheStates(bool enforceSorted,
        string state)
    {
        var lstm = new Lstm(2, 3, bidirectional: true);

        var (output, (hN, cN)) = lstm.Forward(Torch.PackPaddedSequence(Padded(), [3, 3, 1], enforceSorted: enforceSorted));

        Assert.EndsWith("grad_fn=<CatBackward0>)", output.Data.ToString());
        Assert.EndsWith($"grad_fn=<{state}>)", hN.ToString());
        Assert.EndsWith($"grad_fn=<{state}>)", cN.ToString());
    }

    [Fact]
    public void Forward_OfAPackedBatch_GivesEachSequenceTheStatesOfRunningItAlone()
    {
        var gru = new Gru(2, 3, numLayers: 2, bidirectional: true);
        var input = SimdKernelTests.RandomTensor(8, 4, 3, 2);                          // (T, B, 2)
        int[] lengths = [2, 4, 3];
        var h0 = SimdKernelTests.RandomTensor(9, 4, 3, 3);

        var (output, hN) = gru.Forward(Torch.PackPaddedSequence(input, lengths, enforceSorted: false), h0);
        var (padded, _) = Torch.PadPackedSequence(output);

        for (var b = 0; b < 3; b++)
        {
            var alone = input[.., b][..lengths[b]];                                      // (length, 2), unbatched
            var (expectedOutput, expectedState) = gru.Forward(alone, h0[.., b]);
            Assert.True(Tensor.MaxAbsDiff(expectedState, hN[.., b]) < 1e-6f, $"h_n of sequence {b}");
            Assert.True(Tensor.MaxAbsDiff(expectedOutput, padded[..lengths[b], b]) < 1e-6f, $"output of sequence {b}");
            if (lengths[b] < 4)
            {
                Assert.All(padded[lengths[b].., b].ToArray(), v => Assert.Equal(0f, v));
            }
        }
    }

    [Theory]
    [InlineData(new[] { 4, 2 }, true, "Expected `len(lengths)` to be equal to batch_size, but got 2 (batch_size=3)")]
    [InlineData(new[] { 4, 0, 2 }, false, "Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0 (lengths[1] = 0)")]
    [InlineData(new[] { 4, 3, -1 }, true, "Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0 (lengths[2] = -1)")]
    [InlineData(new[] { 4, 6, 2 }, false, "Length of all samples has to be at most the input's sequence length 4, but found an element in 'lengths' that is longer (lengths[1] = 6)")]
    [InlineData(new[] { 3, 4, 2 }, true, "`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability. (lengths[0] = 3, lengths[1] = 4)")]
    public void PackPaddedSequence_WithBadLengths_FailsWithPyTorchsWordsAndTheNumbers(int[] lengths, bool enforceSorted,
        string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Torch.PackPaddedSequence(Padded(), lengths, enforceSorted: enforceSorted));

        Assert.Equal("lengths", error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void PackPaddedSequence_OfAnEmptyOrOneDimensionalInput_SaysWhy()
    {
        Assert.StartsWith("Cannot pack empty tensors.",
            Assert.Throws<ArgumentException>(() => Torch.PackPaddedSequence(Torch.Zeros(0, 2, 3), [1, 1])).Message);
        Assert.StartsWith("Expected a padded input with time and batch dimensions (at least 2-D), got 1D tensor",
            Assert.Throws<ArgumentException>(() => Torch.PackPaddedSequence(Torch.Zeros(4), [4])).Message);
    }

    [Fact]
    public void PadPackedSequence_WithATotalLengthShorterThanTheLongestSequence_SaysBoth()
    {
        var packed = Torch.PackPaddedSequence(Padded(), [4, 3, 2]);

        var error = Assert.Throws<ArgumentException>(() => Torch.PadPackedSequence(packed, totalLength: 3));

        Assert.StartsWith("Expected total_length to be at least the length of the longest sequence in input, but got " +
                          "total_length=3 and max sequence length being 4", error.Message);
    }

    [Fact]
    public void Forward_OfPackedDataWithMoreThanOneFeatureDimension_SaysItMustBe2D()
    {
        var packed = Torch.PackPaddedSequence(Torch.Zeros(4, 3, 2, 1), [4, 3, 2]);        // data (9, 2, 1)

        var error = Assert.Throws<ArgumentException>(() => new Rnn(2, 3).Forward(packed));

        Assert.StartsWith("input must have 2 dimensions, got 3", error.Message);
    }

    [Fact]
    public void Forward_OfAPackedBatchWithAnH0ForAnotherBatchSize_ShowsBothShapes()
    {
        var packed = Torch.PackPaddedSequence(Padded(), [4, 3, 2]);

        var error = Assert.Throws<ArgumentException>(() => new Rnn(2, 3).Forward(packed, Torch.Zeros(1, 2, 3)));

        Assert.StartsWith("Expected hidden size (1, 3, 3), got [1, 2, 3]", error.Message);
    }
}
