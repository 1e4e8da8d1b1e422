// Recurrent's side of a training workload: one step through the public API, as a user writes the loop.
namespace Recurrent.Bench;

internal sealed class RecurrentTrainingCall : ITimedCall
{
    private readonly RecurrentModule _module;
    private readonly Tensor _input;
    private readonly Tensor _target;
    private readonly Optimizer _optimizer;

    public RecurrentTrainingCall(TrainingWorkload w)
    {
        (_module, _input) = RecurrentModel.Build(w);
        _target = RecurrentModel.Target(w);
        _optimizer = w.Optimizer switch
        {
            OptimizerKind.Adam => new Adam(_module.Parameters(), lr: w.Lr),
            _ => new Sgd(_module.Parameters(), lr: w.Lr),
        };
    }

    public void Call() => Step();

    /// <summary>The losses of the first steps from the initial parameters, then the first step's gradients in state-dict order.</summary>
    public float[] Result()
    {
        var losses = new List<float> { Step() };
        var gradients = _module.Parameters().SelectMany(p => p.Grad!.ToArray()).ToList();
        while (losses.Count < TrainingWorkload.ParitySteps)
        {
            losses.Add(Step());
        }
        return [.. losses, .. gradients];
    }

    public void Dispose()
    {
    }

    /// <summary>zero_grad, forward, the MSE of the last step's output, backward, step; returns the loss.</summary>
    private float Step()
    {
        _optimizer.ZeroGrad();
        var output = RecurrentModel.Output(_module, _input);                           // (L, N, H)
        var loss = Functional.MseLoss(output[^1], _target);                            // (N, H) against (N, H)
        loss.Backward();
        _optimizer.Step();
        return loss.Item();
    }
}
