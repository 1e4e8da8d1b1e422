// S2-train-GRU: S2-train's step on a GRU (three gates).
namespace Recurrent.Bench.Workloads;

internal sealed class S2TrainGru() : TrainingWorkload("S2-train-GRU",
    cell: "gru", seqLen: 100, batch: 32, inputSize: 64, hiddenSize: 128, layers: 2, OptimizerKind.Adam, lr: 1e-3f, target: Target.Ratio(1.5));
