// What a recurrent forward pass records: PyTorch's grad_fn names, nothing on the inference path, a graph of its own per call.
using Recurrent.Kernels;

namespace Recurrent.Tests.Autograd;

public sealed class RecurrentRecordingTests
{
    // kind, batchFirst, bidirectional, expected grad_fn of output, of h_n (and c_n): what PyTorch 2.10 prints on CPU.
    public static TheoryData<string, bool, bool, string, string> Names => new()
    {
        { "rnn", false, false, "StackBackward0", "StackBackward0" },
        { "rnn", true, false, "TransposeBackward1", "StackBackward0" },
        { "rnn", false, true, "CatBackward0", "StackBackward0" },
        { "rnn", true, true, "TransposeBackward1", "StackBackward0" },
        { "gru", false, false, "StackBackward0", "StackBackward0" },
        { "gru", true, true, "TransposeBackward1", "StackBackward0" },
        { "gru", false, true, "CatBackward0", "StackBackward0" },
        { "lstm", false, false, "MkldnnRnnLayerBackward0", "StackBackward0" },
        { "lstm", false, true, "CatBackward0", "StackBackward0" },
        { "lstm", true, false, "TransposeBackward0", "StackBackward0" },
        { "lstm", true, true, "TransposeBackward0", "StackBackward0" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Forward_WithParametersThatRequireGrad_PrintsPyTorchsGradFn(string kind, bool batchFirst,
        bool bidirectional, string output, string state)
    {
        var module = SimdKernelTests.Build(kind, 3, 2, 2, bidirectional, batchFirst);
        var states = Forward(module, SimdKernelTests.RandomTensor(1, 4, 2, 3));

        Assert.EndsWith($"grad_fn=<{output}>)", states[0].ToString());
        foreach (var s in states.Skip(1))
        {
            Assert.EndsWith($"grad_fn=<{state}>)", s.ToString());
        }
    }

    [Theory]
    [InlineData("rnn")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Forward_OfUnbatchedInput_PrintsSqueezeBackward1OnEveryOutput(string kind)
    {
        // nn.RNN squeezes the batch dimension back out of every output of a 2-D input.
        var module = SimdKernelTests.Build(kind, 3, 2, 1, bidirectional: true, batchFirst: true);

        foreach (var result in Forward(module, SimdKernelTests.RandomTensor(2, 4, 3)))
        {
            Assert.EndsWith("grad_fn=<SqueezeBackward1>)", result.ToString());
        }
    }

    [Fact]
    public void Forward_InsideNoGradOrWithoutAnythingThatRequiresGrad_RecordsNothing()
    {
        var rnn = new Rnn(3, 2);
        var x = SimdKernelTests.RandomTensor(3, 4, 2, 3);

        Tensor[] insideNoGrad;
        using (Torch.NoGrad())
        {
            insideNoGrad = Forward(rnn, x);
        }
        foreach (var parameter in rnn.Parameters())
        {
            parameter.RequiresGrad_(false);
        }
        var withoutGrad = Forward(rnn, x);

        Assert.All(insideNoGrad.Concat(withoutGrad), t => Assert.False(t.RequiresGrad));
        Assert.All(insideNoGrad.Concat(withoutGrad), t => Assert.True(t.IsLeaf));
    }

    [Fact]
    public void Forward_OnlyTheInputRequiresGrad_RecordsAndGivesTheInputItsGradient()
    {
        var gru = new Gru(3, 2);
        foreach (var parameter in gru.Parameters())
        {
            parameter.RequiresGrad_(false);
        }
        var x = SimdKernelTests.RandomTensor(4, 4, 2, 3).RequiresGrad_();

        gru.Forward(x).Output.Sum().Backward();

        Assert.Equal([4, 2, 3], x.Grad!.Shape);
        Assert.All(gru.Parameters(), p => Assert.Null(p.Grad));
    }

    [Fact]
    public void Backward_AfterALaterForwardPassOfTheSameModule_UsesItsOwnSavedTensors()
    {
        // The workspace is reused call after call; a recorded graph must keep what its own call computed.
        var lstm = new Lstm(3, 4, numLayers: 2);
        var x = SimdKernelTests.RandomTensor(1, 5, 2, 3).RequiresGrad_();
        var (first, _) = lstm.Forward(x);
        lstm.Forward(SimdKernelTests.RandomTensor(2, 5, 2, 3).RequiresGrad_());

        first.Sum().Backward();
        var afterAnotherCall = x.Grad!.ToArray();
        x.ClearGrad();
        lstm.Forward(x).Output.Sum().Backward();

        Assert.Equal(x.Grad!.ToArray(), afterAnotherCall);
    }

    [Fact]
    public void Backward_TwiceThroughOneGraph_AccumulatesTwice()
    {
        var rnn = new Rnn(2, 3, bidirectional: true);
        var (output, hN) = rnn.Forward(SimdKernelTests.RandomTensor(5, 3, 2, 2));
        var loss = output.Sum() + hN.Pow(2).Sum();

        loss.Backward();
        var once = rnn["weight_hh_l0_reverse"].Grad!.ToArray();
        loss.Backward();

        Assert.Equal(once.Select(v => 2 * v), rnn["weight_hh_l0_reverse"].Grad!.ToArray());
    }

    [Fact]
    public void Backward_ASecondTimeAfterALaterCallReusedTheSavedTensors_SaysWhy()
    {
        // After a backward the saved tensors go back to the module; the next recorded call of that shape reuses them.
        var gru = new Gru(2, 3);
        var x = SimdKernelTests.RandomTensor(6, 4, 2, 2);
        var loss = gru.Forward(x).Output.Sum();
        loss.Backward();
        gru.Forward(x);

        var error = Assert.Throws<InvalidOperationException>(loss.Backward);

        Assert.Equal("Trying to backward through the graph a second time (or directly access saved tensors after they " +
                     "have already been freed): a later forward pass of this Gru has reused the tensors this graph " +
                     "saved. Call Backward before running the module again.", error.Message);
    }

    [Fact]
    public void TrainingSteps_ThatReuseSavedTensors_GiveTheSameGradientsAsFreshOnes()
    {
        var lstm = new Lstm(3, 4, numLayers: 2, bidirectional: true);
        var x = SimdKernelTests.RandomTensor(7, 5, 2, 3);
        float[] Step()
        {
            lstm.ZeroGrad();
            var (output, (hN, cN)) = lstm.Forward(x);
            (output.Pow(2).Sum() + hN.Sum() + cN.Pow(2).Sum()).Backward();
            return [.. lstm.Parameters().SelectMany(p => p.Grad!.ToArray())];
        }

        var fresh = Step();
        var reused = Step();                                                             // on the first step's buffers

        Assert.Equal(fresh, reused);
    }

    [Fact]
    public void Forward_ThatRecords_WithTheMathNetKernel_SaysItCannotRecord()
    {
        var rnn = new Rnn(1, 2);
        var previous = RecurrentForward.Kernel;
        RecurrentForward.Kernel = MathNetKernel.Instance;
        try
        {
            var error = Assert.Throws<NotSupportedException>(() => rnn.Forward(Torch.Zeros(3, 1, 1)));

            Assert.Equal("MathNetKernel does not record for backward; run it inside Torch.NoGrad() or use the SIMD kernel",
                error.Message);
        }
        finally
        {
            RecurrentForward.Kernel = previous;
        }
    }

    private static Tensor[] Forward(RecurrentModule module, Tensor x) => module switch
    {
        Lstm lstm => lstm.Forward(x) is var (o, (h, c)) ? [o, h, c] : [],
        Gru gru => gru.Forward(x) is var (o, h) ? [o, h] : [],
        _ => ((Rnn)module).Forward(x) is var (o, h) ? [o, h] : [],
    };
}
