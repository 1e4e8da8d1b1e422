// One direction of one layer on the SIMD kernel: packed weights, the gate buffer, and the loop over time for a batch slice.
namespace Recurrent.Kernels;

/// <summary>
/// Kept on its <see cref="DirectionJob"/> between calls. Each call repacks the weights (they are live tensors a caller
/// may change), projects the inputs of all steps at once (gates = X·W_ih^T + biases), then runs the recurrence
/// step by step (gates_t += h_(t−1)·W_hh^T, then the cell update). Batch rows never interact, so large work is
/// split into two batch halves that run on two threads from start to end with no synchronisation in between.
/// </summary>
internal sealed unsafe class SimdDirection : ISplitWork
{
    /// <summary>Below about this many multiply-adds a thread hand-off costs more than it saves.</summary>
    private const long ParallelWork = 1L << 21;

    private readonly DirectionJob _job;
    private readonly IGemm _gemm;
    private readonly PackedWeights _input;              // W_ih^T with b_ih (+ b_hh where it simply adds)
    private readonly PackedWeights _hidden;             // W_hh^T; GRU: only the r and z blocks
    private readonly PackedWeights? _hiddenNew;         // GRU: W_hn^T with b_hn
    private readonly PinnedBuffer _gates;               // (L·N, G·H)
    private readonly PinnedBuffer? _newGate;            // GRU: (N, H)
    private readonly float[] _bias;                     // (G·H) combined input bias, rebuilt per call

    public SimdDirection(DirectionJob job, IGemm gemm)
    {
        _job = job;
        _gemm = gemm;
        var (hidden, gates) = (job.HiddenSize, job.Kind.GateCount() * job.HiddenSize);
        var width = gemm.PanelWidth;
        _input = new PackedWeights(gates, job.InputSize, width);
        var isGru = job.Kind == CellKind.Gru;
        _hidden = new PackedWeights(isGru ? 2 * hidden : gates, hidden, width);
        _hiddenNew = isGru ? new PackedWeights(hidden, hidden, width) : null;
        _gates = new PinnedBuffer(job.SeqLen * job.Batch * gates);
        _newGate = isGru ? new PinnedBuffer(job.Batch * hidden) : null;
        _bias = new float[gates];
    }

    public IGemm Gemm => _gemm;

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

    private void Pack()
    {
        var job = _job;
        var hidden = job.HiddenSize;
        var weightHh = job.WeightHh.ContiguousStorage();                         // (G·H, H)
        if (job.BiasIh is null || job.BiasHh is null)
        {
            Array.Clear(_bias);
        }
        else
        {
            var biasHh = job.BiasHh.ContiguousStorage();
            job.BiasIh.ContiguousStorage().CopyTo(_bias);
            // b_hh joins b_ih except GRU's b_hn, which r multiplies.
            var shared = job.Kind == CellKind.Gru ? 2 * hidden : _bias.Length;
            for (var j = 0; j < shared; j++)
            {
                _bias[j] += biasHh[j];
            }
        }
        _input.Pack(job.WeightIh.ContiguousStorage(), _bias);
        if (_hiddenNew is null)
        {
            _hidden.Pack(weightHh, default);
            return;
        }
        _hidden.Pack(weightHh[..(2 * hidden * hidden)], default);
        _hiddenNew.Pack(weightHh[(2 * hidden * hidden)..],
            job.BiasHh is null ? default : job.BiasHh.ContiguousStorage()[(2 * hidden)..]);
    }

    /// <summary>The whole sequence for batch rows [first, end).</summary>
    private void RunRows(int first, int end)
    {
        var job = _job;
        var rows = end - first;
        if (rows <= 0)
        {
            return;
        }
        var (steps, batch, inputSize, hidden) = (job.SeqLen, job.Batch, job.InputSize, job.HiddenSize);
        var stride = job.Kind.GateCount() * hidden;
        var gates = _gates.Pointer;
        fixed (float* x = job.Input, output = job.Output, state = job.Hidden, cell = job.Cell)
        {
            // Input projection of every step: one product when the slice is the whole batch, else one per step.
            if (rows == batch)
            {
                _gemm.Multiply(_input, x, inputSize, steps * batch, gates, stride, accumulate: false);
            }
            else
            {
                for (var t = 0; t < steps; t++)
                {
                    var row = (nint)t * batch + first;
                    _gemm.Multiply(_input, x + row * inputSize, inputSize, rows, gates + row * stride, stride,
                        accumulate: false);
                }
            }

            var hPrev = state + first * hidden;                                  // (rows, H), stride ldh
            var ldh = hidden;
            var newGate = _newGate is null ? null : _newGate.Pointer + first * hidden;
            for (var s = 0; s < steps; s++)
            {
                var t = job.Reverse ? steps - 1 - s : s;
                var row = (nint)t * batch + first;
                var g = gates + row * stride;                                    // (rows, G·H)
                _gemm.Multiply(_hidden, hPrev, ldh, rows, g, stride, accumulate: true);
                if (_hiddenNew is not null)
                {
                    _gemm.Multiply(_hiddenNew, hPrev, ldh, rows, newGate, hidden, accumulate: false);
                }
                var h = output + row * job.OutputWidth + job.OutputColumn;       // (rows, H), stride OutputWidth
                SimdCells.Update(job.Kind, job.Nonlinearity, rows, hidden, g, hPrev, ldh,
                    cell == null ? null : cell + first * hidden, newGate, h, job.OutputWidth);
                hPrev = h;
                ldh = job.OutputWidth;
            }

            for (var r = 0; r < rows; r++)
            {
                new ReadOnlySpan<float>(hPrev + (nint)r * ldh, hidden)
                    .CopyTo(new Span<float>(state + (nint)(first + r) * hidden, hidden));
            }
        }
    }
}
