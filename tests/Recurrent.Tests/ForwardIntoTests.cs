// Forward(…, into:) — PyTorch's out= for the recurrent modules: the same values as Forward, written into the caller's tensors.
namespace Recurrent.Tests;

/// <summary>Parameters require grad, and out= does not record, so every call here runs inside Torch.NoGrad(), as a user's would.</summary>
public sealed class ForwardIntoTests
{
    [Fact]
    public void ForwardInto_WhenItWouldRecord_RefusesAsPyTorchDoes()
    {
        var rnn = new Rnn(1, 2);

        var error = Assert.Throws<InvalidOperationException>(() =>
            rnn.Forward(Torch.Zeros(5, 4, 1), null, (Torch.Zeros(5, 4, 2), Torch.Zeros(1, 4, 2))));

        Assert.Equal("Forward(…, into:) doesn't support automatic differentiation, but one of the arguments requires grad: run it inside Torch.NoGrad()", error.Message);
    }

    [Fact]
    public void RnnForwardInto_GivesForwardsValuesInTheGivenTensors_AndAllocatesNothingOnceWarm()
    {
        using var noGrad = Torch.NoGrad();
        var rnn = (Rnn)SimdKernelTests.Build("rnn", 64, 128, 2, bidirectional: false, batchFirst: false);
        var x = SimdKernelTests.RandomTensor(1, 20, 32, 64);                   // (L, N, H_in)
        var h0 = SimdKernelTests.RandomTensor(2, 2, 32, 128);
        var into = (Output: Torch.Zeros(20, 32, 128), HN: Torch.Zeros(2, 32, 128));
        var expected = rnn.Forward(x, h0);

        var returned = rnn.Forward(x, h0, into);
        var allocated = AllocationTests.AllocatedBytes(() => rnn.Forward(x, h0, into));

        Assert.Same(into.Output, returned.Output);
        Assert.Same(into.HN, returned.HN);
        Assert.True(Tensor.Equal(expected.Output, into.Output));
        Assert.True(Tensor.Equal(expected.HN, into.HN));
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void LstmForwardInto_BatchFirstBidirectional_GivesForwardsValues()
    {
        using var noGrad = Torch.NoGrad();
        var lstm = (Lstm)SimdKernelTests.Build("lstm", 5, 7, 2, bidirectional: true, batchFirst: true);
        var x = SimdKernelTests.RandomTensor(3, 4, 6, 5);                      // (N, L, H_in)
        var state = (SimdKernelTests.RandomTensor(4, 4, 4, 7), SimdKernelTests.RandomTensor(5, 4, 4, 7));
        var into = (Torch.Zeros(4, 6, 14), (Torch.Zeros(4, 4, 7), Torch.Zeros(4, 4, 7)));
        var expected = lstm.Forward(x, state);

        lstm.Forward(x, state, into);

        Assert.True(Tensor.Equal(expected.Output, into.Item1));
        Assert.True(Tensor.Equal(expected.State.HN, into.Item2.Item1));
        Assert.True(Tensor.Equal(expected.State.CN, into.Item2.Item2));
    }

    [Fact]
    public void GruForwardInto_Unbatched_GivesForwardsValues()
    {
        using var noGrad = Torch.NoGrad();
        var gru = (Gru)SimdKernelTests.Build("gru", 3, 9, 1, bidirectional: false, batchFirst: false);
        var x = SimdKernelTests.RandomTensor(6, 5, 3);                         // (L, H_in)
        var into = (Torch.Zeros(5, 9), Torch.Zeros(1, 9));
        var expected = gru.Forward(x);

        gru.Forward(x, null, into);

        Assert.True(Tensor.Equal(expected.Output, into.Item1));
        Assert.True(Tensor.Equal(expected.HN, into.Item2));
    }

    [Fact]
    public void ForwardInto_WithWrongOutputShape_SaysExpectedAndGot()
    {
        using var noGrad = Torch.NoGrad();
        var rnn = new Rnn(1, 2);

        var error = Assert.Throws<ArgumentException>(() =>
            rnn.Forward(Torch.Zeros(5, 4, 1), null, (Torch.Zeros(5, 4, 3), Torch.Zeros(1, 4, 2))));

        Assert.StartsWith("into: Expected output size (5, 4, 2), got [5, 4, 3]", error.Message);
        Assert.Equal("into", error.ParamName);
    }

    [Fact]
    public void ForwardInto_WithAViewForHN_SaysItMustOwnItsStorage()
    {
        using var noGrad = Torch.NoGrad();
        var rnn = new Rnn(1, 2);
        var view = Torch.Zeros(1, 2, 4).Transpose(1, 2);                       // (1, 4, 2), not contiguous

        var error = Assert.Throws<ArgumentException>(() => rnn.Forward(Torch.Zeros(5, 4, 1), null, (Torch.Zeros(5, 4, 2), view)));

        Assert.StartsWith("into: h_n must be a contiguous tensor that owns its storage (e.g. from Tensor.Zeros), got a view", error.Message);
    }

    [Fact]
    public void ForwardInto_WithOneTensorTwice_SaysTheyMustDiffer()
    {
        using var noGrad = Torch.NoGrad();
        var lstm = new Lstm(1, 2);
        var state = Torch.Zeros(1, 4, 2);

        var error = Assert.Throws<ArgumentException>(() => lstm.Forward(Torch.Zeros(5, 4, 1), null, (Torch.Zeros(5, 4, 2), (state, state))));

        Assert.StartsWith("into: output, h_n and c_n must be different tensors", error.Message);
    }

    [Fact]
    public void ForwardInto_WithTheInputAsOutput_SaysItCannot()
    {
        var rnn = new Rnn(4, 2, bidirectional: true);
        var x = Torch.Zeros(5, 3, 4);

        var error = Assert.Throws<ArgumentException>(() => rnn.Forward(x, null, (x, Torch.Zeros(2, 3, 2))));

        Assert.StartsWith("into: the input cannot also be an output (it is read while the outputs are written)", error.Message);
    }

    [Fact]
    public void ForwardInto_WithNullCN_SaysWhatWasExpected()
    {
        using var noGrad = Torch.NoGrad();
        var lstm = new Lstm(1, 2);

        var error = Assert.Throws<ArgumentNullException>(() => lstm.Forward(Torch.Zeros(5, 4, 1), null, (Torch.Zeros(5, 4, 2), (Torch.Zeros(1, 4, 2), null!))));

        Assert.Contains("into: expected a c_n tensor of size (1, 4, 2), got null", error.Message);
    }
}
