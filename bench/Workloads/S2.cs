// S2: Two stacked tanh RNN layers, 100 steps × 32 sequences, H_in = 64, H = 128.
namespace Recurrent.Bench.Workloads;

internal sealed class S2() : Workload("S2",
    cell: "rnn", seqLen: 100, batch: 32, inputSize: 64, hiddenSize: 128, layers: 2, bidirectional: false, target: Target.OfPeak(0.70));
