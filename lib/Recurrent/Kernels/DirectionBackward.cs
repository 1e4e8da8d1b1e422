// Backpropagation through time for one direction: fused per-step deltas, then whole-sequence products for weights and input.
namespace Recurrent.Kernels;

/// <summary>
/// Walks the steps in the reverse of the order the forward pass took them. Each step turns ∂L/∂h_t (what came back
/// through the next step plus what the output received) into the gate deltas δ_t in one fused element-wise pass
/// (<see cref="IBackwardMath"/>), then ∂L/∂h_(t−1) = δ_t·W_hh is one product. After the loop the deltas of all steps
/// sit in one (L·N, G·H) matrix, so each remaining gradient is a single product over the whole sequence:
/// ∂W_ih = δᵀ·X, ∂W_hh = δᵀ·H_before, ∂b = Σ_rows δ, ∂X = δ·W_ih. Every output element sums its terms in one fixed
/// order (rows t·N + n ascending) with fused multiply-adds, whatever the vector width.
/// Large work runs on two threads (<see cref="HelperThread"/>) in three phases, each split where nothing interacts:
/// the steps by batch halves (batch rows never do, as in the forward pass), the operands of the products by side (the
/// input's, the hidden state's), the products by halves of their output rows. Whether and where a pass splits depends
/// on its sizes only, never on the machine's cores, so every machine computes the same bits.
/// Kept with its <see cref="DirectionRecord"/>, so later training steps reuse its buffers.
/// </summary>
internal sealed unsafe class DirectionBackward : ISplitWork
{
    private readonly DirectionScratch _scratch;
    private DirectionGradJob? _job;
    private IGemm? _gemm;
    private IBackwardMath? _math;
    private Phase _phase;

    private DirectionBackward(DirectionScratch scratch) => _scratch = scratch;

    private enum Phase
    {
        Steps,
        Operands,
        Products,
    }

    public static void Run(DirectionGradJob job, IGemm gemm, IBackwardMath math)
    {
        var record = job.Record;
        if (record.Backward is not { } pass || pass._scratch.PanelWidth != gemm.PanelWidth)
        {
            var scratch = new DirectionScratch(job.Kind, checked(job.SeqLen * job.Batch), job.InputSize, job.HiddenSize, gemm.PanelWidth);
            record.Backward = pass = new DirectionBackward(scratch);
        }
        pass.Compute(job, gemm, math);
    }

    private void Compute(DirectionGradJob job, IGemm gemm, IBackwardMath math)
    {
        (_job, _gemm, _math) = (job, gemm, math);
        try
        {
            Array.Clear(_scratch.DeltaInput);                                               // rows a packed batch skips
            Array.Clear(_scratch.DeltaHidden);
            _scratch.WeightHh.PackTransposed(job.Record.WeightHh);
            var split = HelperThread.WorthSplitting(job.Kind, job.SeqLen, job.Batch, job.InputSize, job.HiddenSize);
            foreach (var phase in (ReadOnlySpan<Phase>)[Phase.Steps, Phase.Operands, Phase.Products])
            {
                _phase = phase;
                if (split)
                {
                    HelperThread.RunBoth(this);
                }
                else
                {
                    RunPart(0, parts: 1);
                }
            }
        }
        finally
        {
            (_job, _gemm, _math) = (null, null, null);                                      // the record outlives the call
        }
    }

    void ISplitWork.RunPart(int part) => RunPart(part, parts: 2);

    private void RunPart(int part, int parts)
    {
        var job = _job!;
        switch (_phase)
        {
            case Phase.Steps:
                var (first, end) = Half(job.Batch, part, parts);
                Steps(first, end);
                break;
            case Phase.Operands:
                if (part == 0 || parts == 1)
                {
                    InputOperands();
                }
                if (part == 1 || parts == 1)
                {
                    HiddenOperands();
                }
                break;
            default:
                Products(part, parts);
                break;
        }
    }

    /// <summary>Rows [first, end) of <paramref name="count"/> that part <paramref name="part"/> of <paramref name="parts"/> takes.</summary>
    private static (int First, int End) Half(int count, int part, int parts) =>
        parts == 1 ? (0, count) : part == 0 ? (0, count / 2) : (count / 2, count);

    /// <summary>The reverse walk for batch rows [first, end): their deltas of every step and their ∂L/∂h_0 (∂L/∂c_0).</summary>
    private void Steps(int first, int end)
    {
        var (job, gemm, math) = (_job!, _gemm!, _math!);
        var (steps, batch, hidden) = (job.SeqLen, job.Batch, job.HiddenSize);
        var gateWidth = job.Kind.GateCount() * hidden;
        var record = job.Record;
        var weightHh = _scratch.WeightHh;
        fixed (float* gates = record.Gates, before = record.HiddenBefore, cellBefore = record.CellBefore,
               newGate = record.NewGate, outputGrad = job.OutputGrad, hiddenGrad = job.HiddenGrad,
               cellGrad = job.CellGrad, input = _scratch.DeltaInput, recurrent = _scratch.DeltaHidden)
        {
            var state = hiddenGrad + (nint)first * hidden;                                  // (rows, H)
            for (var s = steps - 1; s >= 0; s--)
            {
                var t = job.Reverse ? steps - 1 - s : s;
                var active = ActiveRows.At(job.BatchSizes, t, first, end - first);
                if (active == 0)
                {
                    continue;
                }
                var row = (nint)t * batch + first;
                var step = new StepGradients
                {
                    Gates = gates + row * gateWidth,
                    HiddenBefore = before + row * hidden,
                    CellBefore = cellBefore == null ? null : cellBefore + row * hidden,
                    NewGate = newGate == null ? null : newGate + row * hidden,
                    OutputGrad = outputGrad + row * job.OutputWidth + job.OutputColumn,
                    OutputGradStride = job.OutputWidth,
                    HiddenGrad = state,
                    CellGrad = cellGrad == null ? null : cellGrad + (nint)first * hidden,
                    DeltaInput = input + row * gateWidth,
                    DeltaHidden = recurrent + row * gateWidth,
                };
                math.Deltas(job.Kind, job.Nonlinearity, active, hidden, step);
                // ∂L/∂h_(t−1) = δ_t·W_hh, added to GRU's ∂h⊙z; rows that skip this step keep theirs.
                gemm.Multiply(weightHh, recurrent + row * gateWidth, gateWidth, active, state, hidden,
                    accumulate: job.Kind == CellKind.Gru);
            }
        }
    }

