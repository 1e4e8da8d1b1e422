// Every PyTorch reference case rebuilt from its seed: parameters bit for bit, inputs and outputs within 1e-6.
using Recurrent;

namespace Recurrent.Tests;

public sealed class ReferenceCaseTests
{
    private const float OutputTolerance = 1e-6f;

    public static TheoryData<string> CaseIds => new(ReferenceData.Cases.Select(c => c.Id));

    [Fact]
    public void ReferenceFile_HoldsThirteenCasesAndTwoModules()
    {
        Assert.Equal(13, ReferenceData.Cases.Count);
        Assert.Equal("linear_4_2_seed0", ReferenceData.Module("linear_4_2_seed0").GetProperty("id").GetString());
        Assert.Equal("embedding_15_5_seed0", ReferenceData.Module("embedding_15_5_seed0").GetProperty("id").GetString());
    }

    [SkippableTheory]
    [InlineData(ReferenceData.ForwardFile)]
    [InlineData(ReferenceData.GradientFile)]
    public void ReferenceFile_IsAnUnchangedCopyOfTheSharedOne(string fileName)
    {
        // The workspace keeps shared/ beside the repository (CI's clone too); a clone elsewhere has none, and says so as a skip.
        var shared = Path.GetFullPath(RepositoryRoot.File("..", "shared", "reference", fileName));
        Skip.IfNot(File.Exists(shared), $"no {shared} beside the repository to compare the vendored copy with");
        Assert.Equal(File.ReadAllBytes(shared), File.ReadAllBytes(ReferenceData.VendoredPath(fileName)));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Init_FromSeed_ReproducesPyTorchParametersBitForBit(string id)
    {
        var (module, _) = Rebuild(ReferenceData.Case(id));

        var expected = ReferenceData.Case(id).StateDict;
        var actual = module.StateDict();
        Assert.Equal(expected.Select(p => p.Name), actual.Keys);
        foreach (var (name, value) in expected)
        {
            Assert.Equal(value.Shape, actual[name].Shape);
            Assert.Equal(value.Values, actual[name].ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Forward_ReproducesPyTorchOutputsWithinTolerance(string id)
    {
        var c = ReferenceData.Case(id);
        var (module, input) = Rebuild(c);
        AssertClose(c.Tensor("input"), input, "input");

        var h0 = c.Has("h0") ? c.Tensor("h0").ToTensor() : null;
        Tensor output, hN;
        Tensor? cN = null;
        switch (module)
        {
            case Lstm lstm:
                (output, (hN, var cell)) = lstm.Forward(input, h0 is null ? null : (h0, c.Tensor("c0").ToTensor()));
                cN = cell;
                break;
            case Gru gru:
                (output, hN) = gru.Forward(input, h0);
                break;
            default:
                (output, hN) = ((Rnn)module).Forward(input, h0);
                break;
        }

        AssertClose(c.Tensor("output"), output, "output");
        AssertClose(c.Tensor("h_n"), hN, "h_n");
        if (c.Has("c_n"))
        {
            AssertClose(c.Tensor("c_n"), cN!, "c_n");
        }
    }

    [Fact]
    public void Linear_AfterSeedZero_ReproducesPyTorchInitBitForBit()
    {
        Torch.ManualSeed(0);
        var linear = new Linear(4, 2);

        var expected = ReferenceData.ReadParams(ReferenceData.Module("linear_4_2_seed0").GetProperty("state_dict"));
        Assert.Equal(expected.Select(p => p.Name), linear.StateDict().Keys);
        Assert.Equal(expected[0].Value.Values, linear.Weight.ToArray());
        Assert.Equal(expected[1].Value.Values, linear.Bias!.ToArray());
    }

    [Fact]
    public void Embedding_AfterSeedZero_ReproducesPyTorchNormalInit()
    {
        Torch.ManualSeed(0);
        var embedding = new Embedding(15, 5);

        var expected = ReferenceData.ReadParams(ReferenceData.Module("embedding_15_5_seed0").GetProperty("state_dict"));
        AssertClose(expected[0].Value, embedding.Weight, "weight");
    }

    /// <summary>Seeds, builds what the case says was built before, then the module and its input, in PyTorch's order.</summary>
    internal static (RecurrentModule Module, Tensor Input) Rebuild(ReferenceCase c)
    {
        lock (SeedLock.Gate)
        {
            Torch.ManualSeed(c.Seed);
            foreach (var before in c.ConstructedBefore)
            {
                ReferenceData.Build(before, before.GetProperty("mode").GetString()!);
            }
            var embedding = c.InputSource == "embedding" ? new Embedding(15, 5) : null;
            var module = ReferenceData.Build(c.Args, c.Mode);
            var input = c.InputSource switch
            {
                "randn" => Torch.Randn(c.Tensor("input").Shape),
                "embedding" => embedding!.Forward(c.Tensor("tokens").ToTensor()),
                _ => c.Tensor("input").ToTensor(),
            };
            return (module, input);
        }
    }

    private static void AssertClose(ReferenceTensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var values = actual.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var diff = Math.Abs(values[i] - expected.Values[i]);
            Assert.True(diff <= OutputTolerance,
                $"{what}[{i}]: expected {expected.Values[i]:R}, got {values[i]:R} (|diff| {diff:E2} > {OutputTolerance:E0})");
        }
    }
}
