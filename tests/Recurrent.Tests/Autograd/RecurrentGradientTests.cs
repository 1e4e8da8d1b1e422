// Backward of every recurrent reference case against PyTorch: loss = output.sum() + h_n.pow(2).sum(), every gradient within 1e-5.
using System.Text.Json;

namespace Recurrent.Tests.Autograd;

public sealed class RecurrentGradientTests
{
    /// <summary>Absolute below 1, relative above, as the reference README asks.</summary>
    private const float Tolerance = 1e-5f;

    public static TheoryData<string> CaseIds => new(ReferenceData.GradientCases.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Backward_ReproducesPyTorchsLossAndEveryGradient(string id)
    {
        var c = ReferenceData.GradientCases.Single(x => x.Id == id);
        var (module, built) = ReferenceCaseTests.Rebuild(c);
        var input = built.Detach().RequiresGrad_();
        var h0 = c.Has("h0") ? c.Tensor("h0").ToTensor().RequiresGrad_() : null;
        var c0 = c.Has("c0") ? c.Tensor("c0").ToTensor().RequiresGrad_() : null;

        var (output, hN) = module switch
        {
            Lstm lstm => lstm.Forward(input, h0 is null ? null : (h0, c0!)) is var (o, (h, _)) ? (o, h) : default,
            Gru gru => gru.Forward(input, h0),
            _ => ((Rnn)module).Forward(input, h0),
        };
        var loss = output.Sum() + hN.Pow(2).Sum();
        loss.Backward();

        Assert.True(Math.Abs(loss.Item() - c.Json.GetProperty("loss").GetSingle()) <= Tolerance * Math.Max(1, Math.Abs(loss.Item())),
            $"loss {loss.Item():R}, PyTorch {c.Json.GetProperty("loss").GetSingle():R}");
        AssertGradients(c.Json.GetProperty("grads"), module, input, h0, c0);
    }

    /// <summary>Every gradient a case lists ("input", "h0", "c0" or a parameter name) against the leaf's <c>Grad</c>.</summary>
    internal static void AssertGradients(JsonElement grads, RecurrentModule module, Tensor input, Tensor? h0, Tensor? c0)
    {
        foreach (var grad in grads.EnumerateObject())
        {
            var actual = grad.Name switch
            {
                "input" => input.Grad,
                "h0" => h0!.Grad,
                "c0" => c0!.Grad,
                _ => module[grad.Name].Grad,
            };
            AssertClose(ReferenceData.ReadTensor(grad.Value), actual, grad.Name);
        }
    }

    internal static void AssertClose(ReferenceTensor expected, Tensor? actual, string what)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Shape, actual.Shape);
        var values = actual.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var bound = Tolerance * Math.Max(1f, Math.Abs(expected.Values[i]));
            Assert.True(Math.Abs(values[i] - expected.Values[i]) <= bound,
                $"{what}[{i}]: PyTorch {expected.Values[i]:R}, got {values[i]:R}");
        }
    }
}
