// The three columns for one workload: Recurrent's SIMD kernel, TorchSharp (libtorch), and the naive MathNet kernel.
using BenchmarkDotNet.Attributes;
using Recurrent.Kernels;

namespace Recurrent.Bench;

[MemoryDiagnoser]
public class ForwardBenchmarks
{
    private ModelPair? _pair;

    [ParamsSource(nameof(Ids))]
    public string Workload { get; set; } = "S1";

    public static IEnumerable<string> Ids => Program.SelectedWorkloads;

    [GlobalSetup(Targets = [nameof(Recurrent), nameof(TorchSharp)])]
    public void SetupFast() => Setup(SimdKernel.Instance);

    [GlobalSetup(Target = nameof(MathNet))]
    public void SetupNaive() => Setup(MathNetKernel.Instance);

    [GlobalCleanup]
    public void Cleanup()
    {
        _pair?.Dispose();
        RecurrentForward.Kernel = SimdKernel.Instance;
    }

    [Benchmark]
    public object Recurrent() => _pair!.ForwardRecurrentTensors();

    [Benchmark(Baseline = true)]
    public void TorchSharp() => _pair!.ForwardTorch();

    [Benchmark]
    public object MathNet() => _pair!.ForwardRecurrentTensors();

    private void Setup(IRecurrentKernel kernel)
    {
        RecurrentForward.Kernel = kernel;
        _pair = new ModelPair(Bench.Workload.Get(Workload));
    }
}
