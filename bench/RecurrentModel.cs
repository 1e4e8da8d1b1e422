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

    /// <summary>
    /// Enters the library's inference scope (<c>Torch.NoGrad()</c>) when the library has one, found by name so the
    /// harness builds against a library with or without autograd; null when there is none (no graph is recorded then).
    /// </summary>
    public static IDisposable? EnterInference() =>
        typeof(Torch).GetMethod("NoGrad", Type.EmptyTypes)?.Invoke(null, null) as IDisposable;

    /// <summary>What the table's header says about Recurrent's inference mode.</summary>
    public static string InferenceDescription =>
        typeof(Torch).GetMethod("NoGrad", Type.EmptyTypes) is null
            ? "plain Forward (the library records no graph)"
            : "Forward inside using (Torch.NoGrad())";
}
