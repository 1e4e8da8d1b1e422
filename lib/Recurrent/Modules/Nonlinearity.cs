// The activation of a plain RNN cell, as nn.RNN's nonlinearity argument.
namespace Recurrent;

public enum Nonlinearity
{
    Tanh,
    Relu,
}
