// libtorch's side of a forward workload: the same module in TorchSharp, in inference mode, outputs freed each call.
using TorchSharp;

namespace Recurrent.Bench;

internal sealed class TorchForwardCall : ITimedCall
{
    private readonly torch.nn.Module _module;
    private readonly torch.Tensor _input;
    private readonly IDisposable _inference;

    public TorchForwardCall(Workload w)
    {
        TorchSettings.Apply();
        (_module, _input, _) = TorchModel.Build(w);
        _inference = torch.inference_mode();
        _module.eval();
    }

    public void Call() => TorchModel.Output(_module, _input).Dispose();

    public float[] Result()
    {
        using var output = TorchModel.Output(_module, _input);
        return output.data<float>().ToArray();
    }

    public void Dispose()
    {
        _input.Dispose();
        _module.Dispose();
        _inference.Dispose();
    }
}
