// The recipe of torch-gradients.json's train_rnn_sine_sgd_momentum, built once for the tests that replay all or part of it.
namespace Recurrent.Tests.Autograd;

/// <summary>
/// manual_seed(0); rnn = RNN(1, 8, batch_first=True); head = Linear(8, 1); x[b, t] = sin(0.3·(t + 2.5b)), (4, 10, 1);
/// y[b] = sin(0.3·(10 + 2.5b)), (4, 1); loss = mse_loss(head(out[:, -1, :]), y).
/// </summary>
internal sealed record SineRun(Rnn Rnn, Linear Head, Tensor X, Tensor Y)
{
    public static SineRun Build()
    {
        Rnn rnn;
        Linear head;
        lock (SeedLock.Gate)
        {
            Torch.ManualSeed(0);
            rnn = new Rnn(inputSize: 1, hiddenSize: 8, batchFirst: true);
            head = new Linear(8, 1);
        }
        var x = Tensor.FromArray([.. Enumerable.Range(0, 40).Select(i => (float)Math.Sin(0.3 * (i % 10 + 2.5 * (i / 10))))], 4, 10, 1);
        var y = Tensor.FromArray([.. Enumerable.Range(0, 4).Select(b => (float)Math.Sin(0.3 * (10 + 2.5 * b)))], 4, 1);
        return new SineRun(rnn, head, x, y);
    }

    public Tensor Loss()
    {
        var (output, _) = Rnn.Forward(X);
        return Functional.MseLoss(Head.Forward(output[.., ^1, ..]), Y);
    }
}
