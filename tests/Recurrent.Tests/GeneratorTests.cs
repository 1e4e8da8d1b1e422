// The PyTorch generator: known mt19937 values, uniform bounds and the scalar normal path's cached second value.
using Recurrent;
using Recurrent.Random;

namespace Recurrent.Tests;

public sealed class GeneratorTests
{
    [Fact]
    public void MersenneTwister_SeededWith5489_GivesTheStandardFirstOutputs()
    {
        var mt = new MersenneTwister(5489);

        Assert.Equal(3499211612u, mt.NextUInt32());
        Assert.Equal(581869302u, mt.NextUInt32());
        Assert.Equal(3890346734u, mt.NextUInt32());
    }

    [Fact]
    public void ManualSeed_RepeatsTheSameDraws()
    {
        float[] first, second;
        lock (SeedLock.Gate)
        {
            Torch.ManualSeed(42);
            first = Torch.Rand(5).ToArray();
            Torch.ManualSeed(42);
            second = Torch.Rand(5).ToArray();
        }

        Assert.Equal(first, second);
        Assert.All(first, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void NormalScalarPath_CachesTheSineValueForTheNextDraw()
    {
        var generator = new Generator(7);
        var pair = new float[2];
        generator.FillNormal(pair, 0, 1);

        var fresh = new Generator(7);
        var one = new float[1];
        fresh.FillNormal(one, 0, 1);
        var cachedNext = new float[1];
        fresh.FillNormal(cachedNext, 0, 1);

        Assert.Equal(pair[0], one[0]);
        Assert.Equal(pair[1], cachedNext[0]);
        Assert.NotEqual(pair[0], pair[1]);
    }

    [Fact]
    public void Seed_DropsACachedNormalValue()
    {
        var generator = new Generator(3);
        var first = new float[1];
        generator.FillNormal(first, 0, 1);
        generator.Seed(3);
        var again = new float[1];
        generator.FillNormal(again, 0, 1);

        Assert.Equal(first[0], again[0]);
    }
}
