// Torch.ClipGradNorm: the joint 2-norm returned before clipping, PyTorch's coefficient, skipped parameters, non-finite norms.
namespace Recurrent.Tests.Autograd;

public sealed class ClipGradNormTests
{
    [Fact]
    public void ClipGradNorm_AboveTheMaximum_ScalesEveryGradientByMaxOverTotalAndReturnsTheTotal()
    {
        var (a, b) = WithGradients([3f, 4f], [12f]);             // norms 5 and 12: total √(25 + 144) = 13

        var total = Torch.ClipGradNorm([a, b], maxNorm: 1f);

        Assert.Equal(13f, total);
        var coefficient = 1f / (13f + 1e-6f) * 1f;                // PyTorch: total.add(1e-6).reciprocal() * max_norm
        Assert.Equal([3f * coefficient, 4f * coefficient], a.Grad!.ToArray());
        Assert.Equal([12f * coefficient], b.Grad!.ToArray());
        Assert.Equal(1.0, Math.Sqrt(a.Grad.ToArray().Concat(b.Grad.ToArray()).Sum(v => (double)v * v)), 6);
    }

    [Fact]
    public void ClipGradNorm_BelowTheMaximum_LeavesTheGradientsExactlyAsTheyWere()
    {
        var (a, b) = WithGradients([0.3f, -0.4f], [1.2f]);

        var total = Torch.ClipGradNorm([a, b], maxNorm: 5f);

        Assert.Equal((float)Math.Sqrt(0.25 + 1.44), total, 6);
        Assert.Equal([0.3f, -0.4f], a.Grad!.ToArray());
        Assert.Equal([1.2f], b.Grad!.ToArray());
    }

    [Fact]
    public void ClipGradNorm_SkipsParametersWithoutGradient_AndReturnsZeroWhenNoneHasOne()
    {
        var (a, _) = WithGradients([6f, 8f], [0f]);
        var untouched = Tensor.Zeros(3).RequiresGrad_();

        Assert.Equal(10f, Torch.ClipGradNorm([untouched, a], maxNorm: 20f));
        Assert.Null(untouched.Grad);
        Assert.Equal(0f, Torch.ClipGradNorm([untouched], maxNorm: 1f));
    }

    [Fact]
    public void ClipGradNorm_OfAnInfiniteGradient_ReturnsInfinityAndScalesByZero_AsPyTorchsDefault()
    {
        var (a, b) = WithGradients([float.PositiveInfinity, 1f], [2f]);

        var total = Torch.ClipGradNorm([a, b], maxNorm: 1f);

        Assert.Equal(float.PositiveInfinity, total);              // coefficient 1/(inf + 1e-6)·1 = 0
        Assert.Equal([float.NaN, 0f], a.Grad!.ToArray());          // inf·0 = NaN
        Assert.Equal([0f], b.Grad!.ToArray());
    }

    [Fact]
    public void ClipGradNorm_OfANaNGradient_ReturnsNaNAndMakesEveryGradientNaN()
    {
        var (a, b) = WithGradients([float.NaN, 1f], [2f]);

        var total = Torch.ClipGradNorm([a, b], maxNorm: 1f);

        Assert.True(float.IsNaN(total));
        Assert.All(a.Grad!.ToArray().Concat(b.Grad!.ToArray()), v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void ClipGradNorm_WithANullParameter_NamesTheArgument()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Torch.ClipGradNorm([null!], 1f));

        Assert.Equal("parameters", error.ParamName);
    }

    private static (Tensor A, Tensor B) WithGradients(float[] a, float[] b)
    {
        var x = Tensor.Zeros(a.Length).RequiresGrad_();
        var y = Tensor.Zeros(b.Length).RequiresGrad_();
        (x * Tensor.FromArray(a, a.Length)).Sum().Backward();
        (y * Tensor.FromArray(b, b.Length)).Sum().Backward();
        return (x, y);
    }
}
