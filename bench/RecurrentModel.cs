// The module and data both sides compute with: Recurrent's seed-0 initialisation, a seed-0 input, a seed-1 target.
namespace Recurrent.Bench;

internal static class RecurrentModel
{
    /// <summary>The workload's module (PyTorch's initialisation from seed 0) and its (L, N, H_in) input.</summary>
    public static (RecurrentModule Module, Tensor Input) Build(Workload w)
    {
        Torch.ManualSeed(0);
        RecurrentModule module = w.Cell switch
        {
            "lstm" => new Lstm(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
            "gru" => new Gru(w.InputSize, w.HiddenSize, w.Layers, bidirectional: w.Bidirectional),
            _ => new Rnn(w.InputSize, w.HiddenSize, w.Layers, w.Cell == "rnn_relu" ? Nonlinearity.Relu : Nonlinearity.Tanh,
                bidirectional: w.Bidirectional),
        };
        return (module, Torch.Randn(w.SeqLen, w.Batch, w.InputSize));                 // (L, N, H_in)
    }

    /// <summary>A training workload's fixed target for the last step's output: standard normal from seed 1.</summary>
    public static Tensor Target(Workload w)
    {
        Torch.ManualSeed(1);
        return Torch.Randn(w.Batch, (w.Bidirectional ? 2 : 1) * w.HiddenSize);      // (N, D·H)
    }

    /// <summary>The output sequence of the public Forward (a new tensor), whichever cell the module is.</summary>
    public static Tensor Output(RecurrentModule module, Tensor input) => module switch
    {
        Lstm lstm => lstm.Forward(input).Output,
        Gru gru => gru.Forward(input).Output,
        _ => ((Rnn)module).Forward(input).Output,
    };                                                                                 // (L, N, D·H)

    /// <summary>Recurrent's inference mode, as a PyTorch user writes it: no graph is recorded inside.</summary>
    public static IDisposable EnterInference() => Torch.NoGrad();

    /// <summary>What the table's header says about how Recurrent is called.</summary>
    public const string Description =
        "forward rows: Forward inside using (Torch.NoGrad()); training rows: ZeroGrad, Forward, MseLoss, Backward, Step";
}
