// A layer stack's buffers for one input shape: layer input and outputs, states and the direction jobs, reused call after call.
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

    /// <param name="spec">The layer stack.</param>
    /// <param name="weights">Its live parameters in state-dict order (see <see cref="RecurrentSpec"/>).</param>
    /// <param name="steps">The sequence length L the buffers are sized for.</param>
    /// <param name="batch">The batch size N the buffers are sized for.</param>
    public ForwardWorkspace(RecurrentSpec spec, IReadOnlyList<Tensor> weights, int steps, int batch)
    {
        Steps = steps;
        Batch = batch;
        var (directions, hidden, width) = (spec.NumDirections, spec.HiddenSize, spec.OutputWidth);
        _outputLength = checked(steps * batch * width);
        Input = new float[checked(steps * batch * spec.InputSize)];                // (L, N, H_in)
        Hidden = NewStates(spec.StateCount, batch * hidden);                       // D·layers × (N, H)
        Cell = spec.Kind == CellKind.Lstm ? NewStates(spec.StateCount, batch * hidden) : null;
        Jobs = new DirectionJob[spec.StateCount];
        for (var layer = 0; layer < spec.NumLayers; layer++)
        {
            var isLast = layer == spec.NumLayers - 1;
            for (var direction = 0; direction < directions; direction++)
            {
                var slot = layer * directions + direction;
                var first = slot * spec.TensorsPerDirection;                       // weight_ih, weight_hh[, bias_ih, bias_hh]
                Jobs[slot] = new DirectionJob(
                    spec.Kind, spec.Nonlinearity, layer == 0 ? Input : LayerOutput(layer - 1), steps, batch,
                    spec.LayerInputSize(layer), hidden,
                    weights[first], weights[first + 1],
                    spec.Bias ? weights[first + 2] : null,
                    spec.Bias ? weights[first + 3] : null,
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
