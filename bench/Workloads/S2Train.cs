// S2-train: one training step of S2's two stacked tanh layers, MSE on the last step, Adam.
namespace Recurrent.Bench.Workloads;

internal sealed class S2Train() : TrainingWorkload("S2-train",
    cell: "rnn", seqLen: 100, batch: 32, inputSize: 64, hiddenSize: 128, layers: 2, OptimizerKind.Adam, lr: 1e-3f, target: Target.Ratio(1.5));
