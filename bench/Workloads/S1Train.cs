// S1-train: one training step at the article's size (S1's shape), MSE on the last step, SGD with lr 0.01.
namespace Recurrent.Bench.Workloads;

internal sealed class S1Train() : TrainingWorkload("S1-train",
    cell: "rnn", seqLen: 5, batch: 4, inputSize: 1, hiddenSize: 2, layers: 1, OptimizerKind.Sgd, lr: 0.01f, target: Target.Ratio(20));
