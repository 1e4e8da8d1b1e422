// One direction of one layer on the SIMD kernel: packed weights, the gate buffer, and the loop over time for a batch slice.
namespace Recurrent.Kernels;

/// <summary>
/// Kept on its <see cref="DirectionJob"/> between calls. Each call hands the weights to their packed blocks (live
/// tensors a caller may change; repacked only when they did), projects the inputs of all steps at once
/// (gates = X·W_ihᵀ + biases, one product for every gate), then runs the recurrence step by step: one product
/// h_(t−1)·W_hhᵀ for all gates (added into the step's gate rows; GRU's go to their own rows, since r multiplies
/// only the n part), then one pass of the cell update. Gate rows follow a <see cref="GateLayout"/>, so a vector of
/// hidden units finds its gates side by side. Batch rows never interact, so large work is split into two batch
/// halves that run on two threads from start to end with no synchronisation in between.
/// </summary>
internal sealed unsafe class SimdDirection : ISplitWork
{
    private readonly DirectionJob _job;
    private readonly IGemm _gemm;
    private readonly ICellMath _cells;
    private readonly GateLayout _layout;
    private readonly PackedWeights _input;              // W_ihᵀ with b_ih (+ b_hh, except for GRU)
    private readonly PackedWeights _hidden;             // W_hhᵀ; GRU's with b_hh
    private readonly PinnedBuffer _gates;               // (L·N, G·H padded), in the layout's order
    private readonly PinnedBuffer? _hiddenGates;        // GRU: (N, G·H padded), W_hh·h + b_hh
    private readonly float[] _bias;                     // (G·H) the input bias, rebuilt per call

    public SimdDirection(DirectionJob job, IGemm gemm, ICellMath cells)
    {
        _job = job;
        _gemm = gemm;
        _cells = cells;
        var gateCount = job.Kind.GateCount();
        _layout = new GateLayout(gateCount, job.HiddenSize, gemm.PanelWidth / 2);
        _input = new PackedWeights(_layout, job.InputSize, gemm.PanelWidth);
        _hidden = new PackedWeights(_layout, job.HiddenSize, gemm.PanelWidth);
        _gates = new PinnedBuffer(job.SeqLen * job.Batch * _layout.RowWidth);
        _hiddenGates = job.Kind == CellKind.Gru ? new PinnedBuffer(job.Batch * _layout.RowWidth) : null;
        _bias = new float[gateCount * job.HiddenSize];
    }

    public IGemm Gemm => _gemm;

    public void Run()
    {
        Pack();
        if (HelperThread.WorthSplitting(_job.Kind, _job.SeqLen, _job.Batch, _job.InputSize, _job.HiddenSize))
        {
            HelperThread.RunBoth(this);
        }
        else
        {
            RunRows(0, _job.Batch);
        }
    }

    void ISplitWork.RunPart(int part)
    {
        var half = _job.Batch / 2;
        if (part == 0)
        {
            RunRows(0, half);
        }
        else
        {
            RunRows(half, _job.Batch);
        }
    }

    /// <summary>W_ih and W_hh into their packed blocks, with the biases that go with them.</summary>
    private void Pack()
    {
        var job = _job;
        var hasBias = job.BiasIh is not null && job.BiasHh is not null;
        if (!hasBias)
        {
            Array.Clear(_bias);
        }
        else
        {
            job.BiasIh!.ContiguousStorage()[.._bias.Length].CopyTo(_bias);
            if (job.Kind != CellKind.Gru)
            {
                // b_hh joins b_ih, except for GRU, whose b_hn r multiplies: its b_hh goes with W_hh.
                var biasHh = job.BiasHh!.ContiguousStorage();
                for (var j = 0; j < _bias.Length; j++)
                {
                    _bias[j] += biasHh[j];
                }
            }
        }
        _input.Pack(job.WeightIh.ContiguousStorage(), _bias);                                   // (G·H, H_in)
        _hidden.Pack(job.WeightHh.ContiguousStorage(),                                          // (G·H, H)
            job.Kind == CellKind.Gru && hasBias ? job.BiasHh!.ContiguousStorage() : default);
    }

