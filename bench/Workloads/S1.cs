// S1: The article's tiny case: 5 steps × 4 sequences, one input feature, H = 2.
namespace Recurrent.Bench.Workloads;

internal sealed class S1() : Workload("S1",
    cell: "rnn", seqLen: 5, batch: 4, inputSize: 1, hiddenSize: 2, layers: 1, bidirectional: false, target: Target.Ratio(50));
