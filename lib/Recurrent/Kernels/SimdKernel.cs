// The fast kernel: register-blocked SIMD products and fused cell updates; the default behind every forward pass.
namespace Recurrent.Kernels;

/// <summary>
/// Computes a <see cref="DirectionJob"/> with <see cref="SimdDirection"/>, which it keeps on the job so the packed
/// weights and gate buffers are allocated once per shape. <see cref="Instance"/> uses the widest vectors the machine
/// accelerates (512, 256 or 128 bits, else the scalar path, 0); tests build narrower ones to cover the fallbacks.
/// Every width computes the same bits: each output element sums its products in the same order with fused
/// multiply-adds, and the activations are lane-wise formulas of exactly rounded operations (<see cref="Activations"/>).
/// That lets a direction narrower than one panel (G·H below two vectors, such as the article's H = 2) run on the
/// widest narrower path it fills instead of computing a panel of padding, with the same results.
/// </summary>
internal sealed class SimdKernel : IRecurrentKernel
{
    private readonly IGemm _gemm;
    private readonly ICellMath _cells;
    private readonly IBackwardMath _backward;
    private readonly (int PanelWidth, IGemm Gemm, ICellMath Cells)[] _paths;   // this width, then each narrower one, scalar last

    public SimdKernel(int vectorBits)
    {
        VectorBits = vectorBits;
        _gemm = Gemm.For(vectorBits);
        _cells = SimdCells.For(vectorBits);
        _backward = BackwardCells.For(vectorBits);
        _paths = new[] { 512, 256, 128, 0 }
            .Where(bits => bits == vectorBits || (bits < vectorBits && Gemm.Supports(bits)))
            .Select(bits => bits == vectorBits ? (_gemm, _cells) : (Gemm.For(bits), SimdCells.For(bits)))
            .Select(path => (path.Item1.PanelWidth, path.Item1, path.Item2))
            .ToArray();
    }

    public static SimdKernel Instance { get; } = new(Gemm.BestVectorBits);

    public int VectorBits { get; }

    public void Run(DirectionJob job)
    {
        var columns = job.Kind.GateCount() * job.HiddenSize;
        var path = _paths[^1];
        foreach (var candidate in _paths)
        {
            if (candidate.PanelWidth <= columns)
            {
                path = candidate;
                break;
            }
        }
        if (job.KernelState is not SimdDirection direction || direction.Gemm != path.Gemm)
        {
            direction = new SimdDirection(job, path.Gemm, path.Cells);
            job.KernelState = direction;
        }
        direction.Run();
    }

    /// <summary>The backward pass of one direction whose forward pass this kernel recorded (same width, same bits).</summary>
    public void Backward(DirectionGradJob job) => DirectionBackward.Run(job, _gemm, _backward);

    public override string ToString() => VectorBits == 0 ? "SimdKernel(scalar)" : $"SimdKernel({VectorBits}-bit)";
}
