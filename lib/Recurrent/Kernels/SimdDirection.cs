// One direction of one layer on the SIMD kernel: packed weights, the gate buffer, and the loop over time for a batch slice.
namespace Recurrent.Kernels;

/// <summary>
/// Kept on its <see cref="DirectionJob"/> between calls. Each call hands the weights to their packed blocks (live
/// tensors a caller may change; repacked only when they did), projects the inputs of all steps at once
/// (gates = X·W_ihᵀ + biases), then runs the recurrence step by step (gates_t += h_(t−1)·W_hhᵀ, then the cell
/// update). The gate buffer is gate-major, (G, L·N, H), so each gate of a step is one contiguous block for the
/// element-wise math. Batch rows never interact, so large work is split into two batch halves that run on two
/// threads from start to end with no synchronisation in between.
/// </summary>
internal sealed unsafe class SimdDirection : ISplitWork
{
    /// <summary>Below about this many multiply-adds a thread hand-off costs more than it saves.</summary>
    private const long ParallelWork = 1L << 21;

    /// <summary>Floats between gate blocks, so the blocks do not all start at the same address modulo 4 KiB.</summary>
    private const int GatePad = 16;

    private readonly DirectionJob _job;
    private readonly IGemm _gemm;
    private readonly ICellMath _cells;
    private readonly PackedWeights[] _input;            // per gate: W_ihᵀ with b_ih (+ b_hh where it simply adds)
    private readonly PackedWeights[] _hidden;           // per gate: W_hhᵀ; GRU's n gate also b_hn
    private readonly PinnedBuffer _gates;               // (G, L·N, H), blocks GatePad apart
    private readonly PinnedBuffer? _newGate;            // GRU: (N, H), W_hn·h + b_hn
    private readonly float[] _bias;                     // (H) one gate's input bias, rebuilt per call

    public SimdDirection(DirectionJob job, IGemm gemm, ICellMath cells)
    {
        _job = job;
        _gemm = gemm;
        _cells = cells;
        var (hidden, gateCount) = (job.HiddenSize, job.Kind.GateCount());
        _input = new PackedWeights[gateCount];
        _hidden = new PackedWeights[gateCount];
        for (var q = 0; q < gateCount; q++)
        {
            _input[q] = new PackedWeights(hidden, job.InputSize, gemm.PanelWidth);
            _hidden[q] = new PackedWeights(hidden, hidden, gemm.PanelWidth);
        }
        _gates = new PinnedBuffer(gateCount * (int)GateStride);
        _newGate = job.Kind == CellKind.Gru ? new PinnedBuffer(job.Batch * hidden) : null;
        _bias = new float[hidden];
    }

    public IGemm Gemm => _gemm;

    /// <summary>Floats from one gate's block of the gate buffer to the next.</summary>
    private nint GateStride => (nint)_job.SeqLen * _job.Batch * _job.HiddenSize + GatePad;

    public void Run()
    {
        Pack();
        var work = (long)_job.SeqLen * _job.Batch * _job.Kind.GateCount() * _job.HiddenSize
                   * (_job.InputSize + _job.HiddenSize);
        if (_job.Batch >= 2 && work >= ParallelWork)
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

    /// <summary>Gate q's rows of W_ih and W_hh into its packed blocks, with the biases that go with them.</summary>
    private void Pack()
    {
        var job = _job;
        var (inputSize, hidden) = (job.InputSize, job.HiddenSize);
        var weightIh = job.WeightIh.ContiguousStorage();                                   // (G·H, H_in)
        var weightHh = job.WeightHh.ContiguousStorage();                                   // (G·H, H)
        for (var q = 0; q < _input.Length; q++)
        {
            var rows = (q * hidden)..((q + 1) * hidden);
            var newGate = job.Kind == CellKind.Gru && q == 2;
            if (job.BiasIh is null || job.BiasHh is null)
            {
                Array.Clear(_bias);
            }
            else
            {
                job.BiasIh.ContiguousStorage()[rows].CopyTo(_bias);
                if (!newGate)
                {
                    // b_hh joins b_ih, except GRU's b_hn, which r multiplies.
                    var biasHh = job.BiasHh.ContiguousStorage()[rows];
                    for (var j = 0; j < hidden; j++)
                    {
                        _bias[j] += biasHh[j];
                    }
                }
            }
            _input[q].Pack(weightIh.Slice(q * hidden * inputSize, hidden * inputSize), _bias);
            _hidden[q].Pack(weightHh.Slice(q * hidden * hidden, hidden * hidden),
                newGate && job.BiasHh is not null ? job.BiasHh.ContiguousStorage()[rows] : default);
        }
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

    /// <summary>gates = X·W_ihᵀ + biases for every step: one product per gate for the whole batch, else per step.</summary>
    private void ProjectInputs(float* x, int first, int rows)
    {
        var (steps, batch, inputSize, hidden) = (_job.SeqLen, _job.Batch, _job.InputSize, _job.HiddenSize);
        for (var q = 0; q < _input.Length; q++)
        {
            var block = _gates.Pointer + q * GateStride;                        // (L·N, H)
            if (rows == batch)
            {
                _gemm.Multiply(_input[q], x, inputSize, steps * batch, block, hidden, accumulate: false);
                continue;
            }
            for (var t = 0; t < steps; t++)
            {
                var row = (nint)t * batch + first;
                _gemm.Multiply(_input[q], x + row * inputSize, inputSize, rows, block + row * hidden, hidden,
                    accumulate: false);
            }
        }
    }

    /// <summary>
    /// Step by step: gates_t += h_(t−1)·W_hhᵀ (GRU's n gate apart), the cell update, h_t into the output rows.
    /// <paramref name="h"/> (rows, H) holds h_0 on entry and h_L on return; LSTM's <paramref name="c"/> likewise.
    /// A packed batch runs only the rows that take part in a step; the others keep their state.
    /// </summary>
    private void Recur(int first, int rows, float* output, float* h, float* c)
    {
        var job = _job;
        var (steps, batch, hidden) = (job.SeqLen, job.Batch, job.HiddenSize);
        var newGateIndex = job.Kind == CellKind.Gru ? 2 : -1;
        var newGate = _newGate is null ? null : _newGate.Pointer + first * hidden;
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
            var g = _gates.Pointer + row * hidden;                              // gate 0 of step t, (rows, H)
            for (var q = 0; q < _hidden.Length; q++)
            {
                if (q == newGateIndex)
                {
                    _gemm.Multiply(_hidden[q], h, hidden, active, newGate, hidden, accumulate: false);
                }
                else
                {
                    _gemm.Multiply(_hidden[q], h, hidden, active, g + q * GateStride, hidden, accumulate: true);
                }
            }
            job.Record?.Save(t, first, active, g, GateStride, h, c, newGate);
            var outputRows = output + row * job.OutputWidth + job.OutputColumn;
            if (inOutput)
            {
                h = outputRows;
            }
            _cells.Update(job.Kind, job.Nonlinearity, active * hidden, g, GateStride, h, c, newGate);
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
