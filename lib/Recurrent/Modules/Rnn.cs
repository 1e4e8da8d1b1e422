// nn.RNN: h_t = act(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh), stacked and optionally bidirectional.
namespace Recurrent;

/// <summary>
/// An Elman RNN, as PyTorch's <c>nn.RNN</c>: for each layer and time step
/// <c>h_t = tanh(W_ih x_t + b_ih + W_hh h_(t−1) + b_hh)</c> (or ReLU). Input (L, N, H_in), (N, L, H_in) with
/// <c>batchFirst</c>, or unbatched (L, H_in); returns output (…, D·H) from the last layer and h_n (D·layers, N, H).
/// <code>
/// Torch.ManualSeed(0);
/// var rnn = new Rnn(inputSize: 1, hiddenSize: 2, batchFirst: true);
/// var (output, hN) = rnn.Forward(Torch.Arange(1, 21).View(4, 5, 1));   // (4, 5, 2), (1, 4, 2)
/// </code>
/// </summary>
public sealed class Rnn : RecurrentModule
{
    /// <summary>An RNN stack as <c>nn.RNN(input_size, hidden_size, num_layers, nonlinearity, bias, batch_first, bidirectional)</c>; parameters drawn from U(−1/√H, 1/√H) in state-dict order, as PyTorch draws them from the same seed.</summary>
    public Rnn(int inputSize, int hiddenSize, int numLayers = 1, Nonlinearity nonlinearity = Nonlinearity.Tanh,
        bool bias = true, bool batchFirst = false, bool bidirectional = false)
        : base(nameof(Rnn), Kernels.CellKind.Rnn, inputSize, hiddenSize, numLayers, nonlinearity, bias, batchFirst,
            bidirectional)
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
