// What the kernels know about a recurrent layer stack: the cell, its sizes, how layers and directions stack, the bias.
namespace Recurrent.Kernels;

/// <summary>
/// A plain description of an <c>nn.RNN</c>, <c>nn.LSTM</c> or <c>nn.GRU</c> layer stack, so the kernels work from
/// facts rather than from the module that holds them. Its parameters come in PyTorch's state-dict order:
/// for each layer, for each direction, <c>weight_ih</c>, <c>weight_hh</c> and, with a bias, <c>bias_ih</c>, <c>bias_hh</c>
/// (PyTorch's flat weights).
/// </summary>
internal sealed record RecurrentSpec(
    CellKind Kind,
    Nonlinearity Nonlinearity,
    int InputSize,
    int HiddenSize,
    int NumLayers,
    bool Bidirectional,
    bool Bias)
{
    /// <summary>1, or 2 when bidirectional.</summary>
    public int NumDirections => Bidirectional ? 2 : 1;

    /// <summary>Rows of each weight matrix: gate count × H.</summary>
    public int GateSize => Kind.GateCount() * HiddenSize;

    /// <summary>Layers and directions, one initial and one final state each: D · layers.</summary>
    public int StateCount => NumDirections * NumLayers;

    /// <summary>Features per step of a layer's output, and of the next layer's input: D · H.</summary>
    public int OutputWidth => NumDirections * HiddenSize;

    /// <summary>Parameters per layer and direction: 4 with a bias, else 2.</summary>
    public int TensorsPerDirection => Bias ? 4 : 2;

    /// <summary>Features per step that layer <paramref name="layer"/> reads: H_in for the first, D · H above it.</summary>
    public int LayerInputSize(int layer) => layer == 0 ? InputSize : OutputWidth;
}
