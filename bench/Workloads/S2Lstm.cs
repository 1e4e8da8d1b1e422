// S2-LSTM: S2's shape on an LSTM (four gates).
namespace Recurrent.Bench.Workloads;

internal sealed class S2Lstm() : Workload("S2-LSTM",
    cell: "lstm", seqLen: 100, batch: 32, inputSize: 64, hiddenSize: 128, layers: 2, bidirectional: false, target: Target.OfPeak(0.70));
