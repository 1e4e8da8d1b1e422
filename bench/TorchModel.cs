// The TorchSharp twin of RecurrentModel: the same layer with Recurrent's seed-0 weights copied in, and its output sequence.
using TorchSharp;

namespace Recurrent.Bench;

internal static class TorchModel
{
    /// <summary>The workload's TorchSharp module with Recurrent's weights (by state-dict name), its input, and the Recurrent module they came from.</summary>
    public static (torch.nn.Module Module, torch.Tensor Input, RecurrentModule Recurrent) Build(Workload w)
    {
        var (recurrent, input) = RecurrentModel.Build(w);
        torch.nn.Module module = w.Cell switch
        {
            "lstm" => torch.nn.LSTM(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
            "gru" => torch.nn.GRU(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
            _ => torch.nn.RNN(w.InputSize, w.HiddenSize, w.Layers,
                w.Cell == "rnn_relu" ? torch.nn.NonLinearities.ReLU : torch.nn.NonLinearities.Tanh,
                bidirectional: w.Bidirectional),
        };
        var weights = recurrent.StateDict();
        using (torch.no_grad())
        {
            foreach (var (name, parameter) in module.named_parameters())
            {
                using var value = ToTorch(weights[name]);
                parameter.copy_(value);
            }
        }
        return (module, ToTorch(input), recurrent);
    }

    /// <summary>The output sequence; the final states are freed at once, as a caller who does not need them would.</summary>
    public static torch.Tensor Output(torch.nn.Module module, torch.Tensor input)
    {
        switch (module)
        {
            case TorchSharp.Modules.LSTM lstm:
                var (o, h, c) = lstm.call(input);
                h.Dispose();
                c.Dispose();
                return o;
            case TorchSharp.Modules.GRU gru:
                var (go, gh) = gru.call(input);
                gh.Dispose();
                return go;
            default:
                var (ro, rh) = ((TorchSharp.Modules.RNN)module).call(input);
                rh.Dispose();
                return ro;
        }
    }

    public static torch.Tensor ToTorch(Tensor t) => torch.tensor(t.ToArray(), t.Shape.Select(s => (long)s).ToArray());
}
