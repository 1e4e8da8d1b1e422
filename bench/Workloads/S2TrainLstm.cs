// S2-train-LSTM: S2-train's step on an LSTM (four gates).
namespace Recurrent.Bench.Workloads;

internal sealed class S2TrainLstm() : TrainingWorkload("S2-train-LSTM",
    cell: "lstm", seqLen: 100, batch: 32, inputSize: 64, hiddenSize: 128, layers: 2, OptimizerKind.Adam, lr: 1e-3f, target: Target.Ratio(1.5));
