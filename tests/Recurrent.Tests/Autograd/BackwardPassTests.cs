// The autograd core: accumulation into leaves, broadcasting undone, PyTorch's errors, no_grad, detach, printing.
namespace Recurrent.Tests.Autograd;

public sealed class BackwardPassTests
{
    [Fact]
    public void Backward_ThroughABroadcastAdd_GivesEachLeafTheGradientSummedOverItsBroadcastDimensions()
    {
        var a = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3).RequiresGrad_();
        var b = Tensor.FromArray([10, 20, 30], 3).RequiresGrad_();

        (a + b).Sum().Backward();

        Assert.Equal([1f, 1, 1, 1, 1, 1], a.Grad!.ToArray());
        Assert.Equal([2, 3], a.Grad.Shape);
        Assert.Equal([2f, 2, 2], b.Grad!.ToArray());
    }

    [Fact]
    public void Backward_CalledTwiceOnOneGraph_AccumulatesUntilZeroGrad()
    {
        var linear = new Linear(2, 1);
        var x = Tensor.FromArray([1, 1], 2).RequiresGrad_();
        var b = linear.Bias!;
        var loss = (x + b).Sum();

        loss.Backward();
        loss.Backward();
        Assert.Equal([2f, 2], x.Grad!.ToArray());
        Assert.Equal([4f], b.Grad!.ToArray());     // b (1) broadcast over x's 2 elements, twice

        linear.ZeroGrad();
        Assert.Null(b.Grad);
        Assert.NotNull(x.Grad);                      // not a parameter of the module
    }

    [Fact]
    public void Backward_WhenATensorReachesTheLossTwice_AddsBothPaths()
    {
        var x = Tensor.FromArray([3], 1).RequiresGrad_();
        var y = x + x;                               // d(sum(x + x + x))/dx = 3

        (y + x).Sum().Backward();

        Assert.Equal([3f], x.Grad!.ToArray());
    }

    [Fact]
    public void Backward_OnATensorWithMoreThanOneElement_FailsAsPyTorchDoes()
    {
        var x = Tensor.FromArray([1, 2], 2).RequiresGrad_();

        var error = Assert.Throws<InvalidOperationException>(() => (x + x).Backward());

        Assert.StartsWith("grad can be implicitly created only for scalar outputs", error.Message);
    }

    [Fact]
    public void Backward_OnAGraphThatDoesNotRequireGrad_FailsAsPyTorchDoes()
    {
        var x = Tensor.FromArray([1, 2], 2);

        var error = Assert.Throws<InvalidOperationException>(() => (x + x).Sum().Backward());

        Assert.Equal("element 0 of tensors does not require grad and does not have a grad_fn", error.Message);
    }

    [Fact]
    public void Backward_OfALeafItself_GivesOne()
    {
        var x = Tensor.FromArray([5], 1).RequiresGrad_();

        x.Backward();

        Assert.Equal([1f], x.Grad!.ToArray());
    }

    [Fact]
    public void NoGrad_InsideItsScope_RecordsNothingAndRestoresRecordingAfterwards()
    {
        var x = Tensor.FromArray([1, 2], 2).RequiresGrad_();

        Tensor inside;
        using (Torch.NoGrad())
        {
            using (Torch.NoGrad())
            {
            }
            inside = x + x;                          // the inner scope ended, the outer one still holds
        }
        var after = x + x;

        Assert.False(inside.RequiresGrad);
        Assert.True(inside.IsLeaf);
        Assert.True(after.RequiresGrad);
        Assert.False(after.IsLeaf);
    }

    [Fact]
    public async Task NoGrad_ScopeOfOneAsyncFlow_DoesNotLeakIntoAnother()
    {
        var x = Tensor.FromArray([1], 1).RequiresGrad_();
        using var entered = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var other = Task.Run(async () =>
        {
            using (Torch.NoGrad())
            {
                entered.Release();
                await release.WaitAsync();
            }
        });

        await entered.WaitAsync();
        var here = x + x;
        release.Release();
        await other;

        Assert.True(here.RequiresGrad);
    }

    [Fact]
    public void Detach_SharesStorageButLeavesTheGraph()
    {
        var x = Tensor.FromArray([1, 2], 2).RequiresGrad_();
        var y = x + x;

        var detached = y.Detach();

        Assert.False(detached.RequiresGrad);
        Assert.True(detached.IsLeaf);
        Assert.Equal([2f, 4], detached.ToArray());
    }

    [Fact]
    public void RequiresGrad_SwitchedOffOnANonLeaf_FailsAsPyTorchDoes()
    {
        var x = Tensor.FromArray([1, 2], 2).RequiresGrad_();

        var error = Assert.Throws<InvalidOperationException>(() => (x + x).RequiresGrad_(false));

        Assert.StartsWith("you can only change requires_grad flags of leaf variables.", error.Message);
    }

    [Fact]
    public void ToString_ShowsRequiresGradOnLeavesAndGradFnOnResults_AsPyTorchPrints()
    {
        var x = Tensor.FromArray([1, 2], 2).RequiresGrad_();

        Assert.Equal("tensor([1., 2.], requires_grad=True)", x.ToString());
        Assert.Equal("tensor([2., 4.], grad_fn=<AddBackward0>)", (x + x).ToString());
        Assert.Equal("tensor(6., grad_fn=<SumBackward0>)", (x + x).Sum().ToString());
    }

    [Fact]
    public void ToString_OfAParameterAndOfItsStateDictEntry_MatchPyTorch()
    {
        var linear = new Linear(1, 1);
        linear.LoadStateDict(new StateDict
        {
            { "weight", Tensor.FromArray([0.5f], 1, 1) },
            { "bias", Tensor.FromArray([-0.25f], 1) },
        });

        Assert.Equal("Parameter containing:\ntensor([[0.5000]], requires_grad=True)", linear.Weight.ToString());
        Assert.Equal("tensor([-0.2500])", linear.StateDict()["bias"].ToString());
    }

    [Fact]
    public void ToString_WhenTheSuffixDoesNotFitOnTheLastLine_PutsItOnANewLine()
    {
        var values = Enumerable.Range(0, 16).Select(i => i + 0.5f).ToArray();
        var x = Tensor.FromArray(values, 16).RequiresGrad_();

        var lines = x.ToString().Split('\n');

        // Eight values fill a line; the second line ends at column 80, so the suffix starts a third.
        Assert.Equal(
            ["tensor([ 0.5000,  1.5000,  2.5000,  3.5000,  4.5000,  5.5000,  6.5000,  7.5000,",
             "         8.5000,  9.5000, 10.5000, 11.5000, 12.5000, 13.5000, 14.5000, 15.5000],",
             "       requires_grad=True)"],
            lines);
    }

    [Fact]
    public void ToString_WhenTheSuffixFits_KeepsItOnTheLastLine()
    {
        var values = Enumerable.Range(0, 12).Select(i => i + 0.5f).ToArray();
        var x = Tensor.FromArray(values, 12).RequiresGrad_();

        Assert.EndsWith("\n         8.5000,  9.5000, 10.5000, 11.5000], requires_grad=True)", x.ToString());
    }

    [Fact]
    public void Backward_ThroughPow_GivesExponentTimesPowerMinusOne()
    {
        var x = Tensor.FromArray([-1.5f, 0.5f, 2f], 3).RequiresGrad_();

        x.Pow(2).Sum().Backward();

        Assert.Equal([-3f, 1f, 4f], x.Grad!.ToArray());
        Assert.Equal("tensor([2.2500, 0.2500, 4.0000], grad_fn=<PowBackward0>)", x.Pow(2).ToString());
    }
}
