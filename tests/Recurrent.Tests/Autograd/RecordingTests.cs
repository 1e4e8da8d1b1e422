// What each operation records: PyTorch's grad_fn names as printed, nothing without grad or inside NoGrad, and Map's refusal.
namespace Recurrent.Tests.Autograd;

public sealed class RecordingTests
{
    private static readonly Tensor Matrix = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);

    // The names PyTorch 2.x prints for the same expression in Python (x requires grad, y does not).
    public static TheoryData<string, string> Names => new()
    {
        { "x + y", "AddBackward0" }, { "x + 1.5f", "AddBackward0" }, { "2 + x", "AddBackward0" },
        { "x - y", "SubBackward0" }, { "x - 1", "SubBackward0" }, { "1 - x", "RsubBackward1" },
        { "x * y", "MulBackward0" }, { "x * 2", "MulBackward0" }, { "2f / x", "MulBackward0" },
        { "x / y", "DivBackward0" }, { "x / 2f", "DivBackward0" }, { "-x", "NegBackward0" },
        { "x.Pow(2)", "PowBackward0" }, { "x.Tanh()", "TanhBackward0" }, { "x.Sigmoid()", "SigmoidBackward0" },
        { "x.Relu()", "ReluBackward0" }, { "x.Abs()", "AbsBackward0" },
        { "x.Sum()", "SumBackward0" }, { "x.Mean()", "MeanBackward0" },
        { "x.View(3, 2)", "ViewBackward0" }, { "x.Reshape(6)", "ViewBackward0" },
        { "x.T.Reshape(6)", "UnsafeViewBackward0" }, { "x3.Transpose(0, 1).Reshape(3, 2, 2, 2)", "ReshapeAliasBackward0" },
        { "x.Transpose(0, 1)", "TransposeBackward0" }, { "x.T", "PermuteBackward0" },
        { "x.Unsqueeze(0)", "UnsqueezeBackward0" }, { "x.Squeeze(0)", "SqueezeBackward1" }, { "x.Flip(1)", "FlipBackward0" },
        { "x[0]", "SelectBackward0" }, { "x[^1]", "SelectBackward0" }, { "x[.., 0]", "SelectBackward0" },
        { "x[1..]", "SliceBackward0" }, { "x[..]", "SliceBackward0" }, { "x[.., 1..]", "SliceBackward0" },
        { "x[0, 1..]", "SliceBackward0" }, { "x[1.., 0]", "SelectBackward0" },
        { "x[.., ..]", "AliasBackward0" }, { "x[0..2, ..3]", "AliasBackward0" }, { "x[0..5, ..]", "AliasBackward0" },
        { "x.Clone()", "CloneBackward0" }, { "x.T.Contiguous()", "CloneBackward0" },
        { "Torch.Cat([x, y])", "CatBackward0" }, { "Torch.Stack([y, x])", "StackBackward0" },
        { "v.MatMul(v)", "DotBackward0" }, { "x.MatMul(v)", "MvBackward0" }, { "w.MatMul(x)", "SqueezeBackward4" },
        { "x.MatMul(x.T)", "MmBackward0" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void ToString_ShowsPyTorchsGradFnName(string expression, string name)
    {
        var result = Evaluate(expression, Matrix.Clone().RequiresGrad_());

        Assert.EndsWith($"grad_fn=<{name}>)", result.ToString());
        Assert.False(result.IsLeaf);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Operations_OnTensorsThatDoNotRequireGrad_RecordNothing(string expression, string name)
    {
        var result = Evaluate(expression, Matrix.Clone());

        Assert.False(result.RequiresGrad, name);
        Assert.True(result.IsLeaf);
        Assert.DoesNotContain("grad", result.ToString());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Operations_InsideNoGrad_RecordNothing(string expression, string name)
    {
        var x = Matrix.Clone().RequiresGrad_();

        Tensor result;
        using (Torch.NoGrad())
        {
            result = Evaluate(expression, x);
        }

        Assert.False(result.RequiresGrad, name);
        Assert.True(result.IsLeaf);
    }

    [Fact]
    public void Multiply_InsideNoGrad_AllocatesExactlyWhatItAllocatesWithoutGrad()
    {
        var plain = Tensor.FromArray(Enumerable.Range(0, 64).Select(i => i * 0.5f).ToArray(), 8, 8);
        var tracked = plain.Clone().RequiresGrad_();
        _ = plain * plain;   // JIT the path first

        var withoutGrad = AllocatedBytes(() => _ = plain * plain);
        long insideNoGrad;
        using (Torch.NoGrad())
        {
            insideNoGrad = AllocatedBytes(() => _ = tracked * tracked);
        }
        var recording = AllocatedBytes(() => _ = tracked * tracked);

        Assert.Equal(withoutGrad, insideNoGrad);
        Assert.True(recording > withoutGrad, "recording allocates the node");
    }

    [Fact]
    public void LinearAndEmbeddingForward_InsideNoGrad_AllocateExactlyWhatTheyAllocateWithoutGrad()
    {
        var linear = new Linear(16, 8);
        var embedding = new Embedding(10, 8);
        var x = Torch.Randn(4, 16);
        var ids = Tensor.FromInt64Array([1, 2, 3, 1], 4);
        Tensor Both() => linear.Forward(x) + embedding.Forward(ids);
        _ = Both();

        long insideNoGrad;
        using (Torch.NoGrad())
        {
            insideNoGrad = AllocatedBytes(() => _ = Both());
        }
        foreach (var p in linear.Parameters().Concat(embedding.Parameters()))
        {
            p.RequiresGrad_(false);
        }
        var withoutGrad = AllocatedBytes(() => _ = Both());

        Assert.Equal(withoutGrad, insideNoGrad);
    }

    [Fact]
    public void Map_OnATensorThatRequiresGrad_FailsAndSaysWhatToDoInstead()
    {
        var x = Matrix.Clone().RequiresGrad_();

        var error = Assert.Throws<InvalidOperationException>(() => x.Map(v => v * v));

        Assert.StartsWith("Map cannot be differentiated: this tensor requires grad", error.Message);
        Assert.Contains("Detach().Map(f)", error.Message);
        Assert.Contains("Torch.NoGrad()", error.Message);
    }

    [Fact]
    public void Map_AfterDetachOrInsideNoGrad_ComputesOutsideTheGraph()
    {
        var x = Matrix.Clone().RequiresGrad_();

        var detached = x.Detach().Map(v => v * v);
        Tensor inside;
        using (Torch.NoGrad())
        {
            inside = x.Map(v => v + 1);
        }

        Assert.Equal([1f, 4, 9, 16, 25, 36], detached.ToArray());
        Assert.Equal([2f, 3, 4, 5, 6, 7], inside.ToArray());
        Assert.False(detached.RequiresGrad || inside.RequiresGrad);
    }

    private static Tensor Evaluate(string expression, Tensor x)
    {
        var y = Tensor.FromArray([0.5f, -1, 2, 1, 1, -3], 2, 3);
        var v = Tensor.FromArray([1, 2, 3], 3);
        var w = Tensor.FromArray([1, -1], 2);
        var x3 = Tensor.FromArray(Enumerable.Range(0, 24).Select(i => (float)i).ToArray(), 2, 3, 4).RequiresGrad_(x.RequiresGrad);
        if (expression.StartsWith("v.MatMul"))
        {
            v.RequiresGrad_(x.RequiresGrad);
        }
        return expression switch
        {
            "x + y" => x + y, "x + 1.5f" => x + 1.5f, "2 + x" => 2 + x,
            "x - y" => x - y, "x - 1" => x - 1, "1 - x" => 1 - x,
            "x * y" => x * y, "x * 2" => x * 2, "2f / x" => 2f / x,
            "x / y" => x / y, "x / 2f" => x / 2f, "-x" => -x,
            "x.Pow(2)" => x.Pow(2), "x.Tanh()" => x.Tanh(), "x.Sigmoid()" => x.Sigmoid(),
            "x.Relu()" => x.Relu(), "x.Abs()" => x.Abs(), "x.Sum()" => x.Sum(), "x.Mean()" => x.Mean(),
            "x.View(3, 2)" => x.View(3, 2), "x.Reshape(6)" => x.Reshape(6), "x.T.Reshape(6)" => x.T.Reshape(6),
            "x3.Transpose(0, 1).Reshape(3, 2, 2, 2)" => x3.Transpose(0, 1).Reshape(3, 2, 2, 2),
            "x.Transpose(0, 1)" => x.Transpose(0, 1), "x.T" => x.T, "x.Unsqueeze(0)" => x.Unsqueeze(0),
            "x.Squeeze(0)" => x.Squeeze(0), "x.Flip(1)" => x.Flip(1),
            "x[0]" => x[0], "x[^1]" => x[^1], "x[.., 0]" => x[.., 0], "x[1..]" => x[1..], "x[..]" => x[..],
            "x[.., 1..]" => x[.., 1..], "x[0, 1..]" => x[0, 1..], "x[1.., 0]" => x[1.., 0], "x[.., ..]" => x[.., ..],
            "x[0..2, ..3]" => x[0..2, ..3], "x[0..5, ..]" => x[0..5, ..],
            "x.Clone()" => x.Clone(), "x.T.Contiguous()" => x.T.Contiguous(),
            "Torch.Cat([x, y])" => Torch.Cat([x, y]), "Torch.Stack([y, x])" => Torch.Stack([y, x]),
            "v.MatMul(v)" => v.MatMul(v), "x.MatMul(v)" => x.MatMul(v), "w.MatMul(x)" => w.MatMul(x),
            "x.MatMul(x.T)" => x.MatMul(x.T),
            _ => throw new ArgumentException(expression),
        };
    }

    private static long AllocatedBytes(Action body)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        body();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
