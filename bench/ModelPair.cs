// One workload built twice with the same weights and input: a Recurrent module and a TorchSharp module.
using TorchSharp;

namespace Recurrent.Bench;

/// <summary>
/// The Recurrent module is initialised from a seed; its state dict is then copied into the TorchSharp module
/// parameter by parameter (same PyTorch names), so both compute the same function on the same input.
/// </summary>
internal sealed class ModelPair : IDisposable
{
    public ModelPair(Workload w)
    {
        Workload = w;
        Torch.ManualSeed(0);
        Recurrent = w.Cell switch
        {
            "lstm" => new Lstm(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
            "gru" => new Gru(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
            _ => new Rnn(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
        };
        Input = Torch.Randn(w.SeqLen, w.Batch, w.InputSize);                     // (L, N, H_in)

        torch.set_grad_enabled(false);
        TorchModule = w.Cell switch
        {
            "lstm" => torch.nn.LSTM(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
            "gru" => torch.nn.GRU(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
            _ => torch.nn.RNN(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
        };
        var weights = Recurrent.StateDict();
        foreach (var (name, parameter) in TorchModule.named_parameters())
        {
            using var value = ToTorch(weights[name]);
            parameter.copy_(value);
        }
        TorchInput = ToTorch(Input);
    }

    public Workload Workload { get; }

    public RecurrentModule Recurrent { get; }

    public Tensor Input { get; }

    public torch.nn.Module TorchModule { get; }

    public torch.Tensor TorchInput { get; }

    /// <summary>One Recurrent forward pass, returning its output sequence (L, N, D·H).</summary>
    public Tensor ForwardRecurrentTensors() => Recurrent switch
    {
        Lstm lstm => lstm.Forward(Input).Output,
        Gru gru => gru.Forward(Input).Output,
        _ => ((Rnn)Recurrent).Forward(Input).Output,
    };

    /// <summary>One TorchSharp forward pass; the native outputs are freed at once, as a caller would.</summary>
    public void ForwardTorch()
    {
        switch (TorchModule)
        {
            case TorchSharp.Modules.LSTM lstm:
                var (o, h, c) = lstm.call(TorchInput);
                o.Dispose(); h.Dispose(); c.Dispose();
                break;
            case TorchSharp.Modules.GRU gru:
                var (go, gh) = gru.call(TorchInput);
                go.Dispose(); gh.Dispose();
                break;
            default:
                var (ro, rh) = ((TorchSharp.Modules.RNN)TorchModule).call(TorchInput);
                ro.Dispose(); rh.Dispose();
                break;
        }
    }

    /// <summary>The output sequence of the TorchSharp module, as a flat array.</summary>
    public float[] ForwardTorchValues()
    {
        var output = TorchModule switch
        {
            TorchSharp.Modules.LSTM lstm => lstm.call(TorchInput).Item1,
            TorchSharp.Modules.GRU gru => gru.call(TorchInput).Item1,
            _ => ((TorchSharp.Modules.RNN)TorchModule).call(TorchInput).Item1,
        };
        using (output)
        {
            return output.data<float>().ToArray();
        }
    }

    public void Dispose()
    {
        TorchInput.Dispose();
        TorchModule.Dispose();
    }

    private static torch.Tensor ToTorch(Tensor t) => torch.tensor(t.ToArray(), t.Shape.Select(s => (long)s).ToArray());
}
