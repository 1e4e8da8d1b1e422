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
        var (recurrent, input) = RecurrentModel.Build(w);
        _inference = torch.inference_mode();
        _module = w.Cell switch
        {
            "lstm" => torch.nn.LSTM(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
            "gru" => torch.nn.GRU(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
            _ => torch.nn.RNN(w.InputSize, w.HiddenSize, w.Layers,
                w.Cell == "rnn_relu" ? torch.nn.NonLinearities.ReLU : torch.nn.NonLinearities.Tanh,
                bidirectional: w.Bidirectional),
        };
        _module.eval();
        var weights = recurrent.StateDict();
        foreach (var (name, parameter) in _module.named_parameters())
        {
            using var value = ToTorch(weights[name]);
            parameter.copy_(value);
        }
        _input = ToTorch(input);
    }

    public void Call() => Forward().Dispose();

    public float[] Result()
    {
        using var output = Forward();
        return output.data<float>().ToArray();
    }

    public void Dispose()
    {
        _input.Dispose();
        _module.Dispose();
        _inference.Dispose();
    }

    /// <summary>The output sequence; the final states are freed at once, as a caller who does not need them would.</summary>
    private torch.Tensor Forward()
    {
        switch (_module)
        {
            case TorchSharp.Modules.LSTM lstm:
                var (o, h, c) = lstm.call(_input);
                h.Dispose();
                c.Dispose();
                return o;
            case TorchSharp.Modules.GRU gru:
                var (go, gh) = gru.call(_input);
                gh.Dispose();
                return go;
            default:
                var (ro, rh) = ((TorchSharp.Modules.RNN)_module).call(_input);
                rh.Dispose();
                return ro;
        }
    }

    private static torch.Tensor ToTorch(Tensor t) => torch.tensor(t.ToArray(), t.Shape.Select(s => (long)s).ToArray());
}
