// Relations a reader checks in the notebooks, verified on the library: last output = h_n, direction halves, layouts.
using Recurrent;

namespace Recurrent.Tests;

public sealed class ModuleBehaviourTests
{
    private static Tensor ArticleInput() => Torch.Arange(1, 21).View(4, 5, 1);

    [Fact]
    public void Forward_WhenBidirectional_ConcatenatesDirections()
    {
        var rnn = new Rnn(1, 2, batchFirst: true, bidirectional: true);

        var (output, hN) = rnn.Forward(ArticleInput());                 // (4, 5, 4), (2, 4, 2)

        Assert.Equal([4, 5, 4], output.Shape);
        Assert.True(Tensor.Equal(output[.., ^1, ..2], hN[0]));
        Assert.True(Tensor.Equal(output[.., 0, 2..], hN[1]));
    }

    [Fact]
    public void Forward_WhenStacked_OutputComesFromTheLastLayer()
    {
        var rnn = new Rnn(1, 2, numLayers: 3, batchFirst: true);

        var (output, hN) = rnn.Forward(ArticleInput());

        Assert.Equal([3, 4, 2], hN.Shape);
        Assert.True(Tensor.Equal(output[.., ^1, ..], hN[^1]));
        Assert.False(Tensor.Equal(output[.., ^1, ..], hN[0]));
    }

    [Fact]
    public void Forward_BatchFirstAndTimeMajor_GiveTransposedOutputs()
    {
        var batchFirst = new Rnn(1, 2, batchFirst: true);
        var timeMajor = new Rnn(1, 2);
        timeMajor.LoadStateDict(batchFirst.StateDict());

        var (a, ha) = batchFirst.Forward(ArticleInput());
        var (b, hb) = timeMajor.Forward(ArticleInput().Transpose(0, 1));

        Assert.True(Tensor.Equal(a, b.Transpose(0, 1).Contiguous()));
        Assert.True(Tensor.Equal(ha, hb));
    }

    [Fact]
    public void Forward_Unbatched_EqualsBatchOfOne()
    {
        var rnn = new Rnn(3, 4, numLayers: 2, bidirectional: true);
        var x = Torch.Randn(6, 3);

        var (single, hSingle) = rnn.Forward(x);                          // (6, 8), (4, 4)
        var (batched, hBatched) = rnn.Forward(x.Unsqueeze(1));           // (6, 1, 8), (4, 1, 4)

        Assert.Equal([6, 8], single.Shape);
        Assert.Equal([4, 4], hSingle.Shape);
        Assert.True(Tensor.Equal(single, batched.Squeeze(1)));
        Assert.True(Tensor.Equal(hSingle, hBatched.Squeeze(1)));
    }

    [Fact]
    public void Forward_OneStep_EqualsTheEquationComputedByHand()
    {
        var rnn = new Rnn(2, 3);
        var x = Tensor.FromArray([0.5f, -1f], 1, 1, 2);
        var h0 = Tensor.FromArray([0.1f, 0.2f, -0.3f], 1, 1, 3);

        var (output, _) = rnn.Forward(x, h0);

        var expected = (rnn["weight_ih_l0"].MatMul(x[0, 0]) + rnn["bias_ih_l0"]
                        + rnn["weight_hh_l0"].MatMul(h0[0, 0]) + rnn["bias_hh_l0"]).Tanh();
        Assert.True(Tensor.MaxAbsDiff(output[0, 0], expected) < 1e-6f);
    }

    [Fact]
    public void Forward_Relu_NeverReturnsNegativeStates()
    {
        var (output, _) = new Rnn(4, 6, nonlinearity: Nonlinearity.Relu).Forward(Torch.Randn(7, 3, 4));

        Assert.True(output.ToArray().All(v => v >= 0));
        Assert.Contains(output.ToArray(), v => v > 0);
    }

    [Fact]
    public void StateDict_OfBidirectionalStack_UsesPyTorchNamesAndOrder()
    {
        var keys = new Gru(3, 4, numLayers: 2, bidirectional: true).StateDict().Keys.ToList();

        Assert.Equal(16, keys.Count);
        Assert.Equal(["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l0_reverse"], keys[..5]);
        Assert.Equal("bias_hh_l1_reverse", keys[^1]);
        Assert.Equal([12, 8], new Gru(3, 4, numLayers: 2, bidirectional: true)["weight_ih_l1"].Shape);
    }
}
