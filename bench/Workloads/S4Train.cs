// S4-train: one training step on S4's long sequence (1000 steps, batch 1, 32 → 64), MSE on the last step, SGD with lr 0.01.
namespace Recurrent.Bench.Workloads;

internal sealed class S4Train() : TrainingWorkload("S4-train",
    cell: "rnn", seqLen: 1000, batch: 1, inputSize: 32, hiddenSize: 64, layers: 1, OptimizerKind.Sgd, lr: 0.01f, target: Target.Ratio(5));
