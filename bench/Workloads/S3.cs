// S3: One bidirectional tanh RNN layer, 200 steps × 64 sequences, H_in = 256, H = 512: the large GEMM-bound case.
namespace Recurrent.Bench.Workloads;

internal sealed class S3() : Workload("S3",
    cell: "rnn", seqLen: 200, batch: 64, inputSize: 256, hiddenSize: 512, layers: 1, bidirectional: true, target: Target.OfPeak(0.85));
