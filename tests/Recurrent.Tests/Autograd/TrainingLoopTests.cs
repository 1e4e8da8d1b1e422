// The README's training loop, run as written: it compiles against the public API and the loss falls.
namespace Recurrent.Tests.Autograd;

public sealed class TrainingLoopTests
{
    [Fact]
    public void ReadmeTrainingLoop_OnSineWindows_LowersTheLoss()
    {
        var x = Tensor.FromArray([.. Enumerable.Range(0, 40).Select(i => (float)Math.Sin(0.3 * (i % 10 + 2.5 * (i / 10))))], 4, 10, 1);
        var y = Tensor.FromArray([.. Enumerable.Range(0, 4).Select(b => (float)Math.Sin(0.3 * (10 + 2.5 * b)))], 4, 1);
        var losses = new List<float>();
        lock (SeedLock.Gate)
        {
            Torch.ManualSeed(0);
            var rnn = new Rnn(inputSize: 1, hiddenSize: 8, batchFirst: true);
            var head = new Linear(8, 1);
            var optimizer = new Sgd([.. rnn.Parameters(), .. head.Parameters()], lr: 0.05f, momentum: 0.9f);
            for (var step = 0; step < 25; step++)
            {
                optimizer.ZeroGrad();
                var (output, _) = rnn.Forward(x);                                      // (4, 10, 8)
                var loss = Functional.MseLoss(head.Forward(output[.., ^1, ..]), y);    // the last step's state → next value
                loss.Backward();
                optimizer.Step();
                losses.Add(loss.Item());
            }
        }

        Assert.Equal(ReferenceData.TrainingRun("train_rnn_sine_sgd_momentum").GetProperty("losses")[0].GetSingle(), losses[0], 1e-6f);
        Assert.True(losses[^1] < losses[0] / 2, $"loss {losses[0]} → {losses[^1]}");
    }
}
