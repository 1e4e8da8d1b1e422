// The PyTorch packed-sequence cases: packing, the module's packed output, unpacking, h_n/c_n, loss and gradients.
using Recurrent.Tests.Autograd;

namespace Recurrent.Tests.Packing;

public sealed class PackedReferenceTests
{
    private const float OutputTolerance = 1e-6f;

    public static TheoryData<string> CaseIds => new(ReferenceData.GradientSection("packed").Select(c => c.Id));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void PackForwardUnpackAndBackward_ReproducePyTorch(string id)
    {
        var c = ReferenceData.GradientSection("packed").Single(x => x.Id == id);
        var args = c.Args;
        var batchFirst = args.GetProperty("batch_first").GetBoolean();
        var (module, built) = ReferenceCaseTests.Rebuild(c);
        var input = built.Detach().RequiresGrad_();
        var h0 = c.Has("h0") ? c.Tensor("h0").ToTensor().RequiresGrad_() : null;
        var c0 = c.Has("c0") ? c.Tensor("c0").ToTensor().RequiresGrad_() : null;
        var lengths = c.Json.GetProperty("lengths").EnumerateArray().Select(v => v.GetInt32()).ToArray();

        var packed = Torch.PackPaddedSequence(input, lengths, batchFirst, c.Json.GetProperty("enforce_sorted").GetBoolean());
        AssertClose(c.Tensor("packed_data"), packed.Data, "packed_data");
        Assert.Equal(Whole(c.Tensor("packed_batch_sizes")), packed.BatchSizes);
        Assert.Equal(c.Has("packed_sorted_indices") ? Whole(c.Tensor("packed_sorted_indices")) : null, packed.SortedIndices);

        var (output, hN, cN) = Forward(module, packed, h0, c0);
        AssertClose(c.Tensor("output_packed_data"), output.Data, "output_packed_data");
        var (padded, outputLengths) = Torch.PadPackedSequence(output, batchFirst);
        AssertClose(c.Tensor("output_padded"), padded, "output_padded");
        Assert.Equal(Whole(c.Tensor("output_lengths")), outputLengths);
        AssertClose(c.Tensor("h_n"), hN, "h_n");
        if (c.Has("c_n"))
        {
            AssertClose(c.Tensor("c_n"), cN!, "c_n");
        }

        var loss = Loss(c.Json.GetProperty("loss_for_grads").GetString()!, padded, hN, cN);
        loss.Backward();
        var expectedLoss = c.Json.GetProperty("loss").GetSingle();
        Assert.True(Math.Abs(loss.Item() - expectedLoss) <= 1e-5f * Math.Max(1, Math.Abs(expectedLoss)),
            $"loss {loss.Item():R}, PyTorch {expectedLoss:R}");
        RecurrentGradientTests.AssertGradients(c.Json.GetProperty("grads"), module, input, h0, c0);
    }

    /// <summary>The loss the case names, a sum of terms such as <c>output_padded.sum()</c> and <c>h_n.pow(2).sum()</c>.</summary>
    private static Tensor Loss(string formula, Tensor padded, Tensor hN, Tensor? cN) => formula.Split(" + ")
        .Select(term => term switch
        {
            "output_padded.sum()" => padded.Sum(),
            "h_n.pow(2).sum()" => hN.Pow(2).Sum(),
            "c_n.pow(2).sum()" => cN!.Pow(2).Sum(),
            _ => throw new InvalidDataException($"unknown loss term '{term}' in '{formula}'"),
        })
        .Aggregate((a, b) => a + b);

    private static (PackedSequence Output, Tensor HN, Tensor? CN) Forward(RecurrentModule module, PackedSequence x,
        Tensor? h0, Tensor? c0) => module switch
    {
        Lstm lstm => lstm.Forward(x, h0 is null ? null : (h0, c0!)) is var (o, (h, cell)) ? (o, h, cell) : default,
        Gru gru => gru.Forward(x, h0) is var (o, h) ? (o, h, null) : default,
        _ => ((Rnn)module).Forward(x, h0) is var (o, h) ? (o, h, null) : default,
    };

    /// <summary>Index tensors are stored as floats holding whole numbers.</summary>
    private static int[] Whole(ReferenceTensor t) => t.Values.Select(v => (int)v).ToArray();

    private static void AssertClose(ReferenceTensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var values = actual.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            Assert.True(Math.Abs(values[i] - expected.Values[i]) <= OutputTolerance,
                $"{what}[{i}]: PyTorch {expected.Values[i]:R}, got {values[i]:R}");
        }
    }
}
