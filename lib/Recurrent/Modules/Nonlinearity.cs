// The activation of a plain RNN cell, as nn.RNN's nonlinearity argument.
namespace Recurrent;

/// <summary>The activation of a plain RNN cell, as <c>nn.RNN</c>'s <c>nonlinearity</c> argument.</summary>
public enum Nonlinearity
{
    /// <summary><c>'tanh'</c>, PyTorch's default: h' = tanh(W_ih x + b_ih + W_hh h + b_hh).</summary>
    Tanh,
    /// <summary><c>'relu'</c>: h' = max(0, W_ih x + b_ih + W_hh h + b_hh).</summary>
    Relu,
}
