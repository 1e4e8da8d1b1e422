// What a training row is: a shape, an optimizer, and one training step (zero_grad, forward, MSE loss on the last step, backward, step) per call.
namespace Recurrent.Bench;

/// <summary>The optimizer of a training row, with PyTorch's defaults for everything but the learning rate.</summary>
internal enum OptimizerKind
{
    Sgd,
    Adam,
}

/// <summary>
/// A training row: each timed call is one step as a user writes it: <c>ZeroGrad</c>, the public <c>Forward</c>, the
/// MSE of the last step's output against a fixed target, <c>Backward</c>, the optimizer's <c>Step</c>. The
/// parameters change from call to call on both sides, so parity is checked on what a step computes from the same
/// parameters: the losses of the first <see cref="ParitySteps"/> steps from the initial parameters (the later ones
/// follow from the optimizer's updates) and the gradients of the first, each tensor on its own scale.
/// </summary>
internal abstract class TrainingWorkload(string id, string cell, int seqLen, int batch, int inputSize, int hiddenSize,
    int layers, OptimizerKind optimizer, float lr, Target target)
    : Workload(id, cell, seqLen, batch, inputSize, hiddenSize, layers, bidirectional: false, target)
{
    /// <summary>Steps from the initial parameters whose losses the parity check compares.</summary>
    public const int ParitySteps = 3;

    public OptimizerKind Optimizer { get; } = optimizer;

    public float Lr { get; } = lr;

    /// <summary>
    /// Three times the forward pass's flops: the forward products, then in backward the product that carries the
    /// gradient to each step's input and previous state, and the one that sums the weight gradients, each as large as
    /// the forward product (the loss, the cell derivatives and the optimizer's update are left out, as in the forward rows).
    /// A convention: the first layer needs no gradient of the input itself, so it does somewhat less.
    /// </summary>
    public override double Flops => 3 * base.Flops;

    public override ITimedCall CreateRecurrent() => new RecurrentTrainingCall(this);

    public override ITimedCall CreateTorch() => new TorchTrainingCall(this);

    /// <summary>
    /// Relative, per tensor: the largest difference in each block (the losses, then each parameter's gradient in
    /// state-dict order) over the largest magnitude of libtorch's block. Gradients are sums of many float32 terms
    /// whose rounding scales with the tensor's largest entries, and many of them are far below 1e-5, where an absolute
    /// tolerance would pass anything.
    /// </summary>
    public override float ParityError(ReadOnlySpan<float> ours, ReadOnlySpan<float> theirs)
    {
        var blocks = RecurrentModel.Build(this).Module.Parameters().Select(p => p.Numel()).Prepend(ParitySteps).ToList();
        if (ours.Length != theirs.Length || ours.Length != blocks.Sum())
        {
            return float.PositiveInfinity;
        }
        var (worst, start) = (0f, 0);
        foreach (var length in blocks)
        {
            var theirBlock = theirs.Slice(start, length);
            var scale = 0f;
            foreach (var value in theirBlock)
            {
                scale = Math.Max(scale, Math.Abs(value));
            }
            var difference = base.ParityError(ours.Slice(start, length), theirBlock);
            worst = Math.Max(worst, scale > 0 ? difference / scale : difference);
            start += length;
        }
        return worst;
    }

    public override float ParityTolerance => 1e-4f;
}