    /// <summary>The whole sequence for batch rows [first, end).</summary>
    private void RunRows(int first, int end)
    {
        var rows = end - first;
        if (rows <= 0)
        {
            return;
        }
        fixed (float* x = _job.Input, output = _job.Output, state = _job.Hidden, cell = _job.Cell)
        {
            ProjectInputs(x, first, rows);
            Recur(first, rows, output, state + first * _job.HiddenSize,
                cell == null ? null : cell + first * _job.HiddenSize);
        }
    }

    /// <summary>gates = X·W_ihᵀ + biases for every step: one product for the whole batch, else one per step.</summary>
    private void ProjectInputs(float* x, int first, int rows)
    {
        var (steps, batch, inputSize, width) = (_job.SeqLen, _job.Batch, _job.InputSize, _layout.RowWidth);
        if (rows == batch)
        {
            _gemm.Multiply(_input, x, inputSize, steps * batch, _gates.Pointer, width, accumulate: false);
            return;
        }
        for (var t = 0; t < steps; t++)
        {
            var row = (nint)t * batch + first;
            _gemm.Multiply(_input, x + row * inputSize, inputSize, rows, _gates.Pointer + row * width, width,
                accumulate: false);
        }
    }

    /// <summary>
    /// Step by step: gates_t += h_(t−1)·W_hhᵀ (GRU: its own rows = h_(t−1)·W_hhᵀ + b_hh), the cell update, h_t into
    /// the output rows. <paramref name="h"/> (rows, H) holds h_0 on entry and h_L on return; LSTM's <paramref name="c"/>
    /// likewise. A packed batch runs only the rows that take part in a step; the others keep their state.
    /// </summary>
    private void Recur(int first, int rows, float* output, float* h, float* c)
    {
        var job = _job;
        var (steps, batch, hidden, width) = (job.SeqLen, job.Batch, job.HiddenSize, _layout.RowWidth);
        var hiddenGates = _hiddenGates is null ? null : _hiddenGates.Pointer + (nint)first * width;
        var state = h;
        // A one-direction RNN's output rows of a step are one contiguous (rows, H) block: h_t can live there
        // (not in a packed batch, whose rows end at different steps).
        var inOutput = job.Kind == CellKind.Rnn && job.OutputWidth == hidden && job.BatchSizes is null;
        for (var s = 0; s < steps; s++)
        {
            var t = job.Reverse ? steps - 1 - s : s;
            var active = ActiveRows.At(job.BatchSizes, t, first, rows);
            if (active == 0)
            {
                continue;
            }
            var row = (nint)t * batch + first;
            var g = _gates.Pointer + row * width;                               // step t's gate rows, (rows, G·H padded)
            if (hiddenGates is null)
            {
                _gemm.Multiply(_hidden, h, hidden, active, g, width, accumulate: true);
            }
            else
            {
                _gemm.Multiply(_hidden, h, hidden, active, hiddenGates, width, accumulate: false);
            }
            job.Record?.Save(t, first, active, _layout, g, hiddenGates, h, c);
            var outputRows = output + row * job.OutputWidth + job.OutputColumn;
            if (inOutput)
            {
                h = outputRows;
            }
            _cells.Update(job.Kind, job.Nonlinearity, _layout, active, g, hiddenGates, h, c);
            if (!inOutput)
            {
                CopyRows(h, outputRows, active, hidden, job.OutputWidth);
            }
        }
        if (inOutput)
        {
            CopyRows(h, state, rows, hidden, hidden);                           // h_L back into the state
        }
    }

    /// <summary>(rows, H) contiguous into rows <paramref name="stride"/> apart: one copy when they are adjacent.</summary>
    private static void CopyRows(float* from, float* to, int rows, int hidden, int stride)
    {
        if (stride == hidden)
        {
            new ReadOnlySpan<float>(from, rows * hidden).CopyTo(new Span<float>(to, rows * hidden));
            return;
        }
        for (var r = 0; r < rows; r++)
        {
            new ReadOnlySpan<float>(from + (nint)r * hidden, hidden).CopyTo(new Span<float>(to + (nint)r * stride, hidden));
        }
    }
}
