// S2-GRU: S2's shape on a GRU (three gates).
namespace Recurrent.Bench.Workloads;

internal sealed class S2Gru() : Workload("S2-GRU",
    cell: "gru", seqLen: 100, batch: 32, inputSize: 64, hiddenSize: 128, layers: 2, bidirectional: false, target: Target.OfPeak(0.70));
