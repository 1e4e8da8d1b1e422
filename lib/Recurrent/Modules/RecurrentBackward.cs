// The graph node of a recorded Rnn/Lstm/Gru forward pass: PyTorch's grad_fn names for its outputs, and its backward, layer by layer.
using Recurrent.Autograd;
using Recurrent.Kernels;

namespace Recurrent;

/// <summary>
/// One node for the whole call, with outputs (output, h_n[, c_n]) and inputs (input, h_0, c_0, then the parameters in
/// state-dict order). Backward runs the layers top-down: the gradient reaching a layer's output (from the module's
/// output, or from the layer above) goes through each direction's kernel backward, whose δ·W_ih terms add up to the
/// gradient of the layer's input, which is the gradient of the layer below's output.
/// </summary>
internal sealed class RecurrentBackward : Node
{
    private readonly RecurrentModule _module;
    private readonly int _generation;
    private readonly RecurrentSpec _spec;
    private readonly SequenceLayout _layout;
    private readonly SimdKernel _kernel;
    private readonly StackRecord _record;
    private readonly int[] _inputShape;
    private readonly int[][] _parameterShapes;

    public RecurrentBackward(RecurrentModule m, SequenceLayout layout, SimdKernel kernel, StackRecord record,
        Tensor input, Tensor? h0, Tensor? c0)
        : base([input, h0, c0, .. m.FlatWeights])
    {
        (_module, _spec, _layout, _kernel, _record, _generation) = (m, m.Spec, layout, kernel, record, record.Generation);
        _inputShape = [.. input.Shape];
        _parameterShapes = [.. m.FlatWeights.Select(w => w.Shape.ToArray())];
    }

    public override int OutputCount => _spec.Kind == CellKind.Lstm ? 3 : 2;

    public override string Name => NameOf(0);

    /// <summary>
    /// What PyTorch 2.x prints for these outputs on CPU float32: the name of the last operation that produced each
    /// tensor inside torch.nn.RNN/LSTM/GRU (ATen's RNN.cpp, mkldnn/RNN.cpp, and nn/modules/rnn.py for unbatched and
    /// packed input). Confirmed by running libtorch 2.10 (TorchSharp 0.107) on every batched and packed configuration,
    /// except the unbatched and the LSTM batch-first cases, which TorchSharp cannot show and which follow from the
    /// source: rnn.py squeezes the batch dimension out of every output of an unbatched call (SqueezeBackward1, as
    /// printed in public examples), and mkldnn_rnn returns output.transpose(0, 1) for batch-first LSTM. Output:
    /// RNN and GRU stack the steps (StackBackward0), concatenate the directions (CatBackward0) and transpose a
    /// batch-first result in place (transpose_, hence TransposeBackward1); LSTM runs on oneDNN, whose layer op names
    /// a one-direction result (MkldnnRnnLayerBackward0), with the same CatBackward0 and an out-of-place
    /// TransposeBackward0; a packed batch concatenates its steps (CatBackward0). h_n and c_n are stacked per layer
    /// and direction (StackBackward0), then reordered by index_select when the batch was sorted by length.
    /// </summary>
    public override string NameOf(int slot) => (slot, _spec.Kind) switch
    {
        _ when !_layout.Batched => "SqueezeBackward1",
        ( > 0, _) => _layout.SortedIndices is null ? "StackBackward0" : "IndexSelectBackward0",
        _ when _layout.Packed => "CatBackward0",
        (_, CellKind.Lstm) when _layout.BatchFirst => "TransposeBackward0",
        _ when _layout.BatchFirst => "TransposeBackward1",
        _ when _spec.Bidirectional => "CatBackward0",
        (_, CellKind.Lstm) => "MkldnnRnnLayerBackward0",
        _ => "StackBackward0",
    };

    /// <summary>
    /// The gradients of the inputs. Afterwards the saved tensors go back to the module for its next recorded call; a
    /// second backward works until that call has reused them (PyTorch refuses any second backward without
    /// retain_graph=True; here it is refused only once the values are gone).
    /// </summary>
    public override Tensor?[] Backward(IReadOnlyList<Tensor?> gradOutputs)
    {
        if (_record.Generation != _generation)
        {
            throw new InvalidOperationException(
                "Trying to backward through the graph a second time (or directly access saved tensors after they " +
                $"have already been freed): a later forward pass of this {_module.Name} has reused the tensors this " +
                "graph saved. Call Backward before running the module again.");
        }
        var grads = Gradients(gradOutputs);
        Volatile.Write(ref _module.IdleRecord, _record);
        return grads;
    }

