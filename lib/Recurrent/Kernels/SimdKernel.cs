// The fast kernel: register-blocked SIMD products and TensorPrimitives activations; the default behind every forward pass.
namespace Recurrent.Kernels;

/// <summary>
/// Computes a <see cref="DirectionJob"/> with <see cref="SimdDirection"/>, which it keeps on the job so the packed
/// weights and gate buffers are allocated once per shape. <see cref="Instance"/> uses the widest vectors the machine
/// accelerates (512, 256 or 128 bits); tests build narrower ones to cover the fallbacks.
/// </summary>
internal sealed class SimdKernel : IRecurrentKernel
{
    private readonly IGemm _gemm;

    public SimdKernel(int vectorBits)
    {
        VectorBits = vectorBits;
        _gemm = Gemm.For(vectorBits);
    }

    public static SimdKernel Instance { get; } = new(Gemm.BestVectorBits);

    public int VectorBits { get; }

    public void Run(DirectionJob job)
    {
        if (job.KernelState is not SimdDirection direction || direction.Gemm != _gemm)
        {
            direction = new SimdDirection(job, _gemm);
            job.KernelState = direction;
        }
        direction.Run();
    }

    public override string ToString() => $"SimdKernel({VectorBits}-bit)";
}
