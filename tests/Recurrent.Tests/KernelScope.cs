// Runs a block with RecurrentForward.Kernel swapped, restoring the default after; tests never run in parallel here.
using Recurrent.Kernels;

namespace Recurrent.Tests;

internal static class KernelScope
{
    public static T With<T>(IRecurrentKernel kernel, Func<T> body)
    {
        var previous = RecurrentForward.Kernel;
        RecurrentForward.Kernel = kernel;
        try
        {
            return body();
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
