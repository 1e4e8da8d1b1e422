// The module and input both sides compute with: Recurrent's seed-0 initialisation and a seed-0 standard-normal input.
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

    /// <summary>Recurrent's inference mode, as a PyTorch user writes it: no graph is recorded inside.</summary>
    public static IDisposable EnterInference() => Torch.NoGrad();

    /// <summary>What the table's header says about Recurrent's inference mode.</summary>
    public const string InferenceDescription = "Forward inside using (Torch.NoGrad())";
}
