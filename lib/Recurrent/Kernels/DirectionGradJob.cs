// One direction of one layer for the backward pass: what its forward saved, which gradients come in and go out.
namespace Recurrent.Kernels;

/// <summary>
/// The backward counterpart of <see cref="DirectionJob"/>. Gradients arrive for the layer's output (this direction's
/// columns of the time-major (L, N, D·H) gradient), for h_n and for c_n; the kernel leaves ∂L/∂h_0 and ∂L/∂c_0 in
/// their place, writes the weight and bias gradients, and adds δ·W_ih into the layer input's gradient.
/// </summary>
internal sealed record DirectionGradJob(
    CellKind Kind,
    Nonlinearity Nonlinearity,
    int SeqLen,
    int Batch,
    int InputSize,
    int HiddenSize,
    bool Reverse,
    int[]? BatchSizes,          // the packed batch's rows per step, or null
    DirectionRecord Record,
    float[] Input,              // (L, N, H_in): what the layer read
    float[] OutputGrad,         // (L, N, D·H): ∂L/∂(layer output); this direction's H columns start at OutputColumn
    int OutputColumn,
    int OutputWidth,
    float[] HiddenGrad,         // (N, H): in ∂L/∂h_n, out ∂L/∂h_0
    float[]? CellGrad,          // LSTM (N, H): in ∂L/∂c_n, out ∂L/∂c_0
    float[] WeightIhGrad,       // (G·H, H_in), written
    float[] WeightHhGrad,       // (G·H, H), written
    float[]? BiasIhGrad,        // (G·H), written when the layer has biases
    float[]? BiasHhGrad,
    float[]? InputGrad,         // (L, N, H_in): δ·W_ih is added (or written, for the first direction); null when unwanted
    bool AccumulateInputGrad);
