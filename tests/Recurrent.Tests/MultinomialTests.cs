// Torch.Multinomial: the indices libtorch draws after the same seed, frequencies that follow the weights, the Int64
// result's shape and printing, and PyTorch's messages for every argument it refuses.
namespace Recurrent.Tests;

public sealed class MultinomialTests
{
    private static readonly Tensor P = Tensor.FromArray([0.1f, 0.2f, 0.3f, 0.4f], 4);

    /// <summary>Seeds 0, runs <paramref name="draw"/> under the generator's lock and returns what it drew.</summary>
    private static float[] AfterSeed0(Func<float[]> draw)
    {
        lock (SeedLock.Gate)
        {
            Torch.ManualSeed(0);
            return draw();
        }
    }

    // Every expected sequence below is what libtorch 2.10 (TorchSharp 0.107, CPU) returned for the same calls after
    // torch.manual_seed(0).

    [Fact]
    public void OneSampleAtATime_DrawsLibtorchsIndices()
    {
        var drawn = AfterSeed0(() => [.. Enumerable.Range(0, 10).Select(_ => Torch.Multinomial(P, 1).Item())]);

        Assert.Equal([2f, 2f, 3f, 3f, 1f, 2f, 0f, 1f, 1f, 3f], drawn);
    }

    [Fact]
    public void OneSampleWithReplacement_TakesTheSamePathAsWithout()
    {
        var drawn = AfterSeed0(() => [.. Enumerable.Range(0, 5).Select(_ => Torch.Multinomial(P, 1, replacement: true).Item())]);

        Assert.Equal([2f, 2f, 3f, 3f, 1f], drawn);
    }

    [Fact]
    public void WithoutReplacement_DrawsLibtorchsIndicesInDescendingOrderOfWeightOverExponential()
    {
        Assert.Equal([2f, 1f, 3f], AfterSeed0(() => Torch.Multinomial(P, 3).ToArray()));
    }

    [Fact]
    public void WithReplacement_DrawsLibtorchsIndicesFromTheCumulativeSums()
    {
        Assert.Equal([3f, 3f, 2f, 3f, 3f, 3f, 1f, 2f], AfterSeed0(() => Torch.Multinomial(P, 8, replacement: true).ToArray()));
    }

    [Fact]
    public void RowsOfAMatrix_AreDrawnRowByRow_AsLibtorchDoes()
    {
        var rows = Tensor.FromArray([0.5f, 0f, 0.25f, 0.25f, 1f, 2f, 3f, 4f], 2, 4);

        Assert.Equal([2f, 2f], AfterSeed0(() => Torch.Multinomial(rows, 1).ToArray()));
        Assert.Equal([3f, 2f, 0f, 3f, 2f, 3f, 1f, 2f, 2f, 1f, 2f, 1f],
            AfterSeed0(() => Torch.Multinomial(rows, 6, replacement: true).ToArray()));
    }

    [Fact]
    public void SixtyFiveUnnormalisedWeights_DrawLibtorchsIndices()
    {
        var weights = Torch.Arange(1, 66);                     // 1, 2, …, 65: a character vocabulary's size

        var drawn = AfterSeed0(() => [.. Enumerable.Range(0, 5).Select(_ => Torch.Multinomial(weights, 1).Item())]);

        Assert.Equal([58f, 63f, 38f, 56f, 48f], drawn);
    }

    [Fact]
    public void Frequencies_FollowTheWeights_OnBothPaths()
    {
        const int Draws = 40000;
        var single = AfterSeed0(() => [.. Enumerable.Range(0, Draws).Select(_ => Torch.Multinomial(P, 1).Item())]);
        var many = AfterSeed0(() => Torch.Multinomial(P, Draws, replacement: true).ToArray());

        foreach (var drawn in new[] { single, many })
        {
            for (var c = 0; c < 4; c++)
            {
                var frequency = drawn.Count(v => v == c) / (double)Draws;
                Assert.InRange(frequency, 0.1 * (c + 1) - 0.01, 0.1 * (c + 1) + 0.01);   // 4 standard deviations or more
            }
        }
    }

