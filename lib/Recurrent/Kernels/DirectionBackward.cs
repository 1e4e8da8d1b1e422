// Backpropagation through time for one direction: fused per-step deltas, then whole-sequence products for weights and input.
namespace Recurrent.Kernels;

/// <summary>
/// Walks the steps in the reverse of the order the forward pass took them. Each step turns ∂L/∂h_t (what came back
/// through the next step plus what the output received) into the gate deltas δ_t in one fused element-wise pass
/// (<see cref="IBackwardMath"/>), then ∂L/∂h_(t−1) = δ_t·W_hh is one product. After the loop the deltas of all steps
/// sit in one (L·N, G·H) matrix, so each remaining gradient is a single product over the whole sequence:
/// ∂W_ih = δᵀ·X, ∂W_hh = δᵀ·H_before, ∂b = Σ_rows δ, ∂X = δ·W_ih. Every output element sums its terms in one fixed
/// order (rows t·N + n ascending) with fused multiply-adds, whatever the vector width.
/// </summary>
internal static unsafe class DirectionBackward
{
    public static void Run(DirectionGradJob job, IGemm gemm, IBackwardMath math)
    {
        var (steps, batch, hidden, inputSize) = (job.SeqLen, job.Batch, job.HiddenSize, job.InputSize);
        var gateWidth = job.Kind.GateCount() * hidden;
        var rows = checked(steps * batch);
        var record = job.Record;
        if (record.Scratch is not { } scratch || scratch.PanelWidth != gemm.PanelWidth)
        {
            record.Scratch = scratch = new DirectionScratch(job.Kind, rows, inputSize, hidden, gemm.PanelWidth);
        }
        var (deltaInput, deltaHidden) = (scratch.DeltaInput, scratch.DeltaHidden);     // (L·N, G·H)
        Array.Clear(deltaInput);                                                        // rows a packed batch skips
        Array.Clear(deltaHidden);
        var weightHh = scratch.WeightHh;
        weightHh.PackTransposed(record.WeightHh);
        fixed (float* gates = record.Gates, before = record.HiddenBefore, cellBefore = record.CellBefore,
               newGate = record.NewGate, outputGrad = job.OutputGrad, hiddenGrad = job.HiddenGrad,
               cellGrad = job.CellGrad, input = deltaInput, recurrent = deltaHidden)
        {
            for (var s = steps - 1; s >= 0; s--)
            {
                var t = job.Reverse ? steps - 1 - s : s;
                var active = ActiveRows.At(job.BatchSizes, t, 0, batch);
                if (active == 0)
                {
                    continue;
                }
                var row = (nint)t * batch;
                var step = new StepGradients
                {
                    Gates = gates + row * gateWidth,
                    HiddenBefore = before + row * hidden,
                    CellBefore = cellBefore == null ? null : cellBefore + row * hidden,
                    NewGate = newGate == null ? null : newGate + row * hidden,
                    OutputGrad = outputGrad + row * job.OutputWidth + job.OutputColumn,
                    OutputGradStride = job.OutputWidth,
                    HiddenGrad = hiddenGrad,
                    CellGrad = cellGrad,
                    DeltaInput = input + row * gateWidth,
                    DeltaHidden = recurrent + row * gateWidth,
                };
                math.Deltas(job.Kind, job.Nonlinearity, active, hidden, step);
                // ∂L/∂h_(t−1) = δ_t·W_hh, added to GRU's ∂h⊙z; rows that skip this step keep theirs.
                gemm.Multiply(weightHh, recurrent + row * gateWidth, gateWidth, active, hiddenGrad, hidden,
                    accumulate: job.Kind == CellKind.Gru);
            }

            Transpose(input, rows, gateWidth, scratch.InputTransposed);                  // (G·H, L·N)
            if (deltaHidden != deltaInput)
            {
                Transpose(recurrent, rows, gateWidth, scratch.HiddenTransposed);
            }
            scratch.Input.PackTransposed(job.Input);
            scratch.HiddenBefore.PackTransposed(record.HiddenBefore);
            Product(scratch.InputTransposed, gateWidth, rows, scratch.Input, job.WeightIhGrad, gemm);        // δᵀ·X
            Product(scratch.HiddenTransposed, gateWidth, rows, scratch.HiddenBefore, job.WeightHhGrad, gemm); // δᵀ·H
            ColumnSums(input, rows, gateWidth, job.BiasIhGrad, math);
            ColumnSums(recurrent, rows, gateWidth, job.BiasHhGrad, math);
            if (job.InputGrad is { } inputGrad)
            {
                scratch.WeightIh.PackTransposed(record.WeightIh);
                fixed (float* x = inputGrad)
                {
                    gemm.Multiply(scratch.WeightIh, input, gateWidth, rows, x, inputSize,
                        accumulate: job.AccumulateInputGrad);                                // ∂X (+)= δ·W_ih
                }
            }
        }
    }

    /// <summary><paramref name="result"/> (rows × B's columns) = A·B for a row-major A (rows × depth).</summary>
    private static void Product(float[] a, int rows, int depth, PackedWeights b, float[] result, IGemm gemm)
    {
        fixed (float* pa = a, pc = result)
        {
            gemm.Multiply(b, pa, depth, rows, pc, b.Columns, accumulate: false);
        }
    }

    private static void ColumnSums(float* deltas, int rows, int columns, float[]? sums, IBackwardMath math)
    {
        if (sums is null)
        {
            return;
        }
        Array.Clear(sums);
        fixed (float* s = sums)
        {
            math.AddRows(deltas, rows, columns, s);
        }
    }

    /// <summary>
    /// The (columns × rows) transpose of a row-major (rows × columns) matrix, into <paramref name="result"/>, in square
    /// tiles: column by column over the whole matrix, each write lands <paramref name="rows"/> floats past the last (a
    /// cache line and often a page per element); within a tile the rows read stay in L1 while the writes run contiguous.
    /// </summary>
    private static void Transpose(float* source, int rows, int columns, float[] result)
    {
        const int Tile = 32;
        fixed (float* target = result)
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
