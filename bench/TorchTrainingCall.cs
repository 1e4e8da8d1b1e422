// libtorch's side of a training workload: the same step in TorchSharp (autograd on, torch.optim), every tensor freed each call.
using TorchSharp;

namespace Recurrent.Bench;

internal sealed class TorchTrainingCall : ITimedCall
{
    private readonly torch.nn.Module _module;
    private readonly torch.Tensor _input;
    private readonly torch.Tensor _target;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly IReadOnlyList<string> _names;

    public TorchTrainingCall(TrainingWorkload w)
    {
        TorchSettings.Apply();
        RecurrentModule recurrent;
        (_module, _input, recurrent) = TorchModel.Build(w);
        _names = [.. recurrent.StateDict().Keys];
        _target = TorchModel.ToTorch(RecurrentModel.Target(w));
        _optimizer = w.Optimizer switch
        {
            OptimizerKind.Adam => torch.optim.Adam(_module.parameters(), lr: w.Lr),
            _ => torch.optim.SGD(_module.parameters(), learningRate: w.Lr),
        };
    }

    public void Call() => Step();

    /// <summary>The losses of the first steps from the initial parameters, then the first step's gradients in Recurrent's state-dict order.</summary>
    public float[] Result()
    {
        var losses = new List<float> { Step() };
        var parameters = _module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var gradients = _names.SelectMany(name => parameters[name].grad!.data<float>().ToArray()).ToList();
        while (losses.Count < TrainingWorkload.ParitySteps)
        {
            losses.Add(Step());
        }
        return [.. losses, .. gradients];
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _target.Dispose();
        _input.Dispose();
        _module.Dispose();
    }

    /// <summary>zero_grad, forward, the MSE of the last step's output, backward, step; returns the loss.</summary>
    private float Step()
    {
        _optimizer.zero_grad();
        using var output = TorchModel.Output(_module, _input);                          // (L, N, H)
        using var last = output[-1];                                                    // (N, H)
        using var loss = torch.nn.functional.mse_loss(last, _target);
        loss.backward();
        _optimizer.step()?.Dispose();
        return loss.item<float>();
    }
}