    [Fact]
    public void WithoutReplacement_NeverRepeatsAnIndexInARow()
    {
        var drawn = AfterSeed0(() => Torch.Multinomial(Torch.Rand(3, 10) + 0.01f, 10).ToArray());

        for (var row = 0; row < 3; row++)
        {
            Assert.Equal(Enumerable.Range(0, 10).Select(c => (float)c), drawn[(row * 10)..(row * 10 + 10)].Order());
        }
    }

    [Fact]
    public void ZeroWeights_AreNeverDrawnWhileAnyOtherIsLeft()
    {
        var weights = Tensor.FromArray([0f, 1f, 0f, 2f], 4);

        var drawn = AfterSeed0(() => Torch.Multinomial(weights, 2, replacement: true).ToArray()
            .Concat(Torch.Multinomial(weights, 2).ToArray()).ToArray());

        Assert.All(drawn, v => Assert.True(v is 1f or 3f));
    }

    [Fact]
    public void Result_IsAnInt64TensorOfShapeSamplesOrRowsBySamples_PrintedAsPyTorchPrintsIt()
    {
        var vector = AfterSeed0(() => [.. Torch.Multinomial(P, 3).Shape]);
        Tensor matrix;
        lock (SeedLock.Gate)
        {
            Torch.ManualSeed(0);
            matrix = Torch.Multinomial(Tensor.FromArray([1f, 1f, 1f, 1f, 1f, 1f], 2, 3), 2);
        }

        Assert.Equal([3f], vector);
        Assert.Equal(DType.Int64, matrix.DType);
        Assert.Equal([2, 2], matrix.Shape);
        Assert.Matches(@"^tensor\(\[\[\d, \d\],\n        \[\d, \d\]\]\)$", matrix.ToString());
    }

    [Theory]
    [InlineData(new[] { 0f, 0f }, 1, false, "invalid multinomial distribution (sum of probabilities <= 0)")]
    [InlineData(new[] { -1f, 2f }, 1, false, "probability tensor contains either `inf`, `nan` or element < 0")]
    [InlineData(new[] { float.NaN, 2f }, 1, false, "probability tensor contains either `inf`, `nan` or element < 0")]
    [InlineData(new[] { -1f, 2f }, 2, true, "invalid multinomial distribution (encountering probability entry < 0)")]
    [InlineData(new[] { float.PositiveInfinity, 2f }, 2, true, "invalid multinomial distribution (encountering probability entry = infinity or NaN)")]
    [InlineData(new[] { 0f, 0f }, 2, true, "invalid multinomial distribution (sum of probabilities <= 0)")]
    public void InvalidWeights_FailWithPyTorchsMessage(float[] weights, int numSamples, bool replacement, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => Torch.Multinomial(Tensor.FromArray(weights, weights.Length), numSamples, replacement));

        Assert.StartsWith(message, e.Message);
        Assert.Equal("input", e.ParamName);
    }

    [Fact]
    public void BadArguments_FailWithPyTorchsMessage()
    {
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => Torch.Multinomial(P, 0));
        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => Torch.Multinomial(P, 5));
        var cube = Assert.Throws<ArgumentException>(() => Torch.Multinomial(Torch.Zeros(2, 2, 2), 1));
        var ints = Assert.Throws<ArgumentException>(() => Torch.Multinomial(Tensor.FromInt64Array([1, 2], 2), 1));

        Assert.StartsWith("cannot sample n_sample <= 0 samples", zero.Message);
        Assert.Equal("numSamples", zero.ParamName);
        Assert.StartsWith("cannot sample n_sample > prob_dist.size(-1) samples without replacement (n_sample 5, size(-1) 4)", tooMany.Message);
        Assert.StartsWith("prob_dist must be 1 or 2 dim, got 3 dimensions", cube.Message);
        Assert.StartsWith("multinomial only supports floating-point dtypes for input, got: Long", ints.Message);
    }
}
