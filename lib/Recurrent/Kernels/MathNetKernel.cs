// The teaching kernel: the input projection of all steps as one MathNet product, then W_hh·h step by step.
using MathNet.Numerics.LinearAlgebra;

namespace Recurrent.Kernels;

internal sealed class MathNetKernel : IRecurrentKernel
{
    public static MathNetKernel Instance { get; } = new();

    public void Run(DirectionJob job)
    {
        var (steps, batch, hidden) = (job.SeqLen, job.Batch, job.HiddenSize);
        var gates = job.Kind.GateCount() * hidden;

        // Column-major storage makes the row-major (L·N, H_in) input the (H_in, L·N) matrix X^T without copying.
        var inputs = Matrix<float>.Build.Dense(job.InputSize, steps * batch, job.Input);    // (H_in, L·N)
        var projected = job.WeightIh.ToMatrix() * inputs;                                   // (G·H, L·N)
        AddToColumns(projected, job.BiasIh);
        var gx = projected.AsColumnMajorArray() ?? projected.ToColumnMajorArray();          // rows of (L·N, G·H)

        var weightHh = job.WeightHh.ToMatrix();                                             // (G·H, H)
        var h = Matrix<float>.Build.Dense(hidden, batch, job.Hidden);                       // (H, N) bound to h
        var recurrent = Matrix<float>.Build.Dense(gates, batch);                            // (G·H, N)
        var gh = recurrent.AsColumnMajorArray()!;                                           // rows of (N, G·H)
        var cell = job.Cell ?? [];

        for (var s = 0; s < steps; s++)
        {
            var t = job.Reverse ? steps - 1 - s : s;
            weightHh.Multiply(h, recurrent);
            AddToColumns(recurrent, job.BiasHh);
            for (var n = 0; n < batch; n++)
            {
                var state = job.Hidden.AsSpan(n * hidden, hidden);
                CellUpdate.Apply(job.Kind, job.Nonlinearity,
                    gx.AsSpan((t * batch + n) * gates, gates),
                    gh.AsSpan(n * gates, gates),
                    state,
                    job.Cell is null ? Span<float>.Empty : cell.AsSpan(n * hidden, hidden));
                state.CopyTo(job.Output.AsSpan((t * batch + n) * job.OutputWidth + job.OutputColumn, hidden));
            }
        }
    }

    private static void AddToColumns(Matrix<float> m, Tensor? bias)
    {
        if (bias is null)
        {
            return;
        }
        var b = bias.ToArray();
        var data = m.AsColumnMajorArray()!;
        for (var k = 0; k < data.Length; k++)
        {
            data[k] += b[k % b.Length];
        }
    }
}
