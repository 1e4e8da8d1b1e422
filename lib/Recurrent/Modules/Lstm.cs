// nn.LSTM: a cell state c carried beside h, written through input, forget and output gates.
namespace Recurrent;

/// <summary>
/// A long short-term memory layer stack, as PyTorch's <c>nn.LSTM</c> (without proj_size): gates i, f, g, o
/// stacked in that order; c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c'). Shapes as <see cref="Rnn"/>, plus c_n like h_n.
/// </summary>
public sealed class Lstm : RecurrentModule
{
    /// <summary>An LSTM stack as <c>nn.LSTM(input_size, hidden_size, num_layers, bias, batch_first, bidirectional)</c>; parameters drawn from U(−1/√H, 1/√H) in state-dict order, as PyTorch draws them from the same seed.</summary>
    public Lstm(int inputSize, int hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false,
        bool bidirectional = false)
        : base(nameof(Lstm), Kernels.CellKind.Lstm, inputSize, hiddenSize, numLayers, Nonlinearity.Tanh, bias,
            batchFirst, bidirectional)
    {
    }

    /// <summary>Runs the sequence; the state defaults to zeros, each of shape (D·numLayers, N, H).</summary>
    public (Tensor Output, (Tensor HN, Tensor CN) State) Forward(Tensor input, (Tensor H0, Tensor C0)? state = null)
    {
        var result = Run(input, state?.H0, state?.C0, "hidden[0]", "hidden[1]");
        return (result.Output, (result.HN, result.CN!));
    }

    /// <summary>Runs a packed batch; h_n and c_n hold each sequence's state after its own last element, in the caller's order.</summary>
    public (PackedSequence Output, (Tensor HN, Tensor CN) State) Forward(PackedSequence input,
        (Tensor H0, Tensor C0)? state = null)
    {
        var result = Run(input, state?.H0, state?.C0, "hidden[0]", "hidden[1]");
        return (input.WithData(result.Output), (result.HN, result.CN!));
    }

    /// <summary>
    /// As <see cref="Forward(Tensor, ValueTuple{Tensor, Tensor}?)"/>, but writes into <paramref name="into"/>'s tensors
    /// (PyTorch's <c>out=</c>) and returns them, so a loop of calls allocates nothing: each must have the shape
    /// Forward would return and own its storage (e.g. <c>Tensor.Zeros(L, N, D·H)</c>).
    /// </summary>
    public (Tensor Output, (Tensor HN, Tensor CN) State) Forward(Tensor input, (Tensor H0, Tensor C0)? state,
        (Tensor Output, (Tensor HN, Tensor CN) State) into)
    {
        RunInto(input, state?.H0, state?.C0, into.Output, into.State.HN, into.State.CN, "hidden[0]", "hidden[1]");
        return into;
    }
}
