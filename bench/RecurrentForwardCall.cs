// Recurrent's side of a forward workload: the public Forward inside Torch.NoGrad(), as a PyTorch user runs inference.
namespace Recurrent.Bench;

internal sealed class RecurrentForwardCall : ITimedCall
{
    private readonly RecurrentModule _module;
    private readonly Tensor _input;
    private readonly IDisposable _inference;
    private readonly (Tensor Output, Tensor HN, Tensor? CN) _into;
    private Tensor? _last;

    public RecurrentForwardCall(Workload w)
    {
        (_module, _input) = RecurrentModel.Build(w);
        _inference = RecurrentModel.EnterInference();
        var states = w.Layers * (w.Bidirectional ? 2 : 1);
        _into = (Torch.Zeros(w.SeqLen, w.Batch, (w.Bidirectional ? 2 : 1) * w.HiddenSize), Torch.Zeros(states, w.Batch, w.HiddenSize),
            w.Cell == "lstm" ? Torch.Zeros(states, w.Batch, w.HiddenSize) : null);
    }

    /// <summary>Forward(…, into:): the same pass into outputs made once, so no call allocates.</summary>
    public Action CallReusingOutputs => () => _ = _module switch
    {
        Lstm lstm => lstm.Forward(_input, null, (_into.Output, (_into.HN, _into.CN!))).Output,
        Gru gru => gru.Forward(_input, null, (_into.Output, _into.HN)).Output,
        _ => ((Rnn)_module).Forward(_input, null, (_into.Output, _into.HN)).Output,
    };

    /// <summary>One forward pass; the returned output (a new tensor each call, as a user gets it) is kept until the next.</summary>
    public void Call() => _last = RecurrentModel.Output(_module, _input);

    public float[] Result()
    {
        Call();
        return _last!.ToArray();
    }

    public void Dispose() => _inference.Dispose();
}
