// A module's buffers for one input shape: layer input and outputs, states and the direction jobs, reused call after call.
namespace Recurrent.Kernels;

/// <summary>
/// Built on the first forward call with a given (L, N) and kept on the module, so later calls with the same shape
/// allocate nothing here. Layer l writes into <see cref="LayerOutput"/>(l) and layer l + 1 reads it; the last layer
/// writes into the caller's array (set on its jobs per call), or into its own buffer when that needs transposing.
/// </summary>
internal sealed class ForwardWorkspace
{
    private readonly float[]?[] _layerOutputs = new float[2][];
    private readonly int _outputLength;

    public ForwardWorkspace(RecurrentModule m, int steps, int batch)
    {
        Steps = steps;
        Batch = batch;
        var (directions, hidden) = (m.NumDirections, m.HiddenSize);
        var width = directions * hidden;
        _outputLength = steps * batch * width;
        Input = new float[steps * batch * m.InputSize];                           // (L, N, H_in)
        var states = directions * m.NumLayers;
        Hidden = NewStates(states, batch * hidden);                              // D·layers × (N, H)
        Cell = m.CellKind == CellKind.Lstm ? NewStates(states, batch * hidden) : null;
        Jobs = new DirectionJob[states];
        for (var layer = 0; layer < m.NumLayers; layer++)
        {
            var isLast = layer == m.NumLayers - 1;
            for (var direction = 0; direction < directions; direction++)
            {
                var slot = layer * directions + direction;
                var suffix = RecurrentModule.Suffix(layer, direction);
                Jobs[slot] = new DirectionJob(
                    m.CellKind, m.Activation, layer == 0 ? Input : LayerOutput(layer - 1), steps, batch,
                    layer == 0 ? m.InputSize : width, hidden,
                    m.Parameter("weight_ih" + suffix), m.Parameter("weight_hh" + suffix),
                    m.Bias ? m.Parameter("bias_ih" + suffix) : null,
                    m.Bias ? m.Parameter("bias_hh" + suffix) : null,
                    Reverse: direction == 1,
                    Hidden[slot], Cell?[slot],
                    isLast ? [] : LayerOutput(layer), direction * hidden, width);
            }
        }
    }

    public int Steps { get; }

    public int Batch { get; }

    /// <summary>The layer-0 input, time-major.</summary>
    public float[] Input { get; }

    /// <summary>Per layer and direction, in h_n's order: (N, H) each.</summary>
    public float[][] Hidden { get; }

    public float[][]? Cell { get; }

    /// <summary>One job per layer and direction, in h_n's order.</summary>
    public DirectionJob[] Jobs { get; }

    /// <summary>The time-major (L, N, D·H) output buffer of a layer; two alternate down the stack.</summary>
    public float[] LayerOutput(int layer) => _layerOutputs[layer % 2] ??= new float[_outputLength];

    private static float[][] NewStates(int count, int length)
    {
        var states = new float[count][];
        for (var s = 0; s < count; s++)
        {
            states[s] = new float[length];
        }
        return states;
    }
}
