// Linear and Embedding record their backward: gradients of input, weight and bias against float64 finite differences,
// repeated indices accumulating, PyTorch's grad_fn names per input shape, and nothing recorded for inference.
namespace Recurrent.Tests.Autograd;

public sealed class LinearEmbeddingGradientTests
{
    public static TheoryData<int[], bool, bool> LinearInputs => new()
    {
        { [3, 4], true, false },
        { [3, 4], false, false },
        { [4], true, false },
        { [4], false, false },
        { [2, 3, 4], true, false },
        { [2, 3, 4], false, false },
        { [3, 2, 4], true, true },     // a transposed (2, 3, 4) input: not contiguous
    };

    [Theory]
    [MemberData(nameof(LinearInputs))]
    public void LinearForward_MatchesFiniteDifferencesForInputWeightAndBias(int[] shape, bool bias, bool transposed)
    {
        var linear = Seeded(() => new Linear(4, 3, bias));
        var random = new System.Random(shape.Length);
        var x = transposed
            ? GradientCheck.Uniform(random, [shape[1], shape[0], shape[2]], -1, 1).Transpose(0, 1).RequiresGrad_()
            : GradientCheck.Uniform(random, shape, -1, 1).RequiresGrad_();
        Tensor[] inputs = bias ? [x, linear.Weight, linear.Bias!] : [x, linear.Weight];

        GradientCheck.Run(inputs, _ => linear.Forward(x), r =>
            F64.Build([.. shape[..^1], 3], i =>
            {
                var row = i[..^1];
                var sum = Enumerable.Range(0, 4).Sum(k => r[0][[.. row, k]] * r[1][i[^1], k]);
                return bias ? sum + r[2][i[^1]] : sum;
            }));
    }

    public static TheoryData<int[], bool, bool, string> LinearNames => new()
    {
        { [3, 4], true, false, "AddmmBackward0" },
        { [2, 3, 4], true, false, "ViewBackward0" },
        { [4], true, false, "ViewBackward0" },
        { [3, 2, 4], true, true, "AddBackward0" },
        { [3, 4], false, false, "MmBackward0" },
        { [4], false, false, "SqueezeBackward4" },
        { [2, 3, 4], false, false, "UnsafeViewBackward0" },
    };

    [Theory]
    [MemberData(nameof(LinearNames))]
    public void LinearForward_ShowsTheGradFnPyTorchsLinearEndsWith(int[] shape, bool bias, bool transposed, string name)
    {
        var linear = new Linear(4, 3, bias);
        var x = transposed ? Torch.Zeros(shape[1], shape[0], shape[2]).Transpose(0, 1) : Torch.Zeros(shape);

        Assert.EndsWith($"grad_fn=<{name}>)", linear.Forward(x).ToString());
    }

    [Fact]
    public void LinearForward_InsideNoGrad_GivesTheSameValuesAndRecordsNothing()
    {
        var linear = Seeded(() => new Linear(4, 2));
        var x = Torch.Arange(0, 12).View(3, 4);

        var recorded = linear.Forward(x);
        Tensor inference;
        using (Torch.NoGrad())
        {
            inference = linear.Forward(x);
        }

        Assert.True(Tensor.Equal(recorded, inference));
        Assert.True(inference.IsLeaf);
        Assert.False(inference.RequiresGrad);
    }

    [Fact]
    public void LinearForward_OfAnInt64Input_AsksForFloat()
    {
        var error = Assert.Throws<NotSupportedException>(() => new Linear(2, 1).Forward(Tensor.FromInt64Array([1, 2], 2)));

        Assert.Equal("Linear expects a Float32 tensor, got torch.int64; convert it with .Float() first", error.Message);
    }

    [Fact]
    public void EmbeddingForward_WithRepeatedIndices_AccumulatesTheirGradientsIntoTheRow()
    {
        var embedding = Seeded(() => new Embedding(5, 3));
        long[] ids = [1, 3, 1, 0, 1, 4];

        GradientCheck.Run([embedding.Weight], _ => embedding.Forward(Tensor.FromInt64Array(ids, 2, 3)),
            r => F64.Build([2, 3, 3], i => r[0][(int)ids[i[0] * 3 + i[1]], i[2]]));
        Assert.Equal(new float[3], embedding.Weight.Grad!.ToArray()[6..9]);   // row 2 was never looked up
    }

    [Fact]
    public void EmbeddingForward_OfWholeFloatsAndOfInt64_IsTheSameLookup()
    {
        var embedding = Seeded(() => new Embedding(6, 2));

        var fromFloats = embedding.Forward(Tensor.FromArray([5f, 0f, 2f], 3));
        var fromLongs = embedding.Forward(Tensor.FromInt64Array([5, 0, 2], 3));

        Assert.True(Tensor.Equal(fromFloats, fromLongs));
        Assert.EndsWith("grad_fn=<EmbeddingBackward0>)", fromLongs.ToString());
        Assert.Equal(embedding.Weight[5].ToArray(), fromLongs[0].ToArray());
    }

    [Fact]
    public void EmbeddingForward_OfAFloatIndexAbove2To24_FailsInsteadOfReadingANeighbouringRow()
    {
        var error = Assert.Throws<ArgumentException>(() => new Embedding(3, 2).Forward(Tensor.FromArray([1f, 16777217f], 2)));

        Assert.Equal("indices", error.ParamName);
        Assert.StartsWith("Embedding index 16777216.0 at flat position 1 is 2^24 = 16777216 or more in magnitude", error.Message);
    }

    private static T Seeded<T>(Func<T> build)
    {
        lock (SeedLock.Gate)
        {
            Torch.ManualSeed(4);
            return build();
        }
    }
}