    /// <summary>The input side's operands: δᵀ (G·H, L·N), X packed, ∂b_ih.</summary>
    private void InputOperands()
    {
        var job = _job!;
        var (rows, gateWidth) = (job.SeqLen * job.Batch, job.Kind.GateCount() * job.HiddenSize);
        Transpose(_scratch.DeltaInput, rows, gateWidth, _scratch.InputTransposed);
        _scratch.Input.PackTransposed(job.Input);
        ColumnSums(_scratch.DeltaInput, rows, gateWidth, job.BiasIhGrad);
    }

    /// <summary>
    /// The hidden side's: GRU's own δᵀ (RNN and LSTM share the input side's), H_before packed, ∂b_hh, and W_ih packed
    /// for ∂X.
    /// </summary>
    private void HiddenOperands()
    {
        var job = _job!;
        var (rows, gateWidth) = (job.SeqLen * job.Batch, job.Kind.GateCount() * job.HiddenSize);
        if (_scratch.DeltaHidden != _scratch.DeltaInput)
        {
            Transpose(_scratch.DeltaHidden, rows, gateWidth, _scratch.HiddenTransposed);
        }
        _scratch.HiddenBefore.PackTransposed(job.Record.HiddenBefore);
        ColumnSums(_scratch.DeltaHidden, rows, gateWidth, job.BiasHhGrad);
        if (job.InputGrad is not null)
        {
            _scratch.WeightIh.PackTransposed(job.Record.WeightIh);
        }
    }

    /// <summary>This part's output rows of ∂W_ih = δᵀ·X, ∂W_hh = δᵀ·H_before and ∂X (+)= δ·W_ih.</summary>
    private void Products(int part, int parts)
    {
        var (job, gemm) = (_job!, _gemm!);
        var rows = job.SeqLen * job.Batch;
        var gateWidth = job.Kind.GateCount() * job.HiddenSize;
        var (from, to) = Half(gateWidth, part, parts);
        Product(_scratch.InputTransposed, from, to, rows, _scratch.Input, job.WeightIhGrad, gemm);          // δᵀ·X
        Product(_scratch.HiddenTransposed, from, to, rows, _scratch.HiddenBefore, job.WeightHhGrad, gemm);  // δᵀ·H
        if (job.InputGrad is { } inputGrad)
        {
            var (first, end) = Half(rows, part, parts);
            fixed (float* deltas = _scratch.DeltaInput, x = inputGrad)
            {
                gemm.Multiply(_scratch.WeightIh, deltas + (nint)first * gateWidth, gateWidth, end - first,
                    x + (nint)first * job.InputSize, job.InputSize, accumulate: job.AccumulateInputGrad);   // ∂X (+)= δ·W_ih
            }
        }
    }

    /// <summary>Rows [from, to) of <paramref name="result"/> = A·B for a row-major A (rows × depth).</summary>
    private static void Product(float[] a, int from, int to, int depth, PackedWeights b, float[] result, IGemm gemm)
    {
        fixed (float* pa = a, pc = result)
        {
            gemm.Multiply(b, pa + (nint)from * depth, depth, to - from, pc + (nint)from * b.Columns, b.Columns, accumulate: false);
        }
    }

    private void ColumnSums(float[] deltas, int rows, int columns, float[]? sums)
    {
        if (sums is null)
        {
            return;
        }
        Array.Clear(sums);
        fixed (float* d = deltas, s = sums)
        {
            _math!.AddRows(d, rows, columns, s);
        }
    }

    /// <summary>
    /// The (columns × rows) transpose of a row-major (rows × columns) matrix, into <paramref name="result"/>, in square
    /// tiles: column by column over the whole matrix, each write lands <paramref name="rows"/> floats past the last (a
    /// cache line and often a page per element); within a tile the rows read stay in L1 while the writes run contiguous.
    /// </summary>
    private static void Transpose(float[] matrix, int rows, int columns, float[] result)
    {
        const int Tile = 32;
        fixed (float* source = matrix, target = result)
        {
            for (var r0 = 0; r0 < rows; r0 += Tile)
            {
                var rowEnd = Math.Min(r0 + Tile, rows);
                for (var c0 = 0; c0 < columns; c0 += Tile)
                {
                    var columnEnd = Math.Min(c0 + Tile, columns);
                    for (var c = c0; c < columnEnd; c++)
                    {
                        for (var r = r0; r < rowEnd; r++)
                        {
                            target[(nint)c * rows + r] = source[(nint)r * columns + c];
                        }
                    }
                }
            }
        }
    }
}