    private Tensor?[] Gradients(IReadOnlyList<Tensor?> gradOutputs)
    {
        var (spec, layout) = (_spec, _layout);
        var (hidden, directions) = (spec.HiddenSize, spec.NumDirections);
        var rows = checked(layout.Steps * layout.Batch);
        var stateSize = layout.Batch * hidden;

        var layerGrad = _record.LayerGrad(spec.NumLayers, checked(rows * spec.OutputWidth));   // (L, N, D·H)
        if (gradOutputs[0] is { } outputGrad)
        {
            layout.ToTimeMajor(outputGrad, layerGrad, spec.OutputWidth);
        }
        else
        {
            Array.Clear(layerGrad);
        }
        var hiddenGrads = StateGrads(gradOutputs[1], stateSize);                      // per slot (N, H): ∂h_n, then ∂h_0
        var cellGrads = spec.Kind == CellKind.Lstm ? StateGrads(gradOutputs[2], stateSize) : null;
        var parameterGrads = _parameterShapes.Select(s => new float[s.Aggregate(1, (a, b) => checked(a * b))]).ToArray();

        for (var layer = spec.NumLayers - 1; layer >= 0; layer--)
        {
            var inputSize = spec.LayerInputSize(layer);
            var inputGrad = layer > 0 || NeedsGrad(0) ? _record.LayerGrad(layer, checked(rows * inputSize)) : null;
            for (var d = 0; d < directions; d++)
            {
                var slot = layer * directions + d;
                var first = slot * spec.TensorsPerDirection;                            // weight_ih, weight_hh[, biases]
                _kernel.Backward(new DirectionGradJob(
                    spec.Kind, spec.Nonlinearity, layout.Steps, layout.Batch, inputSize, hidden, Reverse: d == 1,
                    layout.BatchSizes, _record.Directions[slot], _record.LayerInputs[layer],
                    layerGrad, d * hidden, spec.OutputWidth, hiddenGrads[slot], cellGrads?[slot],
                    parameterGrads[first], parameterGrads[first + 1],
                    spec.Bias ? parameterGrads[first + 2] : null, spec.Bias ? parameterGrads[first + 3] : null,
                    inputGrad, AccumulateInputGrad: d > 0));
            }
            layerGrad = inputGrad!;
        }

        var grads = new Tensor?[Edges.Count];
        if (NeedsGrad(0))
        {
            var inputGrad = new float[checked(layout.Rows * spec.InputSize)];
            layout.FromTimeMajor(layerGrad, inputGrad, spec.InputSize);
            grads[0] = new Tensor(inputGrad, _inputShape);
        }
        grads[1] = NeedsGrad(1) ? StateTensor(hiddenGrads) : null;
        grads[2] = NeedsGrad(2) ? StateTensor(cellGrads!) : null;
        for (var k = 0; k < parameterGrads.Length; k++)
        {
            grads[3 + k] = NeedsGrad(3 + k) ? new Tensor(parameterGrads[k], _parameterShapes[k]) : null;
        }
        return grads;
    }

    /// <summary>The gradient of h_n or c_n split into per-slot (N, H) blocks in the kernels' order; zeros if none.</summary>
    private float[][] StateGrads(Tensor? grad, int stateSize)
    {
        var slots = new float[_spec.StateCount][];
        for (var s = 0; s < slots.Length; s++)
        {
            slots[s] = new float[stateSize];
        }
        if (grad is not null)
        {
            _layout.StateToKernel(grad, slots, _spec.HiddenSize);
        }
        return slots;
    }

    private Tensor StateTensor(float[][] slots)
    {
        var values = new float[checked(slots.Length * slots[0].Length)];
        _layout.StateFromKernel(slots, values, _spec.HiddenSize);
        return new Tensor(values, _layout.StateShape(_spec.StateCount, _spec.HiddenSize));
    }
}
