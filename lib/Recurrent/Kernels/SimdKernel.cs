// The fast kernel: register-blocked SIMD products and fused cell updates; the default behind every forward pass.
namespace Recurrent.Kernels;

/// <summary>
/// Computes a <see cref="DirectionJob"/> with <see cref="SimdDirection"/>, which it keeps on the job so the packed
/// weights and gate buffers are allocated once per shape. <see cref="Instance"/> uses the widest vectors the machine
/// accelerates (512, 256 or 128 bits, else the scalar path, 0); tests build narrower ones to cover the fallbacks.
/// Every width computes the same bits: each output element sums its products in the same order with fused
/// multiply-adds, and the activations are lane-wise formulas of exactly rounded operations (<see cref="Activations"/>).
/// </summary>
internal sealed class SimdKernel : IRecurrentKernel
{
    private readonly IGemm _gemm;
    private readonly ICellMath _cells;
    private readonly IBackwardMath _backward;

    public SimdKernel(int vectorBits)
    {
        VectorBits = vectorBits;
        _gemm = Gemm.For(vectorBits);
        _cells = SimdCells.For(vectorBits);
        _backward = BackwardCells.For(vectorBits);
    }

    public static SimdKernel Instance { get; } = new(Gemm.BestVectorBits);

    public int VectorBits { get; }

    public void Run(DirectionJob job)
    {
        if (job.KernelState is not SimdDirection direction || direction.Gemm != _gemm)
        {
            direction = new SimdDirection(job, _gemm, _cells);
            job.KernelState = direction;
        }
        direction.Run();
    }

    /// <summary>The backward pass of one direction whose forward pass this kernel recorded (same width, same bits).</summary>
    public void Backward(DirectionGradJob job) => DirectionBackward.Run(job, _gemm, _backward);

    public override string ToString() => VectorBits == 0 ? "SimdKernel(scalar)" : $"SimdKernel({VectorBits}-bit)";
}
