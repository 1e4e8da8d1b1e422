// Functional.Softmax: values and gradients against libtorch's F.softmax and a float64 re-computation, along any
// dimension, stable for huge logits, with PyTorch's grad_fn name and the library's messages for bad arguments.
namespace Recurrent.Tests.Autograd;

public sealed class SoftmaxTests
{
    // x = [[1, 2, 3], [-1, 0.5, 1000]] and what libtorch 2.10 (through TorchSharp 0.107) printed for it: F.softmax(x, 1),
    // F.softmax(x, 0), and the gradient of (F.softmax(x, 1) * [[1, 2, 3], [4, 5, 6]]).sum().
    private static readonly float[] X = [1f, 2f, 3f, -1f, 0.5f, 1000f];
    private static readonly float[] TorchSoftmaxDim1 = [0.09003057330846786f, 0.2447284758090973f, 0.6652409434318542f, 0f, 0f, 1f];
    private static readonly float[] TorchSoftmaxDim0 =
        [0.8807970285415649f, 0.8175744414329529f, 0f, 0.11920291930437088f, 0.18242551386356354f, 1f];
    private static readonly float[] TorchGradDim1 = [-0.1418170928955078f, -0.1407703459262848f, 0.282587468624115f, 0f, 0f, 0f];

    [Fact]
    public void Softmax_AlongEachDimension_EqualsLibtorch_AndHugeLogitsGiveZeroAndOne()
    {
        var x = Tensor.FromArray(X, 2, 3);

        GradientCheck.AssertClose([.. TorchSoftmaxDim1.Select(v => (double)v)], Functional.Softmax(x, 1).ToArray(), 1e-6, "dim 1");
        GradientCheck.AssertClose([.. TorchSoftmaxDim0.Select(v => (double)v)], Functional.Softmax(x, 0).ToArray(), 1e-6, "dim 0");
        Assert.Equal(Functional.Softmax(x, 1).ToArray(), Functional.Softmax(x, -1).ToArray());
        Assert.Equal([0f, 0f, 1f], Functional.Softmax(x, 1).ToArray()[3..]);
    }

    [Fact]
    public void SoftmaxBackward_EqualsLibtorchsGradient()
    {
        var x = Tensor.FromArray(X, 2, 3).RequiresGrad_();

        (Functional.Softmax(x, 1) * Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3)).Sum().Backward();

        GradientCheck.AssertClose([.. TorchGradDim1.Select(v => (double)v)], x.Grad!.ToArray(), 1e-6, "gradient");
    }

    [Fact]
    public void Softmax_OverTheMiddleDimension_MatchesFiniteDifferencesOfTheFloat64Formula()
    {
        var x = GradientCheck.Uniform(new System.Random(31), [2, 3, 4], -3, 3).RequiresGrad_();

        GradientCheck.Run([x], t => Functional.Softmax(t[0], 1), r => SoftmaxF64(r[0], 1));
    }

    [Fact]
    public void Softmax_OfAVectorAndOfA0DimTensor_SumsToOne()
    {
        var v = GradientCheck.Uniform(new System.Random(32), [7], -2, 2).RequiresGrad_();

        GradientCheck.Run([v], t => Functional.Softmax(t[0], 0), r => SoftmaxF64(r[0], 0));
        Assert.Equal("tensor(1.)", Functional.Softmax(Tensor.FromArray([3f]), 0).ToString());
    }

    [Fact]
    public void Softmax_ShowsPyTorchsGradFnName()
    {
        var x = Tensor.FromArray([0f, 0f], 2).RequiresGrad_();

        Assert.Equal("tensor([0.5000, 0.5000], grad_fn=<SoftmaxBackward0>)", Functional.Softmax(x, 0).ToString());
    }

    [Fact]
    public void Softmax_WithADimensionOutOfRange_SaysWhichRangeWasExpected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Functional.Softmax(Torch.Zeros(2, 2), 2));

        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", e.Message);
        Assert.Equal("dim", e.ParamName);
    }

    [Fact]
    public void Softmax_OfAnInt64Tensor_AsksForFloat()
    {
        var e = Assert.Throws<NotSupportedException>(() => Functional.Softmax(Tensor.FromInt64Array([1, 2], 2), 0));

        Assert.Equal("Softmax input expects a Float32 tensor, got torch.int64; convert it with .Float() first", e.Message);
    }

    /// <summary>exp(x − max) / Σ exp(x − max) along <paramref name="dim"/>, in double.</summary>
    private static F64 SoftmaxF64(F64 x, int dim) => F64.Build(x.Shape, index =>
    {
        var line = Enumerable.Range(0, x.Shape[dim]).Select(k =>
        {
            var at = (int[])index.Clone();
            at[dim] = k;
            return x[at];
        }).ToArray();
        var max = line.Max();
        return Math.Exp(x[index] - max) / line.Sum(v => Math.Exp(v - max));
    });
}
