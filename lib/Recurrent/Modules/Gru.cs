// nn.GRU: reset and update gates decide how much of the previous hidden state survives each step.
namespace Recurrent;

/// <summary>
/// A gated recurrent unit layer stack, as PyTorch's <c>nn.GRU</c>: r = σ(W_ir x + b_ir + W_hr h + b_hr),
/// z = σ(W_iz x + b_iz + W_hz h + b_hz), n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h.
/// Shapes as <see cref="Rnn"/>; weight rows are stacked r, z, n.
/// </summary>
public sealed class Gru : RecurrentModule
{
    /// <summary>A GRU stack as <c>nn.GRU(input_size, hidden_size, num_layers, bias, batch_first, bidirectional)</c>; parameters drawn from U(−1/√H, 1/√H) in state-dict order, as PyTorch draws them from the same seed.</summary>
    public Gru(int inputSize, int hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false,
        bool bidirectional = false)
        : base(nameof(Gru), Kernels.CellKind.Gru, inputSize, hiddenSize, numLayers, Nonlinearity.Tanh, bias,
            batchFirst, bidirectional)
    {
    }

    /// <summary>Runs the sequence; <paramref name="h0"/> defaults to zeros of shape (D·numLayers, N, H).</summary>
    public (Tensor Output, Tensor HN) Forward(Tensor input, Tensor? h0 = null)
    {
        var result = Run(input, h0, null, "hidden", "");
        return (result.Output, result.HN);
    }

    /// <summary>Runs a packed batch; h_n holds each sequence's state after its own last element, in the caller's order.</summary>
    public (PackedSequence Output, Tensor HN) Forward(PackedSequence input, Tensor? h0 = null)
    {
        var result = Run(input, h0, null, "hidden", "");
        return (input.WithData(result.Output), result.HN);
    }

    /// <summary>
    /// As <see cref="Forward(Tensor, Tensor?)"/>, but writes into <paramref name="into"/>'s tensors (PyTorch's
    /// <c>out=</c>) and returns them, so a loop of calls allocates nothing: each must have the shape Forward would
    /// return and own its storage (e.g. <c>Tensor.Zeros(L, N, D·H)</c>).
    /// </summary>
    public (Tensor Output, Tensor HN) Forward(Tensor input, Tensor? h0, (Tensor Output, Tensor HN) into)
    {
        RunInto(input, h0, null, into.Output, into.HN, null, "hidden", "");
        return into;
    }
}
