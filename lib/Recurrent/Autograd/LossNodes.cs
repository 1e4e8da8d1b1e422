// Backward of the losses and of log_softmax, in the formulas and order of PyTorch's CPU kernels.
using Recurrent.Kernels;

namespace Recurrent.Autograd;

/// <summary>mean((x − t)²): dx = (2/N·(x − t))·grad, dt = (2/N·(t − x))·grad, with 2/N rounded to float32 first.</summary>
internal sealed class MseLossBackward(Tensor input, Tensor target) : SingleOutputNode(input, target)
{
    public override string Name => "MseLossBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var norm = (float)(2.0 / input.Numel());
        var g = gradOutput.Item();
        return
        [
            NeedsGrad(0) ? Tensor.Broadcast(input, target, (x, t) => norm * (x - t) * g, "mse_loss_backward", DType.Float32) : null,
            NeedsGrad(1) ? Tensor.Broadcast(target, input, (t, x) => norm * (t - x) * g, "mse_loss_backward", DType.Float32) : null,
        ];
    }
}

/// <summary>y = log_softmax(x) over the last dimension: dx = grad − exp(y)·Σ_row grad.</summary>
internal sealed class LogSoftmaxBackward(Tensor input, Tensor result) : SingleOutputNode(input)
{
    public override string Name => "LogSoftmaxBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var classes = result.Size(-1);
        var g = gradOutput.RowMajor();
        var y = result.RowMajor();
        var grad = new float[g.Length];
        for (var start = 0; start < g.Length; start += classes)
        {
            var sum = 0f;
            for (var c = 0; c < classes; c++)
            {
                sum += g[start + c];
            }
            for (var c = 0; c < classes; c++)
            {
                grad[start + c] = g[start + c] - Activations.ExpOfNonPositive(y[start + c]) * sum;
            }
        }
        return [Tensor.FromArray(grad, [.. result.Shape])];
    }
}

/// <summary>
/// nll_loss, mean: the gradient is −(grad / count) at each counted row's target and 0 elsewhere (ignored rows too).
/// </summary>
internal sealed class NllLossBackward(Tensor logProbabilities, int[] targets, int count) : SingleOutputNode(logProbabilities)
{
    public override string Name => "NllLossBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var classes = logProbabilities.Size(-1);
        var grad = Tensor.Zeros([.. logProbabilities.Shape]);
        var values = grad.ContiguousStorage();
        var value = -(gradOutput.Item() / count);
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] != Functional.IgnoreIndex)
            {
                values[i * classes + targets[i]] = value;
            }
        }
        return [grad];
    }
}
