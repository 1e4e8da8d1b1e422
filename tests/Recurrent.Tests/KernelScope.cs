// Runs a forward-only block with RecurrentForward.Kernel swapped, restoring the default after; tests never run in parallel here.
using Recurrent.Kernels;

namespace Recurrent.Tests;

internal static class KernelScope
{
    /// <summary>
    /// Runs <paramref name="body"/> with <paramref name="kernel"/> inside Torch.NoGrad(): parameters require grad, so
    /// a forward pass would otherwise record for backward, which only the SIMD kernels do (the MathNet kernel is a
    /// forward-only reference).
    /// </summary>
    public static T With<T>(IRecurrentKernel kernel, Func<T> body)
    {
        var previous = RecurrentForward.Kernel;
        RecurrentForward.Kernel = kernel;
        try
        {
            using (Torch.NoGrad())
            {
                return body();
            }
        }
        finally
        {
            RecurrentForward.Kernel = previous;
        }
    }

    /// <summary>Every vector width this machine runs: 512 (if accelerated), 256, 128.</summary>
    public static IEnumerable<int> SupportedWidths => new[] { 512, 256, 128 }.Where(Gemm.Supports);

    /// <summary>The SIMD kernel at every vector width this machine runs, as theory data.</summary>
    public static TheoryData<int> VectorWidths => new(SupportedWidths);
}
