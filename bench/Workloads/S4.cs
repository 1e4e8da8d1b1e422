// S4: One long sequence: 1000 steps, batch 1, H_in = 32, H = 64 (a matrix-vector product per step).
namespace Recurrent.Bench.Workloads;

internal sealed class S4() : Workload("S4",
    cell: "rnn", seqLen: 1000, batch: 1, inputSize: 32, hiddenSize: 64, layers: 1, bidirectional: false, target: Target.Ratio(15));
